import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { SqlParams } from '@ar/database';
import { Clock } from '@ar/time';
import { NewOutboxEvent, OutboxEvent, OutboxSchema } from './outbox-event';

/**
 * Appends events to a context's outbox inside the caller's transaction, so a state change and its
 * announcement commit or roll back together. A relay publishes committed rows later.
 */
@Injectable()
export class OutboxWriter {
  constructor(private readonly clock: Clock) {}

  async append<S extends OutboxSchema>(manager: EntityManager, schema: S, events: NewOutboxEvent<S>[]): Promise<OutboxEvent<S>[]> {
    if (events.length === 0) return [];
    const params = new SqlParams();
    const { sql, events: written } = this.insertStatement(schema, events, params);
    await manager.query(sql, params.values);
    return written;
  }

  /** Ids for events that SQL assembles itself (`insertSelectSql`), time-ordered like every outbox id. */
  newIds(count: number): string[] {
    return Array.from({ length: count }, () => uuidv7());
  }

  /** When events appended now occurred. */
  occurredAt(): string {
    return this.clock.now().toISOString();
  }

  /**
   * The INSERT for events a set-based statement assembles in SQL: `select` yields rows of
   * (id, type, aggregate_id, data jsonb, occurred_at), with ids from `newIds` and `occurredAt()`.
   */
  insertSelectSql(schema: OutboxSchema, select: string): string {
    return `INSERT INTO ${schema}.outbox_events (id, type, aggregate_id, data, occurred_at) ${select}`;
  }

  /**
   * The INSERT for these events, its values added to `params`, for a caller that embeds it in its own statement
   * (a data-modifying CTE) to save a round trip on a hot path.
   */
  insertStatement<S extends OutboxSchema>(schema: S, events: NewOutboxEvent<S>[], params: SqlParams): { sql: string; events: OutboxEvent<S>[] } {
    const occurredAt = this.occurredAt();
    const ids = this.newIds(events.length);
    // Each event keeps its own type; the statement only needs its columns.
    const loose = events as unknown as { type: string; aggregateId: string; data: unknown }[];
    const [id, type, aggregateId] = [params.add(ids, 'uuid[]'), params.add(loose.map((e) => e.type), 'text[]'), params.add(loose.map((e) => e.aggregateId), 'uuid[]')];
    // The data go as one JSON array, not a jsonb[] literal: the driver builds an array literal by concatenating
    // every escaped element, which for a sweep batch's thousands of events held hundreds of MB of string pieces.
    const data = params.add(JSON.stringify(loose.map((e) => e.data)), 'jsonb');
    const at = params.add(occurredAt, 'timestamptz');
    return {
      sql: this.insertSelectSql(
        schema,
        `SELECT e.id, e.type, e.aggregate_id, d.data, ${at} FROM unnest(${id}, ${type}, ${aggregateId}) WITH ORDINALITY AS e(id, type, aggregate_id, n)
         JOIN jsonb_array_elements(${data}) WITH ORDINALITY AS d(data, n) ON d.n = e.n`,
      ),
      events: loose.map((e, i) => ({ ...e, id: ids[i], occurredAt }) as unknown as OutboxEvent<S>),
    };
  }
}
