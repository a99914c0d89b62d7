import { expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor } from '@ar/testing';

type Pair = { count: number; amount: number };
const pair = (count: number, amount: number): Pair => ({ count, amount });

/**
 * Reports on issued invoices and payments by period, reconciled to the cent with the invoice and payment lists
 * (same period filters) and with the aging report: opening + issued − paid − discounted − credited − written off =
 * closing, per currency.
 */
describe('invoicing: invoice and payment reports by period', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const x: Record<string, any> = {};
  const finance = () => system.invoicing.api.as(tokenFor('finance'));
  const Q1 = 'from=2026-01-01&to=2026-03-31';
  const on = (date: string) => system.setToday(date);
  const ok = async (res: Promise<{ status: number; body: any }>, status = 201) => {
    const r = await res;
    expect([r.status, r.body]).toEqual([status, expect.anything()]);
    return r.body;
  };

  beforeAll(async () => {
    env = await isolatedEnvironment('period_reports');
    system = await startSystem();
    const cf = system.contractsFactory;
    const f = system.invoicingFactory;
    on('2025-12-01');
    x.a = await cf.newUser('account_manager');
    x.b = await cf.newUser('account_manager');
    x.clientA = await cf.newClient(x.a.id);
    x.clientB = await cf.newClient(x.b.id);
    x.eurA = await cf.activeContract(x.clientA.id, { paymentTermDays: 30, startsOn: '2025-01-01' });
    x.eurB = await cf.activeContract(x.clientB.id, { number: 'K-B-EUR', paymentTermDays: 30, startsOn: '2025-01-01' });
    x.usdB = await cf.activeContract(x.clientB.id, { number: 'K-B-USD', currency: 'USD', paymentTermDays: 30, startsOn: '2025-01-01' });
    x.december = await f.newInvoice(x.eurA.id, 100_000, { issueDate: '2025-12-01' });

    on('2026-03-31');
    x.i1 = await f.newInvoice(x.eurA.id, 200_000, { issueDate: '2026-01-10' });
    x.i2 = await f.newInvoice(x.eurB.id, 300_000, { issueDate: '2026-02-05' });
    x.i3 = await f.newInvoice(x.usdB.id, 50_000, { issueDate: '2026-03-01' });
    x.i4 = await f.newInvoice(x.eurA.id, 40_000, { issueDate: '2026-03-10' });
    await ok(f.pay({ clientId: x.clientA.id, amount: 100_000, invoiceId: x.december.id, receivedOn: '2026-01-20' }));
    await ok(f.pay({ clientId: x.clientA.id, amount: 150_000, invoiceId: x.i1.id, receivedOn: '2026-02-10' }));
    // 50,000 more than owed: left with the client as credit.
    await ok(f.pay({ clientId: x.clientB.id, amount: 350_000, invoiceId: x.i2.id, receivedOn: '2026-03-05' }));
    x.usdPayment = await ok(f.pay({ clientId: x.clientB.id, amount: 10_000, currency: 'USD', receivedOn: '2026-03-20' }));
    await ok(finance().post(`/v1/invoices/${x.i4.id}/void`), 200);
    on('2026-03-15');
    await ok(finance().post('/v1/credit-notes', { invoiceId: x.i1.id, amount: 10_000, reason: 'Damaged goods' }));
    on('2026-03-25');
    await ok(finance().post(`/v1/invoices/${x.i1.id}/write-off`, { reason: 'Settled for less' }), 200);
    await ok(finance().post(`/v1/payments/${x.usdPayment.id}/reverse`), 200);
    // After the period: none of this counts in Q1.
    on('2026-04-15');
    await f.newInvoice(x.eurA.id, 999_000, { issueDate: '2026-04-02' });
    await ok(f.pay({ clientId: x.clientB.id, amount: 1_000, currency: 'USD', receivedOn: '2026-04-03' }));
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  it('counts and sums what was issued, voided, paid, credited and written off in the period, per currency', async () => {
    const res = await finance().get(`/v1/reports/invoices?${Q1}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-01-01', to: '2026-03-31', groupBy: 'none' });
    expect(res.body.rows).toEqual([
      {
        key: 'all', currency: 'EUR', issued: pair(2, 500_000), voided: pair(1, 40_000), paid: pair(2, 550_000), discounted: pair(0, 0),
        credited: pair(1, 10_000), writtenOff: pair(1, 40_000),
      },
      { key: 'all', currency: 'USD', issued: pair(1, 50_000), voided: pair(0, 0), paid: pair(0, 0), discounted: pair(0, 0), credited: pair(0, 0), writtenOff: pair(0, 0) },
    ]);
  });

  it('reconciles with the invoice list of the same period and with the aging report at both ends', async () => {
    const listed = (await finance().get(`/v1/invoices?${Q1}&limit=100`)).body.data as any[];
    expect(listed.map((i) => i.id).sort()).toEqual([x.i1.id, x.i2.id, x.i3.id, x.i4.id].sort());
    const report = (await finance().get(`/v1/reports/invoices?${Q1}`)).body.rows as any[];
    for (const row of report) {
      const inCurrency = listed.filter((i) => i.currency === row.currency);
      expect(row.issued.amount).toBe(inCurrency.filter((i) => i.status !== 'void').reduce((n, i) => n + i.total, 0));
      expect(row.voided.amount).toBe(inCurrency.filter((i) => i.status === 'void').reduce((n, i) => n + i.total, 0));
      const aging = async (asOf: string) =>
        ((await finance().get(`/v1/reports/aging?asOf=${asOf}`)).body.rows as any[]).filter((r) => r.currency === row.currency).reduce((n, r) => n + r.total, 0);
      const opening = await aging('2025-12-31');
      const closing = await aging('2026-03-31');
      expect(closing).toBe(opening + row.issued.amount - row.paid.amount - row.discounted.amount - row.credited.amount - row.writtenOff.amount);
    }
  });

  it('reports payments received as applied, unapplied and reversed, reconciled with the payment list', async () => {
    const res = await finance().get(`/v1/reports/payments?${Q1}`);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      { key: 'all', currency: 'EUR', received: pair(3, 600_000), applied: pair(3, 550_000), unapplied: pair(1, 50_000), reversed: pair(0, 0) },
      { key: 'all', currency: 'USD', received: pair(1, 10_000), applied: pair(0, 0), unapplied: pair(0, 0), reversed: pair(1, 10_000) },
    ]);
    const listed = (await finance().get(`/v1/payments?${Q1}&limit=100`)).body.data as any[];
    for (const row of res.body.rows) {
      const inCurrency = listed.filter((p) => p.currency === row.currency);
      expect(row.received).toEqual(pair(inCurrency.length, inCurrency.reduce((n, p) => n + p.amount, 0)));
      expect(row.received.amount).toBe(row.applied.amount + row.unapplied.amount + row.reversed.amount);
    }
  });

  it('groups by month, client and manager; the groups add up to the whole', async () => {
    const months = (await finance().get(`/v1/reports/invoices?${Q1}&groupBy=month`)).body.rows as any[];
    expect(months.filter((r) => r.currency === 'EUR').map((r) => [r.key, r.issued.amount, r.paid.amount])).toEqual([
      ['2026-01', 200_000, 100_000],
      ['2026-02', 300_000, 150_000],
      ['2026-03', 0, 300_000],
    ]);
    const byManager = (await finance().get(`/v1/reports/payments?${Q1}&groupBy=manager`)).body.rows as any[];
    expect(byManager.map((r) => [r.key, r.currency, r.received.amount]).sort()).toEqual(
      [[x.a.id, 'EUR', 250_000], [x.b.id, 'EUR', 350_000], [x.b.id, 'USD', 10_000]].sort(),
    );
    const byClient = (await finance().get(`/v1/reports/invoices?${Q1}&groupBy=client`)).body.rows as any[];
    expect(byClient.filter((r) => r.currency === 'EUR').reduce((n, r) => n + r.issued.amount, 0)).toBe(500_000);
  });

  it('shows an account manager only their own clients, in the reports and the filtered lists', async () => {
    const mine = (await system.invoicing.api.as(x.a.token).get(`/v1/reports/invoices?${Q1}`)).body.rows;
    expect(mine).toEqual([expect.objectContaining({ key: 'all', currency: 'EUR', issued: pair(1, 200_000), voided: pair(1, 40_000), paid: pair(1, 250_000) })]);
    const theirs = (await system.invoicing.api.as(x.a.token).get(`/v1/invoices?${Q1}&accountManagerId=${x.b.id}`)).body.data;
    expect(theirs).toEqual([]);
    const bs = (await finance().get(`/v1/invoices?${Q1}&accountManagerId=${x.b.id}&limit=100`)).body.data.map((i: any) => i.id);
    expect(bs.sort()).toEqual([x.i2.id, x.i3.id].sort());
    const bPayments = (await finance().get(`/v1/payments?from=2026-03-01&to=2026-03-31&accountManagerId=${x.b.id}`)).body.data;
    expect(bPayments.map((p: any) => p.amount).sort()).toEqual([10_000, 350_000]);
  });

  it('answers CSV on Accept: text/csv', async () => {
    const res = await finance().get(`/v1/reports/invoices?${Q1}`, { accept: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('text/csv');
    const lines = (res.body as string).trim().split('\n');
    expect(lines[0]).toBe(
      'key,currency,issued_count,issued_amount,voided_count,voided_amount,paid_count,paid_amount,discounted_count,discounted_amount,credited_count,credited_amount,written_off_count,written_off_amount',
    );
    expect(lines[1]).toBe('all,EUR,2,500000,1,40000,2,550000,0,0,1,10000,1,40000');
    const payments = await finance().get(`/v1/reports/payments?${Q1}&groupBy=month`, { accept: 'text/csv' });
    expect((payments.body as string).split('\n')[0]).toBe('key,currency,received_count,received_amount,applied_count,applied_amount,unapplied_count,unapplied_amount,reversed_count,reversed_amount');
  });

  it('refuses a bad period or grouping with a problem', async () => {
    expectProblem(await finance().get('/v1/reports/invoices?from=2026-03-31&to=2026-01-01'), 400);
    expectProblem(await finance().get('/v1/reports/invoices?to=2026-01-01'), 400);
    expectProblem(await finance().get(`/v1/reports/payments?${Q1}&groupBy=week`), 400);
    expectProblem(await finance().get('/v1/invoices?from=yesterday'), 400);
    expectProblem(await finance().get('/v1/payments?accountManagerId=nobody'), 400);
  });
});
