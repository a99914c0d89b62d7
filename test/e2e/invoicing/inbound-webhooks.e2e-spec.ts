import { randomUUID } from 'node:crypto';
import { InvoicingAppModule } from '../../../apps/invoicing/src/invoicing-app.module';
import { countRows, eventually, expectProblem, RunningService, RunningSystem, sendSigned, startService, startSystem, withDatabase } from '@ar/testing';

describe('invoicing service: signed inbound webhooks from finance systems', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.close());

  const f = () => system.invoicingFactory;
  const api = () => system.invoicing.api;
  const paymentEvent = (clientId: string, extra: Record<string, unknown> = {}) => ({
    type: 'payment.received',
    data: { externalId: `BANK-${randomUUID()}`, clientId, amount: 500, currency: 'EUR', receivedOn: '2026-01-20', ...extra },
  });

  it('shows an integration secret once, in Standard Webhooks form, and never again', async () => {
    const integration = await f().newIntegration();
    expect(integration.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const list = await f().admin.get('/v1/integrations');
    expect(JSON.stringify(list.body)).not.toContain(integration.secret);
    expect(list.body.data.find((i: { id: string }) => i.id === integration.id)).toEqual({ id: integration.id, name: integration.name, createdAt: expect.any(String) });
  });

  it('applies a signed payment.received like a manual payment', async () => {
    const integration = await f().newIntegration();
    const { contract, client } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 500);
    const res = await sendSigned(api(), integration.id, integration.secret, paymentEvent(client.id));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: true, outcome: 'applied', paymentId: expect.any(String) });
    expect(await f().invoice(invoice.id)).toMatchObject({ status: 'paid', balance: 0 });
  });

  it('follows the reference: a quoted settled invoice keeps the money as credit, an unknown number goes oldest first', async () => {
    const integration = await f().newIntegration();
    const { contract, client } = await f().newAccount();
    const older = await f().newInvoice(contract.id, 300, { issueDate: '2026-01-01' });
    const newer = await f().newInvoice(contract.id, 300, { issueDate: '2026-01-05' });
    await sendSigned(api(), integration.id, integration.secret, paymentEvent(client.id, { amount: 300, reference: `Invoice ${newer.number}` }));
    expect(await f().invoice(newer.id)).toMatchObject({ status: 'paid' });

    const again = await sendSigned(api(), integration.id, integration.secret, paymentEvent(client.id, { amount: 100, reference: `Invoice ${newer.number} again` }));
    expect(again.body.outcome).toBe('applied');
    const credit = await f().finance.get(`/v1/payments/${again.body.paymentId}`);
    expect(credit.body).toMatchObject({ allocations: [], unappliedAmount: 100 });
    expect(await f().invoice(older.id)).toMatchObject({ amountPaid: 0 });

    const unknown = await sendSigned(api(), integration.id, integration.secret, paymentEvent(client.id, { amount: 100, reference: 'Invoice 1999-999999' }));
    const oldestFirst = await f().finance.get(`/v1/payments/${unknown.body.paymentId}`);
    expect(oldestFirst.body.allocations).toEqual([{ invoiceId: older.id, amount: 100, discount: 0 }]);
  });

  describe('refuses with 401 and stores nothing', () => {
    let integration: { id: string; secret: string };
    let clientId: string;
    beforeAll(async () => {
      integration = await f().newIntegration();
      clientId = (await f().newAccount()).client.id;
    });

    const cases: [string, () => Promise<{ status: number }>][] = [
      ['a wrong secret', () => sendSigned(api(), integration.id, `whsec_${Buffer.from('not the right secret at all').toString('base64')}`, paymentEvent(clientId))],
      ['a tampered body', () => sendSigned(api(), integration.id, integration.secret, paymentEvent(clientId), { tamper: (p) => p.replace('"amount":500', '"amount":5000') })],
      ['a timestamp 6 minutes old', () => sendSigned(api(), integration.id, integration.secret, paymentEvent(clientId), { timestamp: new Date(Date.now() - 6 * 60_000) })],
      ['a timestamp 6 minutes ahead', () => sendSigned(api(), integration.id, integration.secret, paymentEvent(clientId), { timestamp: new Date(Date.now() + 6 * 60_000) })],
      ['no signature header', () => sendSigned(api(), integration.id, integration.secret, paymentEvent(clientId), { headers: { 'webhook-signature': undefined } })],
      ['no id header', () => sendSigned(api(), integration.id, integration.secret, paymentEvent(clientId), { headers: { 'webhook-id': undefined } })],
      ['no timestamp header', () => sendSigned(api(), integration.id, integration.secret, paymentEvent(clientId), { headers: { 'webhook-timestamp': undefined } })],
      ['an unknown integration', () => sendSigned(api(), randomUUID(), integration.secret, paymentEvent(clientId))],
      ['garbage without a signature', () => api().request('POST', `/v1/webhooks/inbound/${integration.id}`, 'not json', { 'content-type': 'text/plain' })],
    ];
    it.each(cases)('%s', async (_, send) => {
      const payments = await countRows('invoicing.payments', 'client_id = $1', [clientId]);
      const messages = await countRows('invoicing.inbound_messages', 'integration_id = $1', [integration.id]);
      const res = await send();
      expectProblem(res as never, 401);
      expect(await countRows('invoicing.payments', 'client_id = $1', [clientId])).toBe(payments);
      expect(await countRows('invoicing.inbound_messages', 'integration_id = $1', [integration.id])).toBe(messages);
    });
  });

  it.each([
    ['invalid JSON', '{"type": "payment.received", '],
    ['an unknown type', { type: 'invoice.created', data: {} }],
    ['a float amount', { type: 'payment.received', data: { externalId: 'x', clientId: randomUUID(), amount: 1.5, currency: 'EUR', receivedOn: '2026-01-01' } }],
    ['a missing externalId', { type: 'payment.received', data: { clientId: randomUUID(), amount: 1, currency: 'EUR', receivedOn: '2026-01-01' } }],
    ['an unknown field', { type: 'payment.reversed', data: { externalId: 'x', reason: 'bounced' } }],
  ])('answers 400 to a validly signed body with %s, applying nothing', async (_, body) => {
    const integration = await f().newIntegration();
    const res = await sendSigned(api(), integration.id, integration.secret, body);
    expectProblem(res, 400);
    expect(await countRows('invoicing.inbound_messages', 'integration_id = $1', [integration.id])).toBe(0);
  });

  it('answers 422 to a payment for an unknown client and records nothing', async () => {
    const integration = await f().newIntegration();
    const unknown = '01900000-0000-7000-8000-00000000abcd';
    const res = await sendSigned(api(), integration.id, integration.secret, paymentEvent(unknown));
    expectProblem(res, 422);
    expect(await countRows('invoicing.inbound_messages', 'integration_id = $1', [integration.id])).toBe(0);
  });

  it('changes nothing for a repeated webhook-id', async () => {
    const integration = await f().newIntegration();
    const { client } = await f().newAccount();
    const messageId = `msg_${randomUUID()}`;
    const first = await sendSigned(api(), integration.id, integration.secret, paymentEvent(client.id), { messageId });
    const second = await sendSigned(api(), integration.id, integration.secret, paymentEvent(client.id), { messageId });
    expect(first.body.outcome).toBe('applied');
    expect(second.status).toBe(200);
    expect(second.body.outcome).toBe('duplicate');
    expect(await countRows('invoicing.payments', 'client_id = $1', [client.id])).toBe(1);
  });

  it('applies a delivery repeated concurrently under the same webhook-id once, and a payment sent with it still', async () => {
    const integration = await f().newIntegration();
    const { contract, client } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 1000);
    const messageId = `msg_${randomUUID()}`;
    const repeated = paymentEvent(client.id, { amount: 300 });
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => sendSigned(api(), integration.id, integration.secret, repeated, { messageId })),
      sendSigned(api(), integration.id, integration.secret, paymentEvent(client.id, { amount: 200 })),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(answers.slice(0, 5).map((a) => a.body.outcome).sort()).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(answers[5].body.outcome).toBe('applied');
    expect(await countRows('invoicing.payments', 'client_id = $1', [client.id])).toBe(2);
    expect(await f().invoice(invoice.id)).toMatchObject({ amountPaid: 500, balance: 500 });
  });

  it('applies the same payment sent 20 times concurrently under different webhook ids once', async () => {
    const integration = await f().newIntegration();
    const { contract, client } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 1000);
    const event = paymentEvent(client.id, { amount: 400 });
    const results = await Promise.all(Array.from({ length: 20 }, () => sendSigned(api(), integration.id, integration.secret, event)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.outcome === 'applied')).toHaveLength(1);
    expect(await countRows('invoicing.payments', 'client_id = $1', [client.id])).toBe(1);
    expect(await f().invoice(invoice.id)).toMatchObject({ amountPaid: 400, balance: 600 });
  });

  it('applies payments arriving together for one client one after another, oldest invoice first, never over-applying', async () => {
    const integration = await f().newIntegration();
    const { contract, client } = await f().newAccount();
    const older = await f().newInvoice(contract.id, 1000, { issueDate: '2026-01-01' });
    const newer = await f().newInvoice(contract.id, 1000, { issueDate: '2026-01-10' });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => sendSigned(api(), integration.id, integration.secret, paymentEvent(client.id, { amount: 500 }))),
    );
    expect(results.map((r) => r.body.outcome)).toEqual(Array(5).fill('applied'));
    expect(await f().invoice(older.id)).toMatchObject({ status: 'paid', amountPaid: 1000, balance: 0 });
    expect(await f().invoice(newer.id)).toMatchObject({ status: 'paid', amountPaid: 1000, balance: 0 });
    const balance = await f().admin.get(`/v1/clients/${client.id}/balance`);
    expect(balance.body).toEqual([{ currency: 'EUR', open: 0, overdue: 0, unappliedCredit: 500 }]);
  });

  it('refuses one bad payment among concurrent good ones without holding them back, and keeps no trace of it', async () => {
    const integration = await f().newIntegration();
    const { contract, client } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 900);
    const badMessageId = `msg_${randomUUID()}`;
    const unknownClient = paymentEvent('01900000-0000-7000-8000-00000000dcba');
    const [bad, ...good] = await Promise.all([
      sendSigned(api(), integration.id, integration.secret, unknownClient, { messageId: badMessageId }),
      ...Array.from({ length: 3 }, () => sendSigned(api(), integration.id, integration.secret, paymentEvent(client.id, { amount: 300 }))),
    ]);
    expectProblem(bad, 422);
    expect(good.map((r) => r.body.outcome)).toEqual(['applied', 'applied', 'applied']);
    expect(await f().invoice(invoice.id)).toMatchObject({ status: 'paid', balance: 0 });
    expect(await countRows('invoicing.inbound_messages', 'integration_id = $1 AND message_id = $2', [integration.id, badMessageId])).toBe(0);
    // The refused webhook id was not consumed: a retry is judged again, not waved through as a duplicate.
    expectProblem(await sendSigned(api(), integration.id, integration.secret, unknownClient, { messageId: badMessageId }), 422);
  });

  describe('with a second replica of the invoicing service', () => {
    let replica: RunningService;
    beforeAll(async () => {
      replica = await startService(InvoicingAppModule, 'invoicing replica');
    });
    afterAll(() => replica.close());

    it('records a payment both replicas receive at once exactly once, and still applies what arrived with it', async () => {
      const integration = await f().newIntegration();
      const { contract, client } = await f().newAccount();
      const invoice = await f().newInvoice(contract.id, 1000);
      const shared = paymentEvent(client.id, { amount: 300 });
      const other = paymentEvent(client.id, { amount: 200 });
      // Hold the client's invoice so that both replicas check the externalId, find nothing, then queue up.
      await withDatabase(async (holder) => {
        await holder.query('BEGIN');
        await holder.query('SELECT id FROM invoicing.invoices WHERE id = $1 FOR UPDATE', [invoice.id]);
        const sent = Promise.all([
          sendSigned(api(), integration.id, integration.secret, shared),
          sendSigned(replica.api, integration.id, integration.secret, shared),
          sendSigned(replica.api, integration.id, integration.secret, other),
        ]);
        await eventually(
          () =>
            withDatabase(async (db) =>
              Number((await db.query(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].count),
            ),
          (waiting) => waiting >= 2,
        );
        await holder.query('COMMIT');
        const [first, second, third] = await sent;
        expect([first.body.outcome, second.body.outcome].sort()).toEqual(['applied', 'duplicate']);
        expect(third.body.outcome).toBe('applied');
      });
      expect(await countRows('invoicing.payments', 'client_id = $1', [client.id])).toBe(2);
      expect(await f().invoice(invoice.id)).toMatchObject({ amountPaid: 500, balance: 500 });
    });

    it('accounts for every cent of a stream of payments for the same clients that both replicas write at once', async () => {
      const integration = await f().newIntegration();
      const accounts = await Promise.all(Array.from({ length: 3 }, () => f().newAccount()));
      const invoices = await Promise.all(
        accounts.flatMap(({ contract }) => [f().newInvoice(contract.id, 1000, { issueDate: '2026-01-01' }), f().newInvoice(contract.id, 1500, { issueDate: '2026-01-05' })]),
      );
      // A replica re-reads the list of integration ids at most once a second: wait until it knows this one
      // (a signed event of an unknown type answers 400 and applies nothing; an unknown integration, 401).
      await eventually(
        async () => (await sendSigned(replica.api, integration.id, integration.secret, { type: 'payment.unknown', data: {} })).status,
        (status) => status === 400,
      );
      // 45 payments of 70, a few milliseconds apart, alternately to each replica: one replica reads invoices
      // the other is writing, so some of its batches find them changed and are decided again under locks.
      const sent: Promise<{ status: number; body: { outcome?: string } }>[] = [];
      for (let i = 0; i < 45; i++) {
        sent.push(sendSigned(i % 2 === 0 ? api() : replica.api, integration.id, integration.secret, paymentEvent(accounts[i % 3].client.id, { amount: 70 })));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      const results = await Promise.all(sent);
      // A failed one shows its whole answer.
      expect(results.map((r) => (r.body.outcome === 'applied' ? 'applied' : r))).toEqual(Array(45).fill('applied'));
      for (const [index, { client }] of accounts.entries()) {
        const [older, newer] = await Promise.all([f().invoice(invoices[2 * index].id), f().invoice(invoices[2 * index + 1].id)]);
        // 15 × 70 = 1050: the older invoice is settled first, the rest goes to the newer one; nothing is left over.
        expect(older).toMatchObject({ amountPaid: 1000, status: 'paid' });
        expect(newer).toMatchObject({ amountPaid: 50, status: 'partially_paid' });
        expect((await f().admin.get(`/v1/clients/${client.id}/balance`)).body).toMatchObject([{ currency: 'EUR', open: 1450, unappliedCredit: 0 }]);
      }
    });
  });

  it('reverses a payment by its externalId, idempotently', async () => {
    const integration = await f().newIntegration();
    const { contract, client } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 500);
    const event = paymentEvent(client.id);
    await sendSigned(api(), integration.id, integration.secret, event);
    const reversal = { type: 'payment.reversed', data: { externalId: event.data.externalId } };
    const first = await sendSigned(api(), integration.id, integration.secret, reversal);
    expect(first.body.outcome).toBe('reversed');
    expect(await f().invoice(invoice.id)).toMatchObject({ status: 'open', balance: 500 });
    const again = await sendSigned(api(), integration.id, integration.secret, reversal);
    expect(again.body.outcome).toBe('already_reversed');
  });

  it('keeps the old secret working after a rotation, alongside the new one', async () => {
    const integration = await f().newIntegration();
    const { client } = await f().newAccount();
    const rotated = await f().admin.post(`/v1/integrations/${integration.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(integration.secret);
    expect((await sendSigned(api(), integration.id, integration.secret, paymentEvent(client.id))).status).toBe(200);
    expect((await sendSigned(api(), integration.id, rotated.body.secret, paymentEvent(client.id))).status).toBe(200);
  });

  it('lets only admins manage integrations', async () => {
    expectProblem(await f().finance.post('/v1/integrations', { name: 'x' }), 403);
  });
});
