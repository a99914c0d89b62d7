import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { AttemptOutcome, WebhookDeliveryService } from '@ar/invoicing';
import { DeliverWebhookJob, JobNames, Queues } from '@ar/queues';

/** Runs one delivery attempt per job; the service schedules any retry as a new delayed job. */
@Processor(Queues.WebhookDeliveries, { concurrency: 16 })
export class WebhookDeliveryProcessor extends WorkerHost {
  static readonly handles = [JobNames.DeliverWebhook] as const;

  constructor(private readonly deliveries: WebhookDeliveryService) {
    super();
  }

  process(job: Job<DeliverWebhookJob>): Promise<AttemptOutcome> {
    if (job.name !== JobNames.DeliverWebhook) throw new UnrecoverableError(`Unknown job ${job.name} on ${Queues.WebhookDeliveries}`);
    return this.deliveries.attempt(job.data.deliveryId);
  }
}
