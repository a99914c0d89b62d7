import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@ar/config';
import { Clock } from '@ar/time';
import { OverdueInvoicesPhase } from '../dunning/overdue-invoices.phase';
import { encodePosition } from '../dunning/overdue-position';
import { PolicyCatalogLoader } from '../policies/policy-catalog';
import { PromiseReviewPhase } from '../promises/promise-review.phase';
import { InstalmentReviewPhase } from '../instalments/instalment-review.phase';
import { CourtesyRemindersPhase } from '../dunning/courtesy-reminders.phase';
import { SolvencyAssessor } from '../solvency/solvency-assessor';
import { DunningTasksPhase } from '../tasks/dunning-tasks.phase';
import { EMPTY_SWEEP_STATS, Sweep, SweepCheckpoint, SweepStats } from './sweep.entity';
import { SweepRepository } from './sweep.repository';

/** How many batches' worth of overdue candidates one listing pass returns (bounds the worker's memory). */
const CANDIDATE_BATCHES = 20;

/** Thrown at a batch boundary when the process is shutting down; the sweep resumes from its checkpoint. */
export class SweepPausedError extends Error {
  constructor(sweepId: string) {
    super(`Sweep ${sweepId} paused for shutdown at a batch boundary; it resumes from its checkpoint`);
    this.name = 'SweepPausedError';
  }
}

/**
 * Runs one sweep through its phases — overdue invoices, tasks, promises, solvency — in keyset batches.
 * Each batch commits together with the sweep's checkpoint and stats, so a killed worker's sweep resumes
 * where it stopped and ends in the same state as an uninterrupted run.
 */
@Injectable()
export class SweepRunner {
  private readonly logger = new Logger(SweepRunner.name);
  private stopping = false;

  /** Lets a running sweep stop at its next batch boundary instead of holding the shutdown until it ends. */
  requestStop(): void {
    this.stopping = true;
  }

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sweeps: SweepRepository,
    private readonly policiesLoader: PolicyCatalogLoader,
    private readonly overdue: OverdueInvoicesPhase,
    private readonly tasks: DunningTasksPhase,
    private readonly promises: PromiseReviewPhase,
    private readonly instalmentPlans: InstalmentReviewPhase,
    private readonly courtesy: CourtesyRemindersPhase,
    private readonly assessor: SolvencyAssessor,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async run(sweepId: string): Promise<Sweep | null> {
    const sweep = await this.sweeps.findById(sweepId);
    if (!sweep || sweep.status === 'completed') return sweep;
    const startedAt = sweep.startedAt ?? this.clock.now();
    await this.sweeps.markRunning(sweepId, startedAt);
    const asOf = sweep.asOf;
    const stats: SweepStats = { ...EMPTY_SWEEP_STATS, ...(sweep.stats ?? {}) };
    let checkpoint: SweepCheckpoint = sweep.checkpoint ?? { phase: 'invoices', after: null };
    const save = (manager: EntityManager, next: SweepCheckpoint) => this.sweeps.saveProgress(manager, sweepId, next, stats);
    // Every batch commits with its checkpoint, so between two batches is a safe place to stop.
    const stopIfAsked = () => {
      if (this.stopping) throw new SweepPausedError(sweepId);
    };
    const policies = await this.policiesLoader.load();
    this.logger.log({ sweepId, asOf, resumeFrom: checkpoint }, 'Sweep running');
    const phaseMs: Record<string, number> = {};
    let phaseStart = Date.now();
    const phaseDone = (phase: string) => {
      phaseMs[phase] = Date.now() - phaseStart;
      phaseStart = Date.now();
    };

    try {
      if (checkpoint.phase === 'invoices') {
        for (let more = true; more; ) {
          const listed = await this.overdue.candidates(asOf, checkpoint.after, policies, this.config.sweepBatchSize * CANDIDATE_BATCHES);
          // Counted once, on the walk from the start; a resumed sweep's stats already hold it.
          if (checkpoint.after === null) stats.invoicesScanned = listed.overdue;
          more = listed.more;
          for (let i = 0; i < listed.invoices.length; i += this.config.sweepBatchSize) {
            const batch = listed.invoices.slice(i, i + this.config.sweepBatchSize);
            const after = encodePosition(batch[batch.length - 1]);
            await this.overdue.runBatch(asOf, batch.map((c) => c.invoiceId), policies, sweepId, (manager, r) => {
              stats.newlyOverdue += r.newlyOverdue;
              stats.levelChanges += r.levelChanges;
              return save(manager, { phase: 'invoices', after });
            });
            checkpoint = { phase: 'invoices', after };
            stopIfAsked();
          }
        }
        checkpoint = { phase: 'tasks', after: null };
        await save(this.dataSource.manager, checkpoint);
        phaseDone('invoices');
      }

      if (checkpoint.phase === 'tasks') {
        if (checkpoint.after === null) stats.tasksCancelled += await this.tasks.closeSettled(asOf);
        const clients = await this.tasks.clientsToReview(asOf, checkpoint.after);
        for (let i = 0; i < clients.length; i += this.config.sweepBatchSize) {
          const batch = clients.slice(i, i + this.config.sweepBatchSize);
          await this.tasks.runBatch(asOf, batch, policies, (manager, r) => {
            stats.tasksCreated += r.created;
            return save(manager, { phase: 'tasks', after: batch[batch.length - 1] });
          });
          checkpoint = { phase: 'tasks', after: batch[batch.length - 1] };
          stopIfAsked();
        }
        checkpoint = { phase: 'promises', after: null };
        await save(this.dataSource.manager, checkpoint);
        phaseDone('tasks');
      }

      if (checkpoint.phase === 'promises') {
        // Promises and plans already settled are not reviewed again, invoices already reminded not again, so repeating this step after a crash is harmless.
        await this.promises.run(asOf);
        await this.instalmentPlans.run(asOf);
        await this.courtesy.run(asOf);
        checkpoint = { phase: 'solvency', after: null };
        await save(this.dataSource.manager, checkpoint);
        phaseDone('promises');
      }

      const candidates = await this.sweeps.clientsToReassess(asOf, checkpoint.after);
      const batchSize = this.config.sweepBatchSize;
      for (let i = 0; i < candidates.length; i += batchSize) {
        stopIfAsked();
        const batch = candidates.slice(i, i + batchSize);
        await this.dataSource.transaction(async (manager) => {
          const outcome = await this.assessor.assess(batch, asOf, policies, manager);
          stats.clientsAssessed += outcome.assessed;
          stats.clientsBlocked += outcome.blocked;
          stats.clientsUnblocked += outcome.unblocked;
          await save(manager, { phase: 'solvency', after: batch[batch.length - 1] });
        });
      }

      phaseDone('solvency');
      await this.sweeps.markCompleted(sweepId, this.clock.now(), stats);
      this.logger.log({ sweepId, asOf, stats, phaseMs }, 'Sweep completed');
    } catch (error) {
      if (error instanceof SweepPausedError) {
        this.logger.log({ sweepId, asOf, checkpoint }, 'Sweep paused for shutdown');
        await this.sweeps.markQueued(sweepId);
      } else {
        await this.sweeps.markFailed(sweepId, String((error as Error).message));
      }
      throw error;
    }
    return this.sweeps.findById(sweepId);
  }
}
