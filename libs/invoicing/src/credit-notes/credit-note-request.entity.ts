import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';
import { Invoice } from '../invoices/invoice.entity';

export const CREDIT_NOTE_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CreditNoteRequestStatus = (typeof CREDIT_NOTE_REQUEST_STATUSES)[number];

/** An account manager's request for a credit note, which finance approves (issuing the note) or rejects. */
@Entity({ schema: 'invoicing', name: 'credit_note_requests' })
@Check('credit_note_requests_amount_check', 'amount > 0')
@Check('credit_note_requests_status_check', `status IN ('pending', 'approved', 'rejected')`)
@Index('credit_note_requests_status_idx', ['status', 'id'])
export class CreditNoteRequest {
  @PrimaryColumn('uuid')
  id: string;

  @Index('credit_note_requests_invoice_id_idx')
  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'credit_note_requests_invoice_id_fkey' })
  invoice?: Invoice;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: CreditNoteRequestStatus;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'varchar', length: 1000, nullable: true })
  decisionNote: string | null;

  @Column({ name: 'credit_note_id', type: 'uuid', nullable: true })
  creditNoteId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
