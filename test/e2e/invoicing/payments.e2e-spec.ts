import { randomUUID } from 'node:crypto';
import { countRows, expectProblem, RunningSystem, startSystem, withDatabase } from '@ar/testing';

describe('invoicing service: payments and cash application', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.close());

  const f = () => system.invoicingFactory;

  it('pays an invoice in parts, then in full', async () => {
    const { contract, client } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 1000);
    const first = await f().pay({ clientId: client.id, amount: 400 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      clientId: client.id,
      amount: 400,
      currency: 'EUR',
      receivedOn: '2026-01-15',
      allocations: [{ invoiceId: invoice.id, amount: 400 }],
      unappliedAmount: 0,
      status: 'applied',
    });
    expect(await f().invoice(invoice.id)).toMatchObject({ amountPaid: 400, balance: 600, status: 'partially_paid' });
    await f().pay({ clientId: client.id, amount: 600 });
    expect(await f().invoice(invoice.id)).toMatchObject({ amountPaid: 1000, balance: 0, status: 'paid', overdue: false });
  });

  it('applies a general payment oldest due date first and keeps an overpayment as client credit', async () => {
    const { contract, client } = await f().newAccount();
    const later = await f().newInvoice(contract.id, 500, { issueDate: '2026-01-10' });
    const older = await f().newInvoice(contract.id, 300, { issueDate: '2026-01-01' });
    const res = await f().pay({ clientId: client.id, amount: 1000 });
    expect(res.body.allocations).toEqual([
      { invoiceId: older.id, amount: 300, discount: 0 },
      { invoiceId: later.id, amount: 500, discount: 0 },
    ]);
    expect(res.body.unappliedAmount).toBe(200);
    const balance = await f().admin.get(`/v1/clients/${client.id}/balance`);
    expect(balance.body).toEqual([{ currency: 'EUR', open: 0, overdue: 0, unappliedCredit: 200 }]);
  });

  it('sends a payment naming an invoice, or quoting its number, to that invoice only', async () => {
    const { contract, client } = await f().newAccount();
    const a = await f().newInvoice(contract.id, 300, { issueDate: '2026-01-01' });
    const b = await f().newInvoice(contract.id, 300, { issueDate: '2026-01-02' });
    const named = await f().pay({ clientId: client.id, amount: 500, invoiceId: b.id });
    expect(named.body.allocations).toEqual([{ invoiceId: b.id, amount: 300, discount: 0 }]);
    expect(named.body.unappliedAmount).toBe(200);

    const c = await f().newInvoice(contract.id, 300, { issueDate: '2026-01-03' });
    const quoted = await f().pay({ clientId: client.id, amount: 100, reference: `Payment for invoice ${c.number}, thanks` });
    expect(quoted.body.allocations).toEqual([{ invoiceId: c.id, amount: 100, discount: 0 }]);
    expect((await f().invoice(a.id)).amountPaid).toBe(0);
  });

  it('answers 422 to a payment in another currency than the named invoice', async () => {
    const { contract, client } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 300);
    const before = await countRows('invoicing.payments', 'client_id = $1', [client.id]);
    expectProblem(await f().pay({ clientId: client.id, amount: 300, currency: 'USD', invoiceId: invoice.id }), 422);
    expect(await countRows('invoicing.payments', 'client_id = $1', [client.id])).toBe(before);
  });

  it('keeps a payment in another currency as credit in that currency', async () => {
    const { contract, client } = await f().newAccount();
    await f().newInvoice(contract.id, 300);
    const res = await f().pay({ clientId: client.id, amount: 300, currency: 'USD' });
    expect(res.body).toMatchObject({ allocations: [], unappliedAmount: 300 });
    const balance = await f().admin.get(`/v1/clients/${client.id}/balance`);
    expect(balance.body).toEqual(
      expect.arrayContaining([
        { currency: 'EUR', open: 300, overdue: expect.any(Number), unappliedCredit: 0 },
        { currency: 'USD', open: 0, overdue: 0, unappliedCredit: 300 },
      ]),
    );
  });

  it('settles with Skonto within the window, booking the difference as discount', async () => {
    const { contract, client } = await f().newAccount({ cashDiscount: { percent: 2, days: 10 } });
    const invoice = await f().newInvoice(contract.id, 10000, { issueDate: '2026-01-01' });
    const res = await f().pay({ clientId: client.id, amount: 9800, receivedOn: '2026-01-11' });
    expect(res.body.allocations).toEqual([{ invoiceId: invoice.id, amount: 9800, discount: 200 }]);
    expect(await f().invoice(invoice.id)).toMatchObject({ amountPaid: 9800, amountDiscounted: 200, balance: 0, status: 'paid' });

    const late = await f().newInvoice(contract.id, 10000, { issueDate: '2026-01-01' });
    await f().pay({ clientId: client.id, amount: 9800, receivedOn: '2026-01-12', invoiceId: late.id });
    expect(await f().invoice(late.id)).toMatchObject({ balance: 200, status: 'partially_paid' });
  });

  it('reverses a bounced payment: invoices reopen, the ledger keeps both rows, a second reversal is 409', async () => {
    const { contract, client } = await f().newAccount({ cashDiscount: { percent: 2, days: 10 } });
    const invoice = await f().newInvoice(contract.id, 10000, { issueDate: '2026-01-01' });
    const payment = await f().pay({ clientId: client.id, amount: 9800, receivedOn: '2026-01-05' });
    const reversed = await f().finance.post(`/v1/payments/${payment.body.id}/reverse`);
    expect(reversed.status).toBe(200);
    expect(reversed.body).toMatchObject({ status: 'reversed', allocations: [] });
    expect(await f().invoice(invoice.id)).toMatchObject({ amountPaid: 0, amountDiscounted: 0, balance: 10000, status: 'open' });
    const ledger = await withDatabase(async (db) =>
      (await db.query(`SELECT kind, amount::int FROM invoicing.payment_allocations WHERE payment_id = $1 ORDER BY id`, [payment.body.id])).rows,
    );
    expect(ledger).toEqual([
      { kind: 'payment', amount: 9800 },
      { kind: 'discount', amount: 200 },
      { kind: 'payment', amount: -9800 },
      { kind: 'discount', amount: -200 },
    ]);
    expectProblem(await f().finance.post(`/v1/payments/${payment.body.id}/reverse`), 409);
  });

  it('lets only finance and admin record or reverse payments', async () => {
    const { client, managerApi } = await f().newAccount();
    const before = await countRows('invoicing.payments', 'client_id = $1', [client.id]);
    expectProblem(await managerApi.post('/v1/payments', { clientId: client.id, amount: 1, currency: 'EUR', receivedOn: '2026-01-01' }), 403);
    expect(await countRows('invoicing.payments', 'client_id = $1', [client.id])).toBe(before);
    const payment = await f().pay({ clientId: client.id, amount: 10 });
    expectProblem(await managerApi.post(`/v1/payments/${payment.body.id}/reverse`), 403);
    expect((await managerApi.get(`/v1/payments/${payment.body.id}`)).status).toBe(200);
  });

  it('refuses a duplicate externalId with 409 and records the payment once', async () => {
    const { client } = await f().newAccount();
    const externalId = `BANK-${Date.now()}`;
    expect((await f().pay({ clientId: client.id, amount: 10, externalId })).status).toBe(201);
    expectProblem(await f().pay({ clientId: client.id, amount: 10, externalId }), 409);
    expect(await countRows('invoicing.payments', 'external_id = $1', [externalId])).toBe(1);
  });

  it.each([
    ['zero amount', { amount: 0 }],
    ['float amount', { amount: 10.5 }],
    ['amount as string', { amount: '100' }],
    ['bad currency', { currency: 'eur' }],
    ['bad date', { receivedOn: 'yesterday' }],
    ['unknown field', { status: 'reversed' }],
  ])('rejects %s with 400 and writes nothing', async (_, patch) => {
    const { client } = await f().newAccount();
    const res = await f().pay({ clientId: client.id, amount: 100, ...patch });
    expectProblem(res, 400);
    expect(await countRows('invoicing.payments', 'client_id = $1', [client.id])).toBe(0);
  });

  it('never over-applies when two payments race for one invoice', async () => {
    const { contract, client } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 1000);
    const results = await Promise.all([
      f().pay({ clientId: client.id, amount: 700, invoiceId: invoice.id }),
      f().pay({ clientId: client.id, amount: 700, invoiceId: invoice.id }),
      f().pay({ clientId: client.id, amount: 700 }),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const applied = results.flatMap((r) => r.body.allocations).reduce((s: number, a: { amount: number }) => s + a.amount, 0);
    const unapplied = results.reduce((s, r) => s + r.body.unappliedAmount, 0);
    expect(applied).toBe(1000);
    expect(applied + unapplied).toBe(2100);
    expect(await f().invoice(invoice.id)).toMatchObject({ amountPaid: 1000, balance: 0, status: 'paid' });
  });

  it('hides other managers’ payments and balances behind 404', async () => {
    const mine = await f().newAccount();
    const theirs = await f().newAccount();
    const payment = await f().pay({ clientId: theirs.client.id, amount: 10 });
    expectProblem(await mine.managerApi.get(`/v1/payments/${payment.body.id}`), 404);
    expectProblem(await mine.managerApi.get(`/v1/clients/${theirs.client.id}/balance`), 404);
    const list = await mine.managerApi.get(`/v1/payments?clientId=${theirs.client.id}`);
    expect(list.body).toEqual({ data: [], nextCursor: null });
  });

  describe('POST /v1/payments/batch', () => {
    it('applies each payment by the single-payment rules, answers one result per item, and applies nothing twice', async () => {
      const { contract, client } = await f().newAccount();
      const older = await f().newInvoice(contract.id, 300, { issueDate: '2026-01-01' });
      const named = await f().newInvoice(contract.id, 500, { issueDate: '2026-01-02' });
      const key = randomUUID().slice(0, 8);
      const payments = [
        { clientId: client.id, amount: 500, currency: 'EUR', receivedOn: '2026-01-15', invoiceId: named.id, externalId: `${key}-1` },
        { clientId: client.id, amount: 300, currency: 'EUR', receivedOn: '2026-01-15', externalId: `${key}-2` },
        { clientId: randomUUID(), amount: 100, currency: 'EUR', receivedOn: '2026-01-15', externalId: `${key}-3` },
      ];
      const first = await f().finance.post('/v1/payments/batch', { payments });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ applied: 2, duplicates: 0, failed: 1 });
      expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'failed']);
      expect(first.body.results[0].payment.allocations).toEqual([{ invoiceId: named.id, amount: 500, discount: 0 }]);
      expect(first.body.results[1].payment.allocations).toEqual([{ invoiceId: older.id, amount: 300, discount: 0 }]);
      expect(first.body.results[2].problem).toMatchObject({ status: 404, code: 'not_found' });

      const again = await f().finance.post('/v1/payments/batch', { payments });
      expect(again.body).toMatchObject({ applied: 0, duplicates: 2, failed: 1 });
      expect(await countRows('invoicing.payments', 'client_id = $1', [client.id])).toBe(2);
      expect((await f().invoice(older.id)).balance).toBe(0);
    });

    it('refuses a batch without externalIds, too large, or from a manager, writing nothing', async () => {
      const { client } = await f().newAccount();
      const item = { clientId: client.id, amount: 100, currency: 'EUR', receivedOn: '2026-01-15' };
      expectProblem(await f().finance.post('/v1/payments/batch', { payments: [item] }), 400);
      expectProblem(await f().finance.post('/v1/payments/batch', { payments: [] }), 400);
      expectProblem(await f().finance.post('/v1/payments/batch', { payments: Array.from({ length: 1001 }, (_, i) => ({ ...item, externalId: `x-${i}` })) }), 400);
      const { managerApi } = await f().newAccount();
      expectProblem(await managerApi.post('/v1/payments/batch', { payments: [{ ...item, externalId: 'm-1' }] }), 403);
      expect(await countRows('invoicing.payments', 'client_id = $1', [client.id])).toBe(0);
    });
  });
});
