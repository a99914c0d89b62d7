import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';

/** The collections context's state of one overdue (or once overdue) invoice. */
@Entity({ schema: 'collections', name: 'invoice_dunning' })
export class InvoiceDunning {
  @PrimaryColumn({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @Index('invoice_dunning_client_idx')
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'smallint', default: 0 })
  level: number;

  /** Late interest accrued up to `as_of`, minor units; never part of the invoice principal. */
  @Column({ name: 'interest_amount', type: 'bigint', default: 0, transformer: bigintColumn })
  interestAmount: number;

  /** Flat late-payment fee and dunning fees, minor units. */
  @Column({ name: 'fee_amount', type: 'bigint', default: 0, transformer: bigintColumn })
  feeAmount: number;

  @Column({ name: 'first_overdue_on', type: 'date' })
  firstOverdueOn: string;

  @Column({ name: 'level_changed_on', type: 'date', nullable: true })
  levelChangedOn: string | null;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
