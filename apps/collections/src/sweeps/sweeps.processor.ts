import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { SweepRunner, SweepsService } from '@ar/collections';
import { AppConfig } from '@ar/config';
import { JobNames, Queues, RunSweepJob } from '@ar/queues';

const DAILY_SWEEP_SCHEDULER = 'daily-sweep';

/**
 * Runs sweeps, and keeps the daily schedule in BullMQ (one scheduler in Redis, however many replicas
 * start). A sweep job that dies with its worker is picked up again as stalled and resumes.
 */
// A killed worker's lock expires after 15 s; another worker then takes the stalled sweep over.
@Processor(Queues.Sweeps, { concurrency: 1, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 5 })
export class SweepsProcessor extends WorkerHost implements OnApplicationBootstrap {
  static readonly handles = [JobNames.RunSweep, JobNames.ScheduledSweep] as const;

  private readonly logger = new Logger(SweepsProcessor.name);

  constructor(
    @InjectQueue(Queues.Sweeps) private readonly queue: Queue,
    private readonly runner: SweepRunner,
    private readonly sweeps: SweepsService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.sweepCron === null) {
      await this.queue.removeJobScheduler(DAILY_SWEEP_SCHEDULER);
      return;
    }
    await this.queue.upsertJobScheduler(
      DAILY_SWEEP_SCHEDULER,
      { pattern: this.config.sweepCron, tz: this.config.businessTimeZone },
      { name: JobNames.ScheduledSweep },
    );
  }

  async process(job: Job<RunSweepJob>): Promise<unknown> {
    switch (job.name) {
      case JobNames.RunSweep: {
        const sweep = await this.runner.run(job.data.sweepId);
        return { status: sweep?.status, stats: sweep?.stats };
      }
      case JobNames.ScheduledSweep: {
        // Today in BUSINESS_TZ; requesting queues the run-sweep job under the sweep's own id.
        const sweep = await this.sweeps.request();
        this.logger.log({ sweepId: sweep.id, asOf: sweep.asOf }, 'Daily sweep requested');
        return { sweepId: sweep.id };
      }
      default:
        throw new UnrecoverableError(`Unknown job ${job.name} on ${Queues.Sweeps}`);
    }
  }
}
