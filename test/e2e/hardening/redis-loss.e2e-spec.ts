import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { CollectionsAppModule } from '../../../apps/collections/src/collections-app.module';
import { ContractsAppModule } from '../../../apps/contracts/src/contracts-app.module';
import { InvoicingAppModule } from '../../../apps/invoicing/src/invoicing-app.module';
import { DAILY_SWEEP_SCHEDULER, PURGE_SCHEDULER, REQUEUE_STALLED_SCHEDULER } from '../../../apps/collections/src/schedules/schedule-keeper';
import { SweepRunner } from '@ar/collections';
import { Queues } from '@ar/queues';
import {
  ContractsFactory,
  eventually,
  InvoicingFactory,
  IsolatedEnvironment,
  isolatedEnvironment,
  OwnRedis,
  RunningService,
  startOwnRedis,
  startServiceWithEnvironment,
  tokenFor,
  WebhookReceiver,
  withDatabase,
} from '@ar/testing';

// Findings 9, 10 and 13 of the hardening review. Redis may lose everything at any moment; Postgres is the
// truth, and what Redis held is rebuilt from it without a restart. Runs against a Redis of its own.
describe('hardening: nothing is lost when Redis loses everything', () => {
  let env: IsolatedEnvironment;
  let redis: OwnRedis;
  let contracts: RunningService;
  let invoicing: RunningService;
  let collections: RunningService | undefined;
  let receiver: WebhookReceiver;
  let hookUrl: string;

  const environment = () => ({
    REDIS_URL: redis.url,
    OUTBOX_REOFFER_MS: '500',
    SCHEDULER_CHECK_MS: '200',
    COLLECTIONS_SWEEP_CRON: '0 6 * * *',
  });
  const startCollections = (extra: Record<string, string> = {}) => startServiceWithEnvironment(CollectionsAppModule, { ...environment(), ...extra });
  const factory = () => new InvoicingFactory(invoicing.api, new ContractsFactory(contracts.api));
  const queue = (name: string) => new Queue(name, { connection: { url: redis.url }, prefix: `${env.queuePrefix}:bull` });

  beforeAll(async () => {
    env = await isolatedEnvironment('redis_loss');
    redis = await startOwnRedis();
    contracts = await startServiceWithEnvironment(ContractsAppModule, environment());
    invoicing = await startServiceWithEnvironment(InvoicingAppModule, environment());
    receiver = new WebhookReceiver();
    hookUrl = await receiver.start();
  });
  afterAll(async () => {
    await collections?.close();
    await invoicing.close();
    await contracts.close();
    await receiver.stop();
    await redis.kill();
    await env.restore();
  });

  it('delivers every event that was queued in a Redis that then restarted empty (the worker was down)', async () => {
    const f = factory();
    const endpoint = await f.finance.post('/v1/webhook-endpoints', { url: hookUrl, events: ['invoice.issued'] });
    expect(endpoint.status).toBe(201);
    const { contract } = await f.newAccount();
    const issued: string[] = [];
    for (let i = 0; i < 20; i++) issued.push((await f.newInvoice(contract.id, 1_000 + i)).id);
    // The relay has put every event on the queue; no worker consumes it.
    await eventually(
      () => withDatabase(async (db) => Number((await db.query(`SELECT count(*) AS n FROM invoicing.outbox_events WHERE aggregate_id = ANY($1::uuid[]) AND offered_at IS NOT NULL`, [issued])).rows[0].n)),
      (n) => n === 20,
    );
    await redis.kill();
    await redis.restart();

    collections = await startCollections();
    const delivered = await eventually(
      () => receiver.received.map((r) => JSON.parse(r.body) as { type: string; data: { invoiceId: string } }).filter((e) => e.type === 'invoice.issued'),
      (events) => issued.every((id) => events.some((e) => e.data.invoiceId === id)),
      30_000,
    );
    expect(new Set(delivered.map((e) => e.data.invoiceId)).size).toBeGreaterThanOrEqual(20);
    const handedOver = await withDatabase(
      async (db) => (await db.query(`SELECT count(*) AS n FROM invoicing.outbox_events WHERE aggregate_id = ANY($1::uuid[]) AND published_at IS NOT NULL`, [issued])).rows[0].n,
    );
    expect(Number(handedOver)).toBe(20);
  });

  it('registers the job schedulers again after Redis was flushed, without a restart', async () => {
    const sweeps = queue(Queues.Sweeps);
    const maintenance = queue(Queues.Maintenance);
    const marker = new Redis(redis.url);
    try {
      const present = async () => [
        !!(await sweeps.getJobScheduler(DAILY_SWEEP_SCHEDULER)),
        !!(await maintenance.getJobScheduler(REQUEUE_STALLED_SCHEDULER)),
        !!(await maintenance.getJobScheduler(PURGE_SCHEDULER)),
      ];
      expect(await present()).toEqual([true, true, true]);
      // The keeper checks every 200 ms and may register a scheduler again between the flush and a look at it:
      // a marker key shows that the flush emptied Redis, and the schedulers come back.
      await marker.set(`${env.queuePrefix}:flush-marker`, '1');
      await redis.flushAll();
      expect(await marker.exists(`${env.queuePrefix}:flush-marker`)).toBe(0);
      await eventually(present, (p) => p.every(Boolean), 10_000);
    } finally {
      await sweeps.close();
      await maintenance.close();
      marker.disconnect();
    }
  });

  it('runs a sweep requested while Redis was down once Redis is back, and a sweep stopped by a shutdown resumes', async () => {
    const finance = () => collections!.api.as(tokenFor('finance'));
    const f = factory();
    for (let i = 0; i < 3; i++) {
      const { contract } = await f.newAccount({ paymentTermDays: 1 });
      await f.newInvoice(contract.id, 5_000, { issueDate: '2026-01-01' });
    }
    await redis.kill();
    const refused = await finance().post('/v1/sweeps', { asOf: '2026-03-01' });
    expect(refused.status).toBe(503);
    await redis.restart();
    const sweepOf = (asOf: string) =>
      withDatabase(async (db) => (await db.query(`SELECT status, checkpoint, stats FROM collections.sweeps WHERE as_of = $1`, [asOf])).rows[0]);
    await eventually(() => sweepOf('2026-03-01'), (s) => s?.status === 'completed', 30_000);

    // A shutdown in the middle of a sweep stops at the next batch boundary and the sweep resumes later.
    await collections!.close();
    // Twelve overdue invoices make two batches of ten.
    const { contract } = await f.newAccount({ paymentTermDays: 1 });
    for (let i = 0; i < 12; i++) await f.newInvoice(contract.id, 100 + i, { issueDate: '2026-03-01' });
    collections = await startCollections({ SWEEP_BATCH_SIZE: '10' });
    collections.app.get(SweepRunner).requestStop();
    const started = Date.now();
    expect((await finance().post('/v1/sweeps', { asOf: '2026-04-01' })).status).toBe(202);
    await eventually(() => sweepOf('2026-04-01'), (s) => s?.status === 'queued' && s.checkpoint !== null, 15_000);
    await collections.close();
    expect(Date.now() - started).toBeLessThan(10_000);

    collections = await startCollections();
    const done = await eventually(() => sweepOf('2026-04-01'), (s) => s?.status === 'completed', 30_000);
    expect(done.stats.invoicesScanned).toBeGreaterThanOrEqual(15);
  });
});
