import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';

export const BANK_ENTRY_STATUSES = ['pending', 'matched', 'partly_matched', 'unmatched', 'ignored', 'applied'] as const;
export type BankEntryStatus = (typeof BANK_ENTRY_STATUSES)[number];

/** One imported camt message and what its import did. */
@Entity({ schema: 'invoicing', name: 'bank_statements' })
@Check('bank_statements_status_check', `status IN ('processing', 'completed', 'failed')`)
export class BankStatement {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'message_id', type: 'varchar', length: 64, nullable: true })
  messageId: string | null;

  @Column({ name: 'message_type', type: 'varchar', length: 8 })
  messageType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  account: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: 'processing' | 'completed' | 'failed';

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error: string | null;

  /** Counts: statements (Stmt/Rpt/Ntfctn), entries, credits and what became of them. */
  @Column({ type: 'jsonb' })
  counts: Record<'statements' | 'entries' | 'credits' | 'matched' | 'partlyMatched' | 'unmatched' | 'duplicates' | 'ignored', number>;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One booked entry as the bank reported it, once: its identity (`entry_key`) is the bank's reference where it
 * gives one, else account, booking date, amount and references, so the same entry in a camt.052 and later in the
 * camt.053 is kept (and applied) once.
 */
@Entity({ schema: 'invoicing', name: 'bank_entries' })
@Check('bank_entries_status_check', `status IN ('pending', 'matched', 'partly_matched', 'unmatched', 'ignored', 'applied')`)
@Index('bank_entries_status_idx', ['status', 'id'])
export class BankEntry {
  @PrimaryColumn('uuid')
  id: string;

  @Index('bank_entries_statement_idx')
  @Column({ name: 'statement_id', type: 'uuid' })
  statementId: string;

  @Index('bank_entries_entry_key_key', { unique: true })
  @Column({ name: 'entry_key', type: 'varchar', length: 500 })
  entryKey: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  account: string | null;

  @Column({ name: 'booking_date', type: 'date' })
  bookingDate: string;

  /** Minor units; null when the amount has more decimals than its currency. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintColumn })
  amount: number | null;

  /** A debit that returns or reverses a credit we applied (a returned direct debit or transfer): its payment is reversed. */
  @Column({ name: 'is_return', type: 'boolean', default: false })
  isReturn: boolean;

  @Column({ name: 'amount_text', type: 'varchar', length: 32 })
  amountText: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** The transactions of the entry (one, or a batch booking's details) as the bank described them. */
  @Column({ type: 'jsonb' })
  transactions: {
    amount: number | null;
    endToEndId: string | null;
    debtorName: string | null;
    debtorIban: string | null;
    remittance: string | null;
    creditorReferences: string[];
    returnReason?: string | null;
  }[];

  @Column({ type: 'varchar', length: 16 })
  status: BankEntryStatus;

  /** Why it matched (or not), per transaction, e.g. "rf_reference", "invoice_number", "payer_iban", "amount_mismatch". */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  reasons: string[];

  @Column({ name: 'payment_ids', type: 'uuid', array: true, default: () => "'{}'" })
  paymentIds: string[];

  @Column({ name: 'ignore_reason', type: 'varchar', length: 500, nullable: true })
  ignoreReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An IBAN a client has paid from, learnt from matched payments (personal data: finance roles only). */
@Entity({ schema: 'invoicing', name: 'payer_accounts' })
export class PayerAccount {
  @PrimaryColumn({ type: 'varchar', length: 34 })
  iban: string;

  @Index('payer_accounts_client_idx')
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'learnt_at', type: 'timestamptz' })
  learntAt: Date;
}
