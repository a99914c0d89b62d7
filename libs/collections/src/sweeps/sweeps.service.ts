import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { DomainError } from '@ar/errors';
import { JOB_OPTIONS, JobNames, Queues, RunSweepJob } from '@ar/queues';
import { BusinessCalendar, CalendarDate } from '@ar/time';
import { EMPTY_SWEEP_STATS, Sweep } from './sweep.entity';
import { SweepRepository } from './sweep.repository';

@Injectable()
export class SweepsService {
  constructor(
    private readonly sweeps: SweepRepository,
    @InjectQueue(Queues.Sweeps) private readonly queue: Queue<RunSweepJob>,
    private readonly calendar: BusinessCalendar,
  ) {}

  /**
   * Requests the sweep of a business date (default today). The same date always means the same sweep:
   * asking again returns it and queues nothing new once it completed. A date before the latest
   * completed sweep is refused, since dunning state only moves forward.
   */
  async request(asOf: CalendarDate = this.calendar.today()): Promise<Sweep> {
    // A sweep of a future date would escalate and block ahead of time and then refuse every sweep before it.
    const today = this.calendar.today();
    if (asOf > today) throw DomainError.businessRule(`asOf ${asOf} is after today (${today} in the business time zone)`);
    const latest = await this.sweeps.latestCompletedAsOf();
    if (latest && asOf < latest) throw DomainError.conflict(`A sweep as of ${latest} already completed; sweeps cannot go back to ${asOf}`);
    const sweep = await this.sweeps.findOrCreate(uuidv7(), asOf, EMPTY_SWEEP_STATS);
    if (sweep.status !== 'completed') await this.enqueue(sweep.id);
    return sweep;
  }

  /**
   * Queues again every sweep Postgres says is unfinished (queued, running or failed) whose job Redis no
   * longer holds or gave up on; a job still waiting or running is left alone. Run periodically, so sweeps
   * survive a Redis that lost everything. Returns how many sweeps it looked at.
   */
  async resumeUnfinished(): Promise<number> {
    const unfinished = await this.sweeps.unfinishedIds();
    for (const id of unfinished) await this.enqueue(id);
    return unfinished.length;
  }

  /** A fixed jobId: however many replicas or callers ask, BullMQ holds one job per sweep. */
  private async enqueue(sweepId: string): Promise<void> {
    const existing = await this.queue.getJob(sweepId);
    // A sweep that failed for good is asked for again: retry the same job, which resumes from its checkpoint.
    if (existing && (await existing.isFailed())) {
      await existing.retry('failed');
      return;
    }
    await this.queue.add(JobNames.RunSweep, { sweepId }, { ...JOB_OPTIONS.RunSweep, jobId: sweepId });
  }

  /** Whether a sweep is running now (one started over half an hour ago counts as dead). */
  isRunning(): Promise<boolean> {
    return this.sweeps.anyRunning(30);
  }

  async get(id: string): Promise<Sweep> {
    const sweep = await this.sweeps.findById(id);
    if (!sweep) throw DomainError.notFound('Sweep', id);
    return sweep;
  }
}
