import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { baseDataSourceOptions } from '@ar/database';
import { NewOutboxEvent, OutboxHandover, OutboxRelay, OutboxWriter } from '@ar/outbox';
import { OutboxEventsJob, Queues } from '@ar/queues';
import { Clock } from '@ar/time';
import { siblingDatabaseUrl } from '../../tools/database-admin';
import { migrate } from '../../tools/migrate';
import { dropDatabase } from '../support/test-resources';

/**
 * The relay against the real Postgres and Redis: nothing is lost between commit and enqueue. On a database of its
 * own: events other test files left offered would be offered again by this relay, and its made-up event type
 * belongs to no published contract.
 */
describe('outbox relay', () => {
  let dataSource: DataSource;
  let queue: Queue<OutboxEventsJob>;
  const databaseUrl = siblingDatabaseUrl(process.env.DATABASE_URL as string, `${decodeURIComponent(new URL(process.env.DATABASE_URL as string).pathname.slice(1))}_relay`);

  beforeAll(async () => {
    await migrate(databaseUrl);
    dataSource = await new DataSource(baseDataSourceOptions({ url: databaseUrl })).initialize();
    queue = new Queue(Queues.Events, { connection: { url: process.env.REDIS_URL }, prefix: `${process.env.QUEUE_PREFIX}_relay:bull` });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await dataSource.destroy();
    await dropDatabase(databaseUrl);
  });

  const write = async () => {
    const aggregateId = randomUUID();
    const [event] = await dataSource.transaction((m) =>
      // A made-up type: the relay moves whatever the outbox holds.
      new OutboxWriter(new Clock()).append(m, 'contracts', [{ type: 'test.happened', aggregateId, data: { n: 1 } } as unknown as NewOutboxEvent<'contracts'>]),
    );
    return event;
  };
  const published = async (id: string) =>
    (await dataSource.query(`SELECT published_at FROM contracts.outbox_events WHERE id = $1`, [id]))[0].published_at as Date | null;
  const offered = async (id: string) =>
    (await dataSource.query(`SELECT offered_at FROM contracts.outbox_events WHERE id = $1`, [id]))[0].offered_at as Date | null;
  const carrying = async (id: string) =>
    (await queue.getJobs(['waiting', 'active', 'delayed', 'failed', 'completed'])).filter((job) => job.data.events.some((e) => e.id === id));

  it('keeps a row unoffered when the enqueue fails, and offers it exactly once on the next pass', async () => {
    const event = await write();
    const failing = { add: () => Promise.reject(new Error('Redis is down')) } as unknown as Queue<OutboxEventsJob>;
    await expect(new OutboxRelay(dataSource, failing, 'contracts').relayOnce()).rejects.toThrow('Redis is down');
    expect(await offered(event.id)).toBeNull();

    const relay = new OutboxRelay(dataSource, queue, 'contracts');
    expect(await relay.relayOnce()).toBeGreaterThanOrEqual(1);
    expect(await offered(event.id)).not.toBeNull();
    // Offered is not handed over: only the consumer says that.
    expect(await published(event.id)).toBeNull();
    const jobs = await queue.getJobs(['waiting']);
    const carrying = jobs.filter((job) => job.data.events.some((e) => e.id === event.id));
    expect(carrying).toHaveLength(1);
    expect(carrying[0].data.events.find((e) => e.id === event.id)).toEqual({
      id: event.id,
      type: 'test.happened',
      // A type no catalog lists is at version 1.
      version: 1,
      occurredAt: expect.any(String),
      aggregateId: event.aggregateId,
      source: 'contracts',
      data: { n: 1 },
    });
  });

  it('does not enqueue twice when a crash after the enqueue offers the same rows again', async () => {
    const event = await write();
    const relay = new OutboxRelay(dataSource, queue, 'contracts');
    await relay.relayOnce();
    // Simulate the crash: the jobs reached Redis but the offered mark was lost with the transaction.
    await dataSource.query(`UPDATE contracts.outbox_events SET offered_at = NULL WHERE id = $1`, [event.id]);
    const countBefore = await queue.getJobCountByTypes('waiting', 'delayed', 'completed', 'active', 'failed');
    await relay.relayOnce();
    expect(await queue.getJobCountByTypes('waiting', 'delayed', 'completed', 'active', 'failed')).toBe(countBefore);
    expect(await offered(event.id)).not.toBeNull();
  });

  it('offers an event again when Redis lost its job before the consumer handed it over, and never after', async () => {
    const event = await write();
    const relay = new OutboxRelay(dataSource, queue, 'contracts');
    await relay.relayOnce();
    expect(await carrying(event.id)).toHaveLength(1);
    // Redis restarts empty: the job is gone, the event was never handed over.
    await queue.obliterate({ force: true });
    expect(await carrying(event.id)).toHaveLength(0);
    // Not before the re-offer delay...
    await relay.relayOnce();
    expect(await carrying(event.id)).toHaveLength(0);
    // ...but once it has passed, the event is queued again.
    await relay.relayOnce(0);
    expect(await carrying(event.id)).toHaveLength(1);

    await new OutboxHandover(dataSource).handedOver([{ id: event.id, source: 'contracts' }]);
    expect(await published(event.id)).not.toBeNull();
    await queue.obliterate({ force: true });
    await relay.relayOnce(0);
    expect(await carrying(event.id)).toHaveLength(0);
  });

  it('retries a job that failed for good when its events are offered again', async () => {
    const event = await write();
    const relay = new OutboxRelay(dataSource, queue, 'contracts');
    await dataSource.query(`UPDATE contracts.outbox_events SET published_at = now() WHERE published_at IS NULL AND id <> $1`, [event.id]);
    await relay.relayOnce();
    const [job] = await carrying(event.id);
    // A consumer that gives up on the job for good.
    const worker = new Worker(
      Queues.Events,
      async () => {
        throw new UnrecoverableError('consumer gave up');
      },
      { connection: { url: process.env.REDIS_URL }, prefix: `${process.env.QUEUE_PREFIX}_relay:bull` },
    );
    for (let i = 0; i < 100 && !(await job.isFailed()); i++) await new Promise((r) => setTimeout(r, 20));
    await worker.close();
    expect(await job.isFailed()).toBe(true);
    await relay.relayOnce(0);
    expect(await (await queue.getJob(job.id as string))?.isWaiting()).toBe(true);
  });

  it('gives a re-offered batch that gained an event a job of its own, so the new event is not dropped', async () => {
    await dataSource.query(`UPDATE contracts.outbox_events SET published_at = now() WHERE published_at IS NULL`);
    const first = await write();
    const relay = new OutboxRelay(dataSource, queue, 'contracts');
    await relay.relayOnce();
    await dataSource.query(`UPDATE contracts.outbox_events SET offered_at = NULL WHERE id = $1`, [first.id]);
    const second = await write();
    await relay.relayOnce();
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.some((job) => job.data.events.map((e) => e.id).join() === [first.id, second.id].join())).toBe(true);
    expect(await offered(second.id)).not.toBeNull();
  });

  it('deletes published events older than the cutoff, and never an unpublished one', async () => {
    const daysAgo = (days: number) => Date.now() - days * 86_400_000;
    const insert = async (createdAt: number, published: boolean) => {
      const id = uuidv7({ msecs: createdAt });
      await dataSource.query(
        `INSERT INTO contracts.outbox_events (id, type, aggregate_id, data, occurred_at, published_at) VALUES ($1, 'test.old', $2, '{}', $3, $4)`,
        [id, randomUUID(), new Date(createdAt), published ? new Date(createdAt) : null],
      );
      return id;
    };
    const oldPublished = await insert(daysAgo(10), true);
    const oldUnpublished = await insert(daysAgo(10), false);
    const recentPublished = await insert(daysAgo(2), true);

    const relay = new OutboxRelay(dataSource, queue, 'contracts');
    expect(await relay.prunePublishedBefore(new Date(daysAgo(7)))).toBe(1);

    const left: { id: string }[] = await dataSource.query(`SELECT id FROM contracts.outbox_events WHERE id = ANY($1::uuid[])`, [
      [oldPublished, oldUnpublished, recentPublished],
    ]);
    expect(left.map((r) => r.id).sort()).toEqual([oldUnpublished, recentPublished].sort());
    // The stuck event is still relayed.
    await relay.relayOnce();
    expect(await offered(oldUnpublished)).not.toBeNull();
  });
});
