import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintColumn, decimalColumn } from '@ar/database';
import { Invoice } from './invoice.entity';

@Entity({ schema: 'invoicing', name: 'invoice_lines' })
export class InvoiceLine {
  @PrimaryColumn({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @ManyToOne(() => Invoice, (invoice) => invoice.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'invoice_lines_invoice_id_fkey' })
  invoice?: Invoice;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Column({ type: 'numeric', precision: 18, scale: 4, transformer: decimalColumn })
  quantity: number;

  @Column({ name: 'unit_price', type: 'bigint', transformer: bigintColumn })
  unitPrice: number;

  @Column({ name: 'tax_rate_percent', type: 'numeric', precision: 7, scale: 4, default: 0, transformer: decimalColumn })
  taxRatePercent: number;

  @Column({ name: 'net_amount', type: 'bigint', transformer: bigintColumn })
  netAmount: number;

  @Column({ name: 'tax_amount', type: 'bigint', transformer: bigintColumn })
  taxAmount: number;
}
