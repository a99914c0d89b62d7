import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import type { DunningPolicyLevel } from './dunning-policy-level.entity';

export interface MinimumAmount {
  currency: string;
  amount: number;
}

/** The id of the `standard` policy seeded by the first collections migration. */
export const STANDARD_POLICY_ID = '00000000-0000-4000-8000-000000000001';

@Entity({ schema: 'collections', name: 'dunning_policies' })
export class DunningPolicy {
  @PrimaryColumn('uuid')
  id: string;

  @Index('dunning_policies_name_key', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Per currency, the overdue amount of a client below which nothing is dunned (minor units). */
  @Column({ name: 'minimum_amounts', type: 'jsonb', default: () => "'[]'" })
  minimumAmounts: MinimumAmount[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @OneToMany('DunningPolicyLevel', 'policy')
  levels?: DunningPolicyLevel[];
}
