import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DomainError } from '@ar/errors';
import { JOB_OPTIONS, JobNames, Queues, RunSweepJob } from '@ar/queues';
import { BusinessCalendar, CalendarDate } from '@ar/time';
import { EMPTY_SWEEP_STATS, Sweep } from './sweep.entity';

@Injectable()
export class SweepsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const latest: { as_of: string }[] = await this.dataSource.query(
      `SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of FROM collections.sweeps WHERE status = 'completed' ORDER BY as_of DESC LIMIT 1`,
    );
    if (latest[0] && asOf < latest[0].as_of) {
      throw DomainError.conflict(`A sweep as of ${latest[0].as_of} already completed; sweeps cannot go back to ${asOf}`);
    }
    await this.dataSource.query(
      `INSERT INTO collections.sweeps (id, as_of, status, stats) VALUES ($1, $2, 'queued', $3::jsonb) ON CONFLICT (as_of) DO NOTHING`,
      [uuidv7(), asOf, JSON.stringify(EMPTY_SWEEP_STATS)],
    );
    const sweep = (await this.dataSource.manager.findOneBy(Sweep, { asOf })) as Sweep;
    if (sweep.status !== 'completed') await this.enqueue(sweep.id);
    return sweep;
  }

  /**
   * Queues again every sweep Postgres says is unfinished (queued, running or failed) whose job Redis no
   * longer holds or gave up on; a job still waiting or running is left alone. Run periodically, so sweeps
   * survive a Redis that lost everything. Returns how many sweeps it looked at.
   */
  async resumeUnfinished(): Promise<number> {
    const unfinished: { id: string }[] = await this.dataSource.query(`SELECT id FROM collections.sweeps WHERE status IN ('queued', 'running', 'failed') ORDER BY as_of`);
    for (const { id } of unfinished) await this.enqueue(id);
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

  async get(id: string): Promise<Sweep> {
    const sweep = await this.dataSource.manager.findOneBy(Sweep, { id });
    if (!sweep) throw DomainError.notFound('Sweep', id);
    return sweep;
  }
}
