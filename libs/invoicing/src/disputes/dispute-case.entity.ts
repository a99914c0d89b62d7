import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';

export const DISPUTE_REASON_CODES = ['price', 'quantity', 'quality', 'not_received', 'duplicate', 'other'] as const;
export type DisputeReasonCode = (typeof DISPUTE_REASON_CODES)[number];
export const DISPUTE_RESOLUTIONS = ['credit_note', 'write_off', 'rejected', 'paid'] as const;
export type DisputeResolution = (typeof DISPUTE_RESOLUTIONS)[number];
/** What a manager may propose; finance approves it. */
export const PROPOSABLE_RESOLUTIONS = ['credit_note', 'write_off'] as const;
export type ProposableResolution = (typeof PROPOSABLE_RESOLUTIONS)[number];

export interface DisputeNote {
  at: string;
  by: string | null;
  note: string;
}

/**
 * A complaint about an invoice as a case someone owns and resolves: why (reason code), by when, what was said,
 * and how it ended. While it is open the invoice is disputed and never escalated. One open case per invoice.
 */
@Entity({ schema: 'invoicing', name: 'dispute_cases' })
@Index('dispute_cases_one_open_per_invoice', ['invoiceId'], { unique: true, where: `status = 'open'` })
@Index('dispute_cases_client_idx', ['clientId', 'openedOn'])
@Index('dispute_cases_opened_idx', ['openedOn'])
@Check('dispute_cases_status_check', `status IN ('open', 'resolved')`)
@Check('dispute_cases_reason_code_check', `reason_code IN ('price', 'quantity', 'quality', 'not_received', 'duplicate', 'other')`)
export class DisputeCase {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** What the invoice owed when the case was opened. */
  @Column({ type: 'bigint', transformer: bigintColumn })
  amount: number;

  @Column({ name: 'reason_code', type: 'varchar', length: 16 })
  reasonCode: DisputeReasonCode;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  notes: DisputeNote[];

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: 'open' | 'resolved';

  @Column({ type: 'varchar', length: 16, nullable: true })
  resolution: DisputeResolution | null;

  /** Credited or written off by the resolution. */
  @Column({ name: 'resolution_amount', type: 'bigint', nullable: true, transformer: bigintColumn })
  resolutionAmount: number | null;

  @Column({ name: 'credit_note_id', type: 'uuid', nullable: true })
  creditNoteId: string | null;

  @Column({ name: 'proposed_resolution', type: 'varchar', length: 16, nullable: true })
  proposedResolution: ProposableResolution | null;

  @Column({ name: 'proposed_amount', type: 'bigint', nullable: true, transformer: bigintColumn })
  proposedAmount: number | null;

  @Column({ name: 'proposed_by', type: 'uuid', nullable: true })
  proposedBy: string | null;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedBy: string | null;

  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
