import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const SWEEP_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type SweepStatus = (typeof SWEEP_STATUSES)[number];

export interface SweepStats {
  invoicesScanned: number;
  newlyOverdue: number;
  levelChanges: number;
  tasksCreated: number;
  tasksCancelled: number;
  clientsAssessed: number;
  clientsBlocked: number;
  clientsUnblocked: number;
}

export const EMPTY_SWEEP_STATS: SweepStats = {
  invoicesScanned: 0,
  newlyOverdue: 0,
  levelChanges: 0,
  tasksCreated: 0,
  tasksCancelled: 0,
  clientsAssessed: 0,
  clientsBlocked: 0,
  clientsUnblocked: 0,
};

export type SweepPhase = 'invoices' | 'tasks' | 'promises' | 'solvency';

export interface SweepCheckpoint {
  phase: SweepPhase;
  after: string | null;
}

/** One sweep per business date: the unique as_of makes every replica and retry share it. */
@Entity({ schema: 'collections', name: 'sweeps' })
@Check('sweeps_status_check', `status IN ('queued', 'running', 'completed', 'failed')`)
export class Sweep {
  @PrimaryColumn('uuid')
  id: string;

  @Index('sweeps_as_of_key', { unique: true })
  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: SweepStatus;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'jsonb' })
  stats: SweepStats;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error: string | null;

  /** Where a resumed run continues: the phase and the last key it committed. */
  @Column({ type: 'jsonb', nullable: true })
  checkpoint: SweepCheckpoint | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
