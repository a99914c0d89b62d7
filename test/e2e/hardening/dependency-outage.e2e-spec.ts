import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { ContractsAppModule } from '../../../apps/contracts/src/contracts-app.module';
import { Queues } from '@ar/queues';
import { eventually, expectProblem, OwnRedis, RunningService, startOwnRedis, startServiceWithEnvironment, tokenFor } from '@ar/testing';

// Findings 11 and 12 of the hardening review: with Redis down every route, liveness included, answered 500
// after 2-3 s (the rate limiter counted in Redis), and readiness said 500 instead of 503.
describe('hardening: a dependency outage answers 503 where it matters and nothing else breaks', () => {
  let redis: OwnRedis;
  let service: RunningService;

  beforeAll(async () => {
    redis = await startOwnRedis();
    service = await startServiceWithEnvironment(ContractsAppModule, { REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '1000', RATE_LIMIT_AUTHENTICATED_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await service.close();
    await redis.kill();
  });

  const timed = async <T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> => {
    const started = Date.now();
    const result = await work();
    return { result, ms: Date.now() - started };
  };

  it('while Redis is down: liveness 200, readiness 503 problem+json naming redis, Postgres-only routes still 200', async () => {
    const admin = service.api.as(tokenFor('admin'));
    expect((await service.api.get('/health/ready')).status).toBe(200);
    await redis.kill();

    const live = await timed(() => service.api.get('/health/live'));
    expect(live.result.status).toBe(200);
    expect(live.ms).toBeLessThan(1000);

    const ready = await service.api.get('/health/ready');
    expectProblem(ready, 503);
    expect(ready.headers.get('retry-after')).toBe('5');
    expect(ready.body.errors).toEqual([expect.objectContaining({ path: 'redis' })]);

    const list = await timed(() => admin.get('/v1/clients?limit=1'));
    expect(list.result.status).toBe(200);
    expect(list.ms).toBeLessThan(2000);

    const metrics = await service.api.get('/metrics');
    expect(String(metrics.body)).toMatch(/rate_limit_local_fallbacks_total\{[^}]*\} [1-9]/);
  });

  it('cuts off a client that takes longer than HTTP_REQUEST_TIMEOUT_MS to send its request (none was set)', () => {
    expect((service.app.getHttpServer() as { requestTimeout: number }).requestTimeout).toBe(30_000);
  });

  it('marks every answer nosniff and no-store', async () => {
    for (const res of [await service.api.get('/health/live'), await service.api.as(tokenFor('admin')).get('/v1/clients?limit=1'), await service.api.get('/v1/nothing-here')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('heals by itself once Redis is back, without a restart', async () => {
    await redis.restart();
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await service.api.get('/health/ready')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    // Readiness pings one connection; the queue's own reconnects on its own schedule. Closing the service while it
    // is still reconnecting fails its QUIT, so the test waits for it as an operator would before a redeploy.
    const queue = service.app.get<Queue>(getQueueToken(Queues.Events));
    await eventually(() => queue.getJobCounts().then(() => true, () => false), (answered) => answered);
  });
});
