import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';

export const PROMISE_STATUSES = ['active', 'kept', 'broken', 'cancelled'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/** A debtor's promise to pay: holds escalation of the client's overdue invoices until its date. */
@Entity({ schema: 'collections', name: 'promises' })
@Index('promises_client_status_idx', ['clientId', 'status'])
@Check('promises_status_check', `status IN ('active', 'kept', 'broken', 'cancelled')`)
export class PromiseToPay {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId: string | null;

  @Column({ name: 'promised_on', type: 'date' })
  promisedOn: string;

  @Column({ name: 'promised_date', type: 'date' })
  promisedDate: string;

  @Column({ name: 'promised_amount', type: 'bigint', transformer: bigintColumn })
  promisedAmount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: PromiseStatus;

  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn: string | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 2000, nullable: true })
  cancelReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
