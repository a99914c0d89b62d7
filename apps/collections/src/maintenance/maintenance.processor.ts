import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { IdempotencyStore } from '@ar/http';
import { InboundWebhooksService, WebhookDeliveryService } from '@ar/invoicing';
import { JobNames, Queues } from '@ar/queues';

/** Webhook ids are remembered this long (the issue asks for at least 3 days). */
const INBOUND_MESSAGE_RETENTION_DAYS = 7;

/** Housekeeping on BullMQ job schedulers (kept by ScheduleKeeper), so it runs once per interval however many replicas run. */
@Processor(Queues.Maintenance)
export class MaintenanceProcessor extends WorkerHost {
  static readonly handles = [JobNames.RequeueStalledDeliveries, JobNames.PurgeExpiredRecords] as const;

  constructor(
    private readonly deliveries: WebhookDeliveryService,
    private readonly idempotency: IdempotencyStore,
    private readonly inbound: InboundWebhooksService,
  ) {
    super();
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
