import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Index } from 'typeorm';
import { bigintColumn } from '@ar/database';
import { Invoice } from '../invoices/invoice.entity';

export const CREDIT_KINDS = ['credit_note', 'write_off'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

/**
 * A reduction of what the client owes on one invoice that is not a payment: a credit note, or a write-off of what
 * cannot be collected. Both lower the receivable in the same ledger (amount_credited), dated `issuedOn`.
 */
@Entity({ schema: 'invoicing', name: 'credit_notes' })
@Check('credit_notes_amount_check', 'amount > 0')
@Check('credit_notes_kind_check', `kind IN ('credit_note', 'write_off')`)
export class CreditNote {
  @PrimaryColumn('uuid')
  id: string;

  @Index('credit_notes_invoice_id_idx')
  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'credit_notes_invoice_id_fkey' })
  invoice?: Invoice;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ type: 'varchar', length: 16, default: 'credit_note' })
  kind: CreditKind;

  /** Who issued it (null for entries made before this was recorded). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  /** The business date the credit takes effect, for as-of reports. */
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
