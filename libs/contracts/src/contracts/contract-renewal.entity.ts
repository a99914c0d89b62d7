import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Contract } from './contract.entity';

/** A contract's end moved on: by itself on its end date (`automatic`), or by hand (POST /v1/contracts/:id/renew). */
@Entity({ schema: 'contracts', name: 'contract_renewals' })
@Index('contract_renewals_once_per_end', ['contractId', 'previousEndsOn'], { unique: true })
export class ContractRenewal {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_contract_renewals' })
  id: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_renewals_contract_id_fkey' })
  contract?: Contract;

  @Column({ name: 'previous_ends_on', type: 'date' })
  previousEndsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ type: 'boolean' })
  automatic: boolean;

  /** Who renewed it by hand; null for an automatic renewal. */
  @Column({ name: 'renewed_by', type: 'uuid', nullable: true })
  renewedBy: string | null;

  @Column({ name: 'renewed_on', type: 'date' })
  renewedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
