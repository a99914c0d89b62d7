import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DeliverWebhookJob, JOB_OPTIONS, JobNames, PublishedEvent, Queues } from '@ar/queues';
import { WebhookRepository } from './webhook.repository';

/**
 * Turns published events into one delivery per subscribed endpoint and event. Safe to run twice: the
 * (endpoint, event) key admits one delivery, and every first attempt is (re-)enqueued under a fixed jobId.
 */
@Injectable()
export class WebhookFanoutService {
  constructor(
    private readonly webhooks: WebhookRepository,
    @InjectQueue(Queues.WebhookDeliveries) private readonly deliveries: Queue<DeliverWebhookJob>,
  ) {}

  /** Returns how many first delivery attempts were enqueued. */
  async fanOut(events: PublishedEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const pending = await this.webhooks.recordDeliveries(
      events.map((e) => ({
        id: e.id,
        type: e.type,
        occurredAt: e.occurredAt,
        // The webhook payload of each event, serialised once however many endpoints receive it.
        payload: JSON.stringify({ id: e.id, type: e.type, version: e.version, occurredAt: e.occurredAt, data: e.data }),
      })),
    );
    await this.deliveries.addBulk(
      pending.map((deliveryId) => ({
        name: JobNames.DeliverWebhook,
        data: { deliveryId },
        opts: { ...JOB_OPTIONS.DeliverWebhook, jobId: `${deliveryId}-0` },
      })),
    );
    return pending.length;
  }
}
