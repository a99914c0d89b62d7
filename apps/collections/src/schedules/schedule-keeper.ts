import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { SweepsService } from '@ar/collections';
import { AppConfig } from '@ar/config';
import { WebhookDeliveryService } from '@ar/invoicing';
import { JobNames, Queues } from '@ar/queues';

export const DAILY_SWEEP_SCHEDULER = 'daily-sweep';
export const REQUEUE_STALLED_SCHEDULER = 'requeue-stalled-deliveries';
export const PURGE_SCHEDULER = 'purge-expired-records';

/**
 * Keeps the job schedulers (daily sweep, stalled-delivery requeue, purge) in Redis, and unfinished sweeps
 * and due webhook deliveries queued, for as long as the process runs: at start, on every Redis (re)connection and every
 * SCHEDULER_CHECK_MS. Redis may lose everything at any moment (a restart without persistence, a flush);
 * Postgres holds the truth and this rebuilds what Redis lost without a restart. Every step is idempotent
 * (fixed scheduler and job ids), so every replica may run it.
 */
@Injectable()
export class ScheduleKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleKeeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectQueue(Queues.Sweeps) private readonly sweepsQueue: Queue,
    @InjectQueue(Queues.Maintenance) private readonly maintenanceQueue: Queue,
    private readonly sweeps: SweepsService,
    private readonly deliveries: WebhookDeliveryService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.keep();
    this.timer = setInterval(() => void this.keepQuietly(), this.config.schedulerCheckMs);
    this.timer.unref();
    for (const queue of [this.sweepsQueue, this.maintenanceQueue]) (await queue.getBackend().client).on('ready', () => void this.keepQuietly());
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Registers what is missing; returns the schedulers it had to register again. */
  async keep(): Promise<string[]> {
    const registered: string[] = [];
    const ensure = async (queue: Queue, id: string, register: () => Promise<unknown>) => {
      if (await queue.getJobScheduler(id)) return;
      await register();
      registered.push(id);
    };
    if (this.config.sweepCron === null) await this.sweepsQueue.removeJobScheduler(DAILY_SWEEP_SCHEDULER);
    else {
      const { sweepCron, businessTimeZone } = this.config;
      await ensure(this.sweepsQueue, DAILY_SWEEP_SCHEDULER, () =>
        this.sweepsQueue.upsertJobScheduler(DAILY_SWEEP_SCHEDULER, { pattern: sweepCron, tz: businessTimeZone }, { name: JobNames.ScheduledSweep }),
      );
    }
    await ensure(this.maintenanceQueue, REQUEUE_STALLED_SCHEDULER, () =>
      this.maintenanceQueue.upsertJobScheduler(REQUEUE_STALLED_SCHEDULER, { every: 60_000 }, { name: JobNames.RequeueStalledDeliveries }),
    );
    await ensure(this.maintenanceQueue, PURGE_SCHEDULER, () =>
      this.maintenanceQueue.upsertJobScheduler(PURGE_SCHEDULER, { every: 3_600_000 }, { name: JobNames.PurgeExpiredRecords }),
    );
    await this.sweeps.resumeUnfinished();
    // Missing schedulers mean Redis lost its data: the delivery jobs it held are gone too. Queue every
    // delivery that is due again now rather than when the stalled-delivery job next finds it.
    if (registered.length > 0) await this.deliveries.requeueStalled(0);
    return registered;
  }

  private async keepQuietly(): Promise<void> {
    if (this.running) return;
    this.running = this.keep()
      .then((registered) => {
        if (registered.length > 0) this.logger.warn({ registered }, 'Job schedulers were missing from Redis and are registered again');
      })
      .catch((error: Error) => this.logger.warn({ reason: error.message }, 'Could not check the job schedulers; trying again'))
      .finally(() => {
        this.running = undefined;
      });
    await this.running;
  }
}
