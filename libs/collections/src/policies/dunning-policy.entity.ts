import { Check, Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import type { DunningPolicyLevel } from './dunning-policy-level.entity';

export interface MinimumAmount {
  currency: string;
  amount: number;
}

/** The id of the `standard` policy seeded by the first collections migration. */
export const STANDARD_POLICY_ID = '00000000-0000-4000-8000-000000000001';

@Entity({ schema: 'collections', name: 'dunning_policies' })
@Check('dunning_policies_courtesy_days_check', 'courtesy_days_before_due BETWEEN 1 AND 30')
export class DunningPolicy {
  @PrimaryColumn('uuid')
  id: string;

  @Index('dunning_policies_name_key', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Per currency, the overdue amount of a client below which nothing is dunned (minor units). */
  @Column({ name: 'minimum_amounts', type: 'jsonb', default: () => "'[]'" })
  minimumAmounts: MinimumAmount[];

  /** Days before the due date a courtesy reminder is e-mailed (level 0); null: none. */
  @Column({ name: 'courtesy_days_before_due', type: 'smallint', nullable: true })
  courtesyDaysBeforeDue: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @OneToMany('DunningPolicyLevel', 'policy')
  levels?: DunningPolicyLevel[];
}
