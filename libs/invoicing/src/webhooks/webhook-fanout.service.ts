import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DeliverWebhookJob, JOB_OPTIONS, JobNames, PublishedEvent, Queues } from '@ar/queues';

/**
 * Turns published events into one delivery per subscribed endpoint and event. Safe to run twice: the
 * (endpoint, event) key admits one delivery, and every first attempt is (re-)enqueued under a fixed jobId.
 */
@Injectable()
export class WebhookFanoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(Queues.WebhookDeliveries) private readonly deliveries: Queue<DeliverWebhookJob>,
  ) {}

  /** Returns how many first delivery attempts were enqueued. */
  async fanOut(events: PublishedEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    // A subscriber receives the events that occur after it subscribed, not the history before it.
    const pairs: { event_id: string; endpoint_id: string }[] = await this.dataSource.query(
      `SELECT e.event_id, w.id AS endpoint_id
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS e(event_id, type, occurred_at)
       JOIN invoicing.webhook_endpoints w ON w.status = 'active' AND e.type = ANY(w.events) AND w.created_at <= e.occurred_at`,
      [events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.occurredAt)],
    );
    if (pairs.length === 0) return 0;
    // The webhook payload of each event, serialised once however many endpoints receive it.
    const payloads = new Map(
      events.map((e) => [e.id, { type: e.type, json: JSON.stringify({ id: e.id, type: e.type, version: e.version, occurredAt: e.occurredAt, data: e.data }) }]),
    );
    await this.dataSource.query(
      `INSERT INTO invoicing.webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at)
       SELECT d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, 'pending', 0, now()
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::jsonb[]) AS d(id, endpoint_id, event_id, event_type, payload)
       ON CONFLICT (endpoint_id, event_id) DO NOTHING`,
      [
        pairs.map(() => uuidv7()),
        pairs.map((p) => p.endpoint_id),
        pairs.map((p) => p.event_id),
        pairs.map((p) => payloads.get(p.event_id)?.type),
        pairs.map((p) => payloads.get(p.event_id)?.json),
      ],
    );
    // Deliveries a crashed earlier run inserted but never enqueued are enqueued now as well.
    const pending: { id: string }[] = await this.dataSource.query(
      `SELECT d.id FROM invoicing.webhook_deliveries d
       JOIN unnest($1::uuid[], $2::uuid[]) AS p(endpoint_id, event_id) ON d.endpoint_id = p.endpoint_id AND d.event_id = p.event_id
       WHERE d.status = 'pending' AND d.attempts = 0`,
      [pairs.map((p) => p.endpoint_id), pairs.map((p) => p.event_id)],
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
