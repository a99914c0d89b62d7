import { Check, Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';
import type { InvoiceLine } from './invoice-line.entity';
import { OPEN_STATUS_SQL } from './open-receivable';
import type { VolumeDiscountApplied } from './volume-discount-lines';

export const INVOICE_STATUSES = ['open', 'partially_paid', 'paid', 'void', 'written_off'] as const;
/** `interest`: issued for the late interest and fees of another invoice; it never bears interest itself. */
export const INVOICE_KINDS = ['standard', 'interest'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

@Entity({ schema: 'invoicing', name: 'invoices' })
@Index('invoices_client_id_number_key', ['clientId', 'number'], { unique: true })
// Bank entries quote invoice numbers without saying whose: the matcher looks numbers up across clients.
@Index('invoices_number_idx', ['number'])
@Index('invoices_issue_date_idx', ['issueDate'])
// Unique per client, like the number, so a 409 never tells a manager that a hidden client's invoice uses an id.
@Index('invoices_client_external_id_key', ['clientId', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
@Index('invoices_client_open_idx', ['clientId', 'currency', 'dueDate'], { where: OPEN_STATUS_SQL })
@Index('invoices_due_date_open_idx', ['dueDate', 'id'], { where: OPEN_STATUS_SQL })
// A client's payment behaviour (days late over the last year) reads its paid invoices by settlement date.
@Index('invoices_client_settled_idx', ['clientId', 'settledOn'], { where: `status = 'paid'` })
@Check('invoices_status_check', `status IN ('open', 'partially_paid', 'paid', 'void', 'written_off')`)
@Check('invoices_kind_check', `kind IN ('standard', 'interest')`)
@Check(
  'invoices_amounts_check',
  `total >= 0 AND amount_paid >= 0 AND amount_credited >= 0 AND amount_discounted >= 0 AND amount_paid + amount_credited + amount_discounted <= total
   AND amount_written_off >= 0 AND amount_written_off <= amount_credited`,
)
export class Invoice {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  number: string;

  /** A client of the contracts context; no foreign key across contexts. */
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Index('invoices_contract_id_idx')
  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'issue_date', type: 'date' })
  issueDate: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  subtotal: number;

  @Column({ name: 'tax_total', type: 'bigint', transformer: bigintColumn })
  taxTotal: number;

  @Column({ type: 'bigint', transformer: bigintColumn })
  total: number;

  @Column({ name: 'amount_paid', type: 'bigint', default: 0, transformer: bigintColumn })
  amountPaid: number;

  @Column({ name: 'amount_credited', type: 'bigint', default: 0, transformer: bigintColumn })
  amountCredited: number;

  /** Of amount_credited, what was written off as uncollectable (not by a credit note). */
  @Column({ name: 'amount_written_off', type: 'bigint', default: 0, transformer: bigintColumn })
  amountWrittenOff: number;

  /** Cash discount (Skonto) granted: settled, but neither paid nor owed. */
  @Column({ name: 'amount_discounted', type: 'bigint', default: 0, transformer: bigintColumn })
  amountDiscounted: number;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: InvoiceStatus;

  /** The business date the balance reached zero (for days-late statistics); null while open. */
  @Column({ name: 'settled_on', type: 'date', nullable: true })
  settledOn: string | null;

  @Column({ type: 'boolean', default: false })
  disputed: boolean;

  @Column({ name: 'dispute_reason', type: 'varchar', length: 1000, nullable: true })
  disputeReason: string | null;

  @Column({ name: 'external_id', type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'standard' })
  kind: InvoiceKind;

  /** For an interest invoice: the invoice whose interest and fees it claims. */
  @Index('invoices_original_invoice_id_idx', { where: 'original_invoice_id IS NOT NULL' })
  @Column({ name: 'original_invoice_id', type: 'uuid', nullable: true })
  originalInvoiceId: string | null;

  /** What the contract's volume tiers gave this invoice, and the period's volume before and with it; null without tiers. */
  @Column({ name: 'volume_discount', type: 'jsonb', nullable: true })
  volumeDiscount: VolumeDiscountApplied | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Read by the collections sweep to find clients whose receivables changed. */
  @Index('invoices_updated_at_idx')
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany('InvoiceLine', 'invoice')
  lines?: InvoiceLine[];
}

export function invoiceBalance(invoice: Pick<Invoice, 'total' | 'amountPaid' | 'amountCredited' | 'amountDiscounted'>): number {
  return invoice.total - invoice.amountPaid - invoice.amountCredited - invoice.amountDiscounted;
}
