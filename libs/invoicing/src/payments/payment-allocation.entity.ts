import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';
import { Invoice } from '../invoices/invoice.entity';
import { Payment } from './payment.entity';

export type AllocationKind = 'payment' | 'discount';

/**
 * Append-only ledger of what each payment did to each invoice. A reversal adds negative rows dated
 * on the reversal, so an invoice's balance on any past date is the sum of rows effective by then.
 */
@Entity({ schema: 'invoicing', name: 'payment_allocations' })
@Index('payment_allocations_invoice_idx', ['invoiceId', 'effectiveOn'])
@Check('payment_allocations_kind_check', `kind IN ('payment', 'discount')`)
@Check('payment_allocations_amount_check', 'amount <> 0')
export class PaymentAllocation {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Index('payment_allocations_payment_idx')
  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @ManyToOne(() => Payment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'payment_allocations_payment_id_fkey' })
  payment?: Payment;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'payment_allocations_invoice_id_fkey' })
  invoice?: Invoice;

  @Column({ type: 'varchar', length: 16 })
  kind: AllocationKind;

  @Column({ type: 'bigint', transformer: bigintColumn })
  amount: number;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
