import { createServer, Server } from 'node:net';
import { InvoicingAppModule } from '../../../apps/invoicing/src/invoicing-app.module';
import { countRows, eventually, expectProblem, RunningService, RunningSystem, startServiceWithEnvironment, startSystem, tokenFor, withDatabase } from '@ar/testing';
import { freePort } from '../../../tools/child-process';

// Finding 5 of the hardening review: under the default WEBHOOK_TARGETS=any, finance could register internal
// addresses and read status codes and connection errors from the delivery log, a port scanner.
describe('hardening: outbound webhook targets', () => {
  it('defaults to public: without WEBHOOK_TARGETS a loopback endpoint is refused with 422', async () => {
    const previous = process.env.WEBHOOK_TARGETS;
    delete process.env.WEBHOOK_TARGETS;
    let service: RunningService | undefined;
    try {
      service = await startServiceWithEnvironment(InvoicingAppModule, {});
    } finally {
      process.env.WEBHOOK_TARGETS = previous;
    }
    try {
      const res = await service.api.as(tokenFor('finance')).post('/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/hooks', events: ['invoice.issued'] });
      expectProblem(res, 422);
    } finally {
      await service.close();
    }
  });

  describe('under WEBHOOK_TARGETS=any (subscribers on your own network)', () => {
    let system: RunningSystem;
    let closed: Server;
    let closedPort: number;

    beforeAll(async () => {
      system = await startSystem({ collections: true });
      // A loopback port that accepts and at once resets every connection: a "service" a scanner would find.
      closedPort = await freePort();
      closed = createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => closed.listen(closedPort, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      await withDatabase((db) => db.query(`UPDATE invoicing.webhook_endpoints SET status = 'disabled' WHERE url LIKE $1`, [`http://127.0.0.1:${closedPort}/%`]));
      await system.close();
      await new Promise((resolve) => closed.close(resolve));
    });

    const finance = () => system.invoicingFactory.finance;

    it.each([
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/hooks',
      'http://[::ffff:169.254.169.254]/x',
      'http://[::a9fe:a9fe]/x',
      'http://[fd00:ec2::254]/latest',
      'http://100.100.100.200/latest/meta-data/',
    ])('still refuses the link-local or metadata address %s with 422 and stores nothing', async (url) => {
      const before = await countRows('invoicing.webhook_endpoints');
      expectProblem(await finance().post('/v1/webhook-endpoints', { url, events: ['invoice.issued'] }), 422);
      expect(await countRows('invoicing.webhook_endpoints')).toBe(before);
    });

    it('shows a subscriber’s connection errors to admins only', async () => {
      const endpoint = (await finance().post('/v1/webhook-endpoints', { url: `http://127.0.0.1:${closedPort}/hooks`, events: ['invoice.issued'] })).body;
      const { contract } = await system.invoicingFactory.newAccount();
      await system.invoicingFactory.newInvoice(contract.id, 1_000);
      const path = `/v1/webhook-endpoints/${endpoint.id}/deliveries`;
      const [asAdmin] = await eventually<{ attemptLog: { error: string }[] }[]>(
        async () => (await system.invoicingFactory.admin.get(path)).body.data,
        (data: { attemptLog: unknown[] }[]) => data.length > 0 && data[0].attemptLog.length > 0,
      );
      expect(asAdmin.attemptLog[0].error).not.toMatch(/details for admins/);
      expect(asAdmin.attemptLog[0].error).toBeTruthy();
      const [asFinance] = (await finance().get(path)).body.data;
      expect(asFinance.attemptLog[0]).toMatchObject({ statusCode: null, error: 'not delivered (details for admins)' });
      expect(asFinance.lastError === null || asFinance.lastError === 'not delivered (details for admins)').toBe(true);
    });
  });
});
