import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { baseDataSourceOptions } from '@ar/database';
import { OutboxRelay, OutboxWriter } from '@ar/outbox';
import { OutboxEventsJob, Queues } from '@ar/queues';
import { Clock } from '@ar/time';

/** The relay against the real Postgres and Redis: nothing is lost between commit and enqueue. */
describe('outbox relay', () => {
  let dataSource: DataSource;
  let queue: Queue<OutboxEventsJob>;

  beforeAll(async () => {
    dataSource = await new DataSource(baseDataSourceOptions({ url: process.env.DATABASE_URL as string })).initialize();
    queue = new Queue(Queues.Events, { connection: { url: process.env.REDIS_URL }, prefix: `${process.env.QUEUE_PREFIX}_relay:bull` });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await dataSource.destroy();
  });

  const write = async () => {
    const aggregateId = randomUUID();
    const [event] = await dataSource.transaction((m) =>
      new OutboxWriter(new Clock()).append(m, 'contracts', [{ type: 'test.happened', aggregateId, data: { n: 1 } }]),
    );
    return event;
  };
  const published = async (id: string) =>
    (await dataSource.query(`SELECT published_at FROM contracts.outbox_events WHERE id = $1`, [id]))[0].published_at as Date | null;

  it('keeps a row unpublished when the enqueue fails, and publishes it exactly once on the next pass', async () => {
    const event = await write();
    const failing = { add: () => Promise.reject(new Error('Redis is down')) } as unknown as Queue<OutboxEventsJob>;
    await expect(new OutboxRelay(dataSource, failing, 'contracts').relayOnce()).rejects.toThrow('Redis is down');
    expect(await published(event.id)).toBeNull();

    const relay = new OutboxRelay(dataSource, queue, 'contracts');
    expect(await relay.relayOnce()).toBeGreaterThanOrEqual(1);
    expect(await published(event.id)).not.toBeNull();
    const jobs = await queue.getJobs(['waiting']);
    const carrying = jobs.filter((job) => job.data.events.some((e) => e.id === event.id));
    expect(carrying).toHaveLength(1);
    expect(carrying[0].data.events.find((e) => e.id === event.id)).toEqual({
      id: event.id,
      type: 'test.happened',
      occurredAt: expect.any(String),
      aggregateId: event.aggregateId,
      source: 'contracts',
      data: { n: 1 },
    });
  });

  it('does not enqueue twice when a crash after the enqueue re-publishes the same rows', async () => {
    const event = await write();
    const relay = new OutboxRelay(dataSource, queue, 'contracts');
    await relay.relayOnce();
    // Simulate the crash: the jobs reached Redis but the published mark was lost with the transaction.
    await dataSource.query(`UPDATE contracts.outbox_events SET published_at = NULL WHERE id = $1`, [event.id]);
    const countBefore = await queue.getJobCountByTypes('waiting', 'delayed', 'completed', 'active', 'failed');
    await relay.relayOnce();
    expect(await queue.getJobCountByTypes('waiting', 'delayed', 'completed', 'active', 'failed')).toBe(countBefore);
    expect(await published(event.id)).not.toBeNull();
  });

  it('gives a re-published batch that gained an event a job of its own, so the new event is not dropped', async () => {
    const first = await write();
    const relay = new OutboxRelay(dataSource, queue, 'contracts');
    await relay.relayOnce();
    await dataSource.query(`UPDATE contracts.outbox_events SET published_at = NULL WHERE id = $1`, [first.id]);
    const second = await write();
    await relay.relayOnce();
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.some((job) => job.data.events.map((e) => e.id).join() === [first.id, second.id].join())).toBe(true);
    expect(await published(second.id)).not.toBeNull();
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
    expect(await published(oldUnpublished)).not.toBeNull();
  });
});
