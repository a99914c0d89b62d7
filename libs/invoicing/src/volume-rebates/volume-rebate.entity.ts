import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';

/**
 * A closed period's volume rebate of a contract whose tiers settle at year end: the tiers' discount on the period's
 * volume, booked as credit notes on the contract's open invoices (newest first); what no open invoice could take is
 * `remaining`, owed to the client (finance refunds it or sets it off).
 */
@Entity({ schema: 'invoicing', name: 'volume_rebates' })
@Index('volume_rebates_once_per_period', ['contractId', 'periodFrom'], { unique: true })
export class VolumeRebate {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_volume_rebates' })
  id: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo: string;

  /** Net invoiced in the period before volume discounts, minor units. */
  @Column({ type: 'bigint', transformer: bigintColumn })
  volume: number;

  /** The tiers' discount on that volume (net). */
  @Column({ name: 'rebate_net', type: 'bigint', transformer: bigintColumn })
  rebateNet: number;

  /** With the period's tax: what is credited. */
  @Column({ type: 'bigint', transformer: bigintColumn })
  rebate: number;

  @Column({ type: 'bigint', transformer: bigintColumn })
  credited: number;

  @Column({ type: 'bigint', transformer: bigintColumn })
  remaining: number;

  @Column({ name: 'credit_note_ids', type: 'uuid', array: true })
  creditNoteIds: string[];

  @Column({ name: 'settled_on', type: 'date' })
  settledOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
