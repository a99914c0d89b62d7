import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a person records about a contact with the client. */
export const MANUAL_ACTIVITY_KINDS = ['call', 'email', 'letter', 'meeting', 'note'] as const;
/** What the system records by itself when something happens to the client's debt. */
export const SYSTEM_ACTIVITY_KINDS = ['task_completed', 'letter_sent', 'promise', 'promise_cancelled', 'dispute', 'dispute_resolved', 'dunning_hold', 'dunning_hold_released', 'task_reassigned', 'instalment_plan', 'instalment_plan_ended'] as const;
export const ACTIVITY_KINDS = [...MANUAL_ACTIVITY_KINDS, ...SYSTEM_ACTIVITY_KINDS] as const;
export type ManualActivityKind = (typeof MANUAL_ACTIVITY_KINDS)[number];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * One entry of a client's contact history. Entries the system writes name what they are about (`subjectId`:
 * the task, letter, promise or hold), and one subject has one entry of a kind, so a redelivered event writes none twice.
 */
@Entity({ schema: 'collections', name: 'activities' })
@Index('activities_client_occurred_idx', ['clientId', 'occurredAt', 'id'])
@Index('activities_one_per_subject', ['kind', 'subjectId'], { unique: true, where: 'subject_id IS NOT NULL' })
@Check(
  'activities_kind_check',
  `kind IN ('call', 'email', 'letter', 'meeting', 'note', 'task_completed', 'letter_sent', 'promise', 'promise_cancelled', 'dispute', 'dispute_resolved', 'dunning_hold', 'dunning_hold_released', 'task_reassigned', 'instalment_plan', 'instalment_plan_ended')`,
)
export class Activity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: ActivityKind;

  @Column({ type: 'varchar', length: 64, nullable: true })
  outcome: string | null;

  @Column({ type: 'varchar', length: 4000 })
  note: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** Null when the system wrote it. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ name: 'follow_up_on', type: 'date', nullable: true })
  followUpOn: string | null;

  @Column({ name: 'follow_up_task_id', type: 'uuid', nullable: true })
  followUpTaskId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
