import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { WebhookFanoutService } from '@ar/invoicing';
import { JobNames, OutboxEventJob, Queues } from '@ar/queues';

/** Consumes every published event: today it fans events out to webhook subscribers. */
@Processor(Queues.Events, { concurrency: 8 })
export class EventsProcessor extends WorkerHost {
  private readonly logger = new Logger(EventsProcessor.name);

  constructor(private readonly fanout: WebhookFanoutService) {
    super();
  }

  async process(job: Job<OutboxEventJob>): Promise<{ deliveries: number }> {
    if (job.name !== JobNames.OutboxEvent) throw new UnrecoverableError(`Unknown job ${job.name} on ${Queues.Events}`);
    const deliveries = await this.fanout.fanOut(job.data);
    if (deliveries > 0) this.logger.debug({ eventId: job.data.id, type: job.data.type, deliveries }, 'Event fanned out');
    return { deliveries };
  }
}
