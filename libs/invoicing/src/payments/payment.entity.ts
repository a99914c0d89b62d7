import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';

export const PAYMENT_STATUSES = ['applied', 'reversed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/** Where a payment came from: `manual` or the id of the integration that sent it. */
export const MANUAL_SOURCE = 'manual';

@Entity({ schema: 'invoicing', name: 'payments' })
@Index('payments_source_external_id_key', ['sourceKey', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
@Index('payments_client_id_idx', ['clientId', 'currency'])
@Index('payments_received_on_idx', ['receivedOn'])
// Unapplied credit is rare: the sweep asks for it per client, and this index holds only the payments that carry some.
@Index('payments_unapplied_credit_idx', ['clientId', 'currency'], { where: `status = 'applied' AND unapplied_amount > 0` })
@Check('payments_status_check', `status IN ('applied', 'reversed')`)
@Check('payments_amounts_check', 'amount > 0 AND unapplied_amount >= 0 AND unapplied_amount <= amount')
export class Payment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reference: string | null;

  @Column({ name: 'external_id', type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  @Column({ name: 'source_key', type: 'varchar', length: 64, default: MANUAL_SOURCE })
  sourceKey: string;

  /** The invoice the payer named, if any. */
  @Column({ name: 'invoice_id', type: 'uuid', nullable: true })
  invoiceId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'applied' })
  status: PaymentStatus;

  /** What no invoice took: credit on the client. */
  @Column({ name: 'unapplied_amount', type: 'bigint', transformer: bigintColumn })
  unappliedAmount: number;

  @Column({ name: 'reversed_on', type: 'date', nullable: true })
  reversedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
