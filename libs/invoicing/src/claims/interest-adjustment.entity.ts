import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';
import { Invoice } from '../invoices/invoice.entity';

export const INTEREST_ADJUSTMENT_KINDS = ['charge', 'waive'] as const;
export type InterestAdjustmentKind = (typeof INTEREST_ADJUSTMENT_KINDS)[number];

/**
 * What became of an invoice's late interest and fees up to a date: charged on an interest invoice, or
 * waived (which also stops further accrual). Append-only, the audit of who did it, when and why.
 */
@Entity({ schema: 'invoicing', name: 'interest_adjustments' })
@Check('interest_adjustments_kind_check', `kind IN ('charge', 'waive')`)
@Check('interest_adjustments_amounts_check', 'interest >= 0 AND fees >= 0')
// A waiver ends accrual for good: one per invoice.
@Index('interest_adjustments_one_waiver_key', ['invoiceId'], { unique: true, where: `kind = 'waive'` })
export class InterestAdjustment {
  @PrimaryColumn('uuid')
  id: string;

  @Index('interest_adjustments_invoice_id_idx')
  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'interest_adjustments_invoice_id_fkey' })
  invoice?: Invoice;

  @Column({ type: 'varchar', length: 8 })
  kind: InterestAdjustmentKind;

  /** The last day whose interest this covers. */
  @Column({ type: 'date' })
  through: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  interest: number;

  @Column({ type: 'bigint', transformer: bigintColumn })
  fees: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ name: 'interest_invoice_id', type: 'uuid', nullable: true })
  interestInvoiceId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
