import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@ar/config';
import { JOB_OPTIONS, JobNames, OutboxEventsJob, Queues } from '@ar/queues';
import { OutboxSchema } from './outbox-event';
import { eventVersion } from '@ar/events';

export const OUTBOX_SCHEMA = Symbol('OUTBOX_SCHEMA');
const BATCH_SIZE = 500;
const IDLE_POLL_MS = 200;
const ERROR_BACKOFF_MS = 2000;
/** Published events are kept this long (to see what was announced), then deleted. */
export const PUBLISHED_EVENT_RETENTION_DAYS = 7;
const PRUNE_EVERY_MS = 3_600_000;
const PRUNE_BATCH_SIZE = 5000;
/** How long an offered event may wait for its consumer's hand-over before the relay offers it again (OUTBOX_REOFFER_MS). */
export const REOFFER_AFTER_MS = 60_000;

interface OutboxRow {
  id: string;
  offered: boolean;
  type: string;
  aggregate_id: string;
  data: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * Moves committed outbox rows of one context to the events queue, one job per batch. Rows are claimed
 * with SKIP LOCKED (replicas share the work) and marked offered in the same transaction after the
 * enqueue. An event counts as handed over only when its consumer marks it so (OutboxHandover, after
 * recording what it did); until then the relay offers it again every REOFFER_AFTER_MS, so an event whose
 * job Redis lost (flushed, restarted empty) is queued again. The jobId (a digest of exactly these event
 * ids) makes BullMQ drop a duplicate of a job it still holds, a job that failed for good is retried, and
 * a batch that differs in any event gets its own job; consumers are idempotent for what two jobs share.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private lastPrunedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(Queues.Events) private readonly events: Queue<OutboxEventsJob>,
    @Inject(OUTBOX_SCHEMA) private readonly schema: OutboxSchema,
    @Optional() private readonly config?: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Offers one batch: events never offered, and those offered before `reofferAfterMs` and not yet handed over. */
  async relayOnce(reofferAfterMs = this.config?.outboxReofferMs ?? REOFFER_AFTER_MS): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Two reads, each on its own partial index: new events, then (if room is left) offers that went stale. One
      // read with an OR walked every event offered and not yet handed over, which a big sweep leaves by the 100,000.
      // Statistics lag a burst (they say "few unoffered events"), and the planner then prefers a bitmap scan that
      // sorts the whole burst on every call (a second each, 500 events at a time); the index already holds id order.
      await manager.query('SET LOCAL enable_bitmapscan = off');
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, type, aggregate_id, data, occurred_at, false AS offered FROM ${this.schema}.outbox_events
         WHERE published_at IS NULL AND offered_at IS NULL
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH_SIZE],
      );
      if (rows.length < BATCH_SIZE) {
        rows.push(
          ...(await manager.query(
            `SELECT id, type, aggregate_id, data, occurred_at, true AS offered FROM ${this.schema}.outbox_events
             WHERE published_at IS NULL AND offered_at < now() - make_interval(secs => $2)
             ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
            [BATCH_SIZE - rows.length, reofferAfterMs / 1000],
          )),
        );
      }
      if (rows.length === 0) return 0;
      await this.offer(rows);
      await manager.query(`UPDATE ${this.schema}.outbox_events SET offered_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private async offer(rows: OutboxRow[]): Promise<void> {
    const jobId = batchJobId(rows.map((row) => row.id));
    if (rows.some((row) => row.offered)) {
      const existing = await this.events.getJob(jobId);
      if (existing) {
        if (await existing.isFailed()) {
          await existing.retry('failed');
          return;
        }
        // Still waiting or running: its consumer will hand the events over.
        if (!(await existing.isCompleted())) return;
        // Done but never handed over (its consumer lost its write): run it again.
        await existing.remove();
      }
    }
    await this.events.add(
      JobNames.OutboxEvents,
      {
        events: rows.map((row) => ({
          id: row.id,
          type: row.type,
          version: eventVersion(this.schema, row.type),
          occurredAt: new Date(row.occurred_at).toISOString(),
          aggregateId: row.aggregate_id,
          source: this.schema,
          data: row.data,
        })),
      },
      { ...JOB_OPTIONS.OutboxEvents, jobId },
    );
  }

  /**
   * Deletes events published before `cutoff`, a few thousand per statement. Outbox ids are UUIDv7, so
   * the rows older than the cutoff are a range of the primary key; unpublished rows are never deleted.
   */
  async prunePublishedBefore(cutoff: Date): Promise<number> {
    const boundary = uuidv7({ msecs: cutoff.getTime(), random: new Uint8Array(16) });
    let deleted = 0;
    for (;;) {
      const [, count]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM ${this.schema}.outbox_events WHERE id IN (
           SELECT id FROM ${this.schema}.outbox_events WHERE id < $1 AND published_at IS NOT NULL ORDER BY id LIMIT $2)`,
        [boundary, PRUNE_BATCH_SIZE],
      );
      deleted += count;
      if (count < PRUNE_BATCH_SIZE) return deleted;
    }
  }

  private async pruneIfDue(): Promise<void> {
    if (Date.now() - this.lastPrunedAt < PRUNE_EVERY_MS) return;
    this.lastPrunedAt = Date.now();
    await this.prunePublishedBefore(new Date(Date.now() - PUBLISHED_EVENT_RETENTION_DAYS * 86_400_000));
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moved = 0;
      try {
        await this.pruneIfDue();
        moved = await this.relayOnce();
      } catch (error) {
        if (!this.running) break;
        this.logger.error({ err: error, schema: this.schema }, 'Outbox relay failed; retrying');
        await this.sleep(ERROR_BACKOFF_MS);
        continue;
      }
      if (moved < BATCH_SIZE) await this.sleep(IDLE_POLL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function batchJobId(eventIds: string[]): string {
  return `events-${createHash('sha256').update(eventIds.join(',')).digest('hex')}`;
}
