import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The audit of a task handed to someone else by hand: from whom, to whom, by whom and why. Append-only. */
@Entity({ schema: 'collections', name: 'task_reassignments' })
@Index('task_reassignments_task_idx', ['taskId'])
export class TaskReassignment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ name: 'from_assignee_id', type: 'uuid', nullable: true })
  fromAssigneeId: string | null;

  @Column({ name: 'to_assignee_id', type: 'uuid' })
  toAssigneeId: string;

  @Column({ type: 'varchar', length: 2000 })
  reason: string;

  @Column({ name: 'reassigned_by', type: 'uuid' })
  reassignedBy: string;

  @CreateDateColumn({ name: 'reassigned_at', type: 'timestamptz' })
  reassignedAt: Date;
}
