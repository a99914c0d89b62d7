import { InvoicingAppModule } from '../../../apps/invoicing/src/invoicing-app.module';
import { countRows, expectProblem, RunningService, startServiceWithEnvironment, tokenFor, withDatabase } from '@ar/testing';
import { deleteRedisKeys } from '../../support/test-resources';

/** An installation that lets outbound webhooks reach the public internet only (WEBHOOK_TARGETS=public). */
describe('outbound webhook endpoints under WEBHOOK_TARGETS=public', () => {
  const queuePrefix = `${process.env.QUEUE_PREFIX}_targets`;
  let service: RunningService;

  beforeAll(async () => {
    service = await startServiceWithEnvironment(InvoicingAppModule, { WEBHOOK_TARGETS: 'public', QUEUE_PREFIX: queuePrefix });
  });
  afterAll(async () => {
    // Never leave an endpoint that points off this machine for a later test's worker to deliver to.
    await withDatabase((db) => db.query(`DELETE FROM invoicing.webhook_endpoints WHERE url = 'https://hooks.example.com/ar'`));
    await service.close();
    await deleteRedisKeys(process.env.REDIS_URL as string, queuePrefix);
  });

  const finance = () => service.api.as(tokenFor('finance'));

  it.each(['http://127.0.0.1:8080/hooks', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/hooks', 'http://localhost:3000/hooks', 'http://10.0.0.7/hooks'])(
    'refuses an endpoint at %s with 422 problem+json and stores nothing',
    async (url) => {
      const before = await countRows('invoicing.webhook_endpoints');
      const res = await finance().post('/v1/webhook-endpoints', { url, events: ['invoice.issued'] });
      expectProblem(res, 422);
      expect(res.body.detail).toMatch(/public/);
      expect(await countRows('invoicing.webhook_endpoints')).toBe(before);
    },
  );

  it('accepts an endpoint named by a host name, which is checked again by what it resolves to when delivering', async () => {
    const res = await finance().post('/v1/webhook-endpoints', { url: 'https://hooks.example.com/ar', events: ['invoice.issued'] });
    expect(res.status).toBe(201);
  });
});
