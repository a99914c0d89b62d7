import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { IdempotencyStore } from '@ar/http';
import { InboundWebhooksService, WebhookDeliveryService } from '@ar/invoicing';
import { JobNames, Queues } from '@ar/queues';

/** Webhook ids are remembered this long (the issue asks for at least 3 days). */
const INBOUND_MESSAGE_RETENTION_DAYS = 7;

/** Housekeeping on BullMQ job schedulers, so it runs once per interval however many replicas run. */
@Processor(Queues.Maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  static readonly handles = [JobNames.RequeueStalledDeliveries, JobNames.PurgeExpiredRecords] as const;

  constructor(
    @InjectQueue(Queues.Maintenance) private readonly queue: Queue,
    private readonly deliveries: WebhookDeliveryService,
    private readonly idempotency: IdempotencyStore,
    private readonly inbound: InboundWebhooksService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('requeue-stalled-deliveries', { every: 60_000 }, { name: JobNames.RequeueStalledDeliveries });
    await this.queue.upsertJobScheduler('purge-expired-records', { every: 3_600_000 }, { name: JobNames.PurgeExpiredRecords });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobNames.RequeueStalledDeliveries:
        return { requeued: await this.deliveries.requeueStalled() };
      case JobNames.PurgeExpiredRecords:
        await this.inbound.purgeMessagesOlderThan(INBOUND_MESSAGE_RETENTION_DAYS);
        return { idempotencyKeys: await this.idempotency.purgeExpired() };
      default:
        throw new UnrecoverableError(`Unknown job ${job.name} on ${Queues.Maintenance}`);
    }
  }
}
