import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DeliverWebhookJob, JOB_OPTIONS, JobNames, OutboxEventJob, Queues } from '@ar/queues';

/**
 * Turns one published event into one delivery per subscribed endpoint. Safe to run twice: the
 * (endpoint, event) key admits one delivery, and every first attempt is (re-)enqueued under a fixed jobId.
 */
@Injectable()
export class WebhookFanoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(Queues.WebhookDeliveries) private readonly deliveries: Queue<DeliverWebhookJob>,
  ) {}

  async fanOut(event: OutboxEventJob): Promise<number> {
    // A subscriber receives the events that occur after it subscribed, not the history before it.
    const endpoints: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM invoicing.webhook_endpoints WHERE status = 'active' AND $1 = ANY(events) AND created_at <= $2::timestamptz`,
      [event.type, event.occurredAt],
    );
    if (endpoints.length === 0) return 0;
    const payload = { id: event.id, type: event.type, occurredAt: event.occurredAt, data: event.data };
    await this.dataSource.query(
      `INSERT INTO invoicing.webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at)
       SELECT d.id, d.endpoint_id, $3, $4, $5::jsonb, 'pending', 0, now()
       FROM unnest($1::uuid[], $2::uuid[]) AS d(id, endpoint_id)
       ON CONFLICT (endpoint_id, event_id) DO NOTHING`,
      [endpoints.map(() => uuidv7()), endpoints.map((e) => e.id), event.id, event.type, JSON.stringify(payload)],
    );
    const pending: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM invoicing.webhook_deliveries WHERE event_id = $1 AND status = 'pending' AND attempts = 0`,
      [event.id],
    );
    await this.deliveries.addBulk(
      pending.map((d) => ({
        name: JobNames.DeliverWebhook,
        data: { deliveryId: d.id },
        opts: { ...JOB_OPTIONS.DeliverWebhook, jobId: `${d.id}-0` },
      })),
    );
    return pending.length;
  }
}
