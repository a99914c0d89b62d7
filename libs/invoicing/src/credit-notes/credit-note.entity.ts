import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Index } from 'typeorm';
import { bigintColumn } from '@ar/database';
import { Invoice } from '../invoices/invoice.entity';

@Entity({ schema: 'invoicing', name: 'credit_notes' })
@Check('credit_notes_amount_check', 'amount > 0')
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

  /** The business date the credit takes effect, for as-of reports. */
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
