import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintColumn } from '@ar/database';

export const TASK_TYPES = ['reminder', 'final_notice', 'legal_handover', 'broken_promise', 'credit_review', 'follow_up', 'broken_plan', 'contract_renewal'] as const;
/** Tasks a person creates by hand; any number of them may be open for a client. */
export const MANUAL_TASK_TYPES = ['follow_up'] as const;
export type ManualTaskType = (typeof MANUAL_TASK_TYPES)[number];
export type TaskType = (typeof TASK_TYPES)[number];
export const TASK_STATUSES = ['open', 'done', 'snoozed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_OUTCOMES = ['contacted', 'promise_to_pay', 'dispute', 'no_answer'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/**
 * A call an account manager must make. At most one open (or snoozed) task per client, type and level, follow-ups
 * and contract renewals (one per contract and end date) aside.
 */
@Entity({ schema: 'collections', name: 'tasks' })
@Index('tasks_one_open_per_client_type_level', ['clientId', 'type', 'dunningLevel'], {
  unique: true,
  where: `status IN ('open', 'snoozed') AND type NOT IN ('follow_up', 'contract_renewal')`,
})
@Index('tasks_one_renewal_per_contract_end', ['contractId', 'contractEndsOn'], { unique: true, where: `type = 'contract_renewal'` })
@Index('tasks_assignee_priority_idx', ['assigneeId', 'status', 'priority'])
@Check('tasks_type_check', `type IN ('reminder', 'final_notice', 'legal_handover', 'broken_promise', 'credit_review', 'follow_up', 'broken_plan', 'contract_renewal')`)
@Check('tasks_status_check', `status IN ('open', 'done', 'snoozed', 'cancelled')`)
export class Task {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'varchar', length: 32 })
  type: TaskType;

  @Column({ name: 'dunning_level', type: 'smallint', default: 0 })
  dunningLevel: number;

  @Column({ name: 'invoice_ids', type: 'uuid', array: true, default: () => `'{}'` })
  invoiceIds: string[];

  @Column({ name: 'amount_overdue', type: 'bigint', default: 0, transformer: bigintColumn })
  amountOverdue: number;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ type: 'integer', default: 0 })
  priority: number;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: TaskStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome: TaskOutcome | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  /** Assigned by a person (a follow-up, a reassignment): the daily hand-over to manager or deputy leaves it alone. */
  /** The contract a contract_renewal task is about, and the end date it was due to end on. */
  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId: string | null;

  @Column({ name: 'contract_ends_on', type: 'date', nullable: true })
  contractEndsOn: string | null;

  @Column({ name: 'assignment_pinned', type: 'boolean', default: false })
  assignmentPinned: boolean;

  /** Who created it by hand; null for the system's tasks. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'snoozed_until', type: 'date', nullable: true })
  snoozedUntil: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
