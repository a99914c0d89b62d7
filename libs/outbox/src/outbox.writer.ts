import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Clock } from '@ar/time';
import { NewOutboxEvent, OutboxEvent, OutboxSchema } from './outbox-event';

/**
 * Appends events to a context's outbox inside the caller's transaction, so a state change and its
 * announcement commit or roll back together. A relay publishes committed rows later.
 */
@Injectable()
export class OutboxWriter {
  constructor(private readonly clock: Clock) {}

  async append(manager: EntityManager, schema: OutboxSchema, events: NewOutboxEvent[]): Promise<OutboxEvent[]> {
    if (events.length === 0) return [];
    const occurredAt = this.clock.now().toISOString();
    const rows = events.map((e) => ({ ...e, id: uuidv7(), occurredAt }));
    await manager.query(
      `INSERT INTO ${schema}.outbox_events (id, type, aggregate_id, data, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::jsonb[], $5::timestamptz[])`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.type),
        rows.map((r) => r.aggregateId),
        rows.map((r) => JSON.stringify(r.data)),
        rows.map((r) => r.occurredAt),
      ],
    );
    return rows;
  }
}
