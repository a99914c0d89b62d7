import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';
import type { LetterDocument } from './letter-document';
import { LetterKind, LetterLanguage } from './letter-kinds';

export const LETTER_STATUSES = ['draft', 'queued', 'sent', 'failed', 'posted'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_CHANNELS = ['email', 'post'] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];

/**
 * A letter to a debtor as it was produced: its words, figures and PDF are kept as sent, whatever changes later.
 * A letter the sweep produces carries a dunning key (client, kind, level, invoice set): one letter per key.
 */
@Entity({ schema: 'invoicing', name: 'letters' })
@Check('letters_kind_check', `kind IN ('courtesy', 'reminder', 'final_notice', 'pre_trial_claim', 'statement')`)
@Check('letters_status_check', `status IN ('draft', 'queued', 'sent', 'failed', 'posted')`)
@Check('letters_channel_check', `channel IN ('email', 'post')`)
@Index('letters_client_id_idx', ['clientId', 'id'])
@Index('letters_dunning_key_key', ['dunningKey'], { unique: true, where: 'dunning_key IS NOT NULL' })
@Index('letters_reference_key', ['reference'], { unique: true, where: 'reference IS NOT NULL' })
export class Letter {
  @PrimaryColumn('uuid')
  id: string;

  @Index('letters_number_key', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  number: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: LetterKind;

  @Column({ type: 'smallint', nullable: true })
  level: number | null;

  @Column({ name: 'invoice_ids', type: 'uuid', array: true })
  invoiceIds: string[];

  @Column({ name: 'dunning_key', type: 'varchar', length: 200, nullable: true })
  dunningKey: string | null;

  @Column({ type: 'varchar', length: 2 })
  language: LetterLanguage;

  @Column({ type: 'varchar', length: 8 })
  channel: LetterChannel;

  @Column({ name: 'recipient_email', type: 'varchar', length: 254, nullable: true })
  recipientEmail: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: LetterStatus;

  /** Why a letter goes by post, or why it failed. */
  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'total_due', type: 'bigint', transformer: bigintColumn })
  totalDue: number;

  @Column({ name: 'letter_date', type: 'date' })
  letterDate: string;

  @Column({ name: 'pay_by', type: 'date', nullable: true })
  payBy: string | null;

  /** ISO 11649 creditor reference; resolves a payment quoting it to this letter's invoices. */
  @Column({ type: 'varchar', length: 25, nullable: true })
  reference: string | null;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** Everything the letter prints, as of its production: the PDF is rendered from this, once. */
  @Column({ type: 'jsonb', select: false })
  document?: LetterDocument;

  /** The rendered PDF: a sweep's letter right after production, any other on first need (sending, downloading); never rendered again. */
  @Column({ type: 'bytea', nullable: true, select: false })
  pdf?: Buffer | null;

  /** Set while one worker hands the e-mail to SMTP; a letter claimed and never finished is not resent blindly. */
  @Column({ name: 'sending_since', type: 'timestamptz', nullable: true })
  sendingSince: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'posted_at', type: 'timestamptz', nullable: true })
  postedAt: Date | null;
}

/** One attempt to hand a letter's e-mail to the SMTP server. */
@Entity({ schema: 'invoicing', name: 'letter_attempts' })
export class LetterAttempt {
  @PrimaryColumn('uuid')
  id: string;

  @Index('letter_attempts_letter_id_idx')
  @Column({ name: 'letter_id', type: 'uuid' })
  letterId: string;

  @ManyToOne(() => Letter, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'letter_attempts_letter_id_fkey' })
  letter?: Letter;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt: Date;

  @Column({ type: 'varchar', length: 16 })
  outcome: 'sent' | 'retrying' | 'failed';

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error: string | null;
}

/** An admin's version of a template; without one, the default of its kind and language applies. */
@Entity({ schema: 'invoicing', name: 'letter_templates' })
export class LetterTemplateOverride {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: LetterKind;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  language: LetterLanguage;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
