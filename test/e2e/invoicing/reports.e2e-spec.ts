import { expectProblem, RunningSystem, startSystem } from '@ar/testing';

describe('invoicing service: aging and DSO reports', () => {
  let system: RunningSystem;
  let clientId: string;
  let managerApi: RunningSystem['invoicing']['api'];

  const f = () => system.invoicingFactory;

  beforeAll(async () => {
    system = await startSystem();
    const account = await f().newAccount({ paymentTermDays: 30 });
    clientId = account.client.id;
    managerApi = account.managerApi;
    const a = await f().newInvoice(account.contract.id, 1000, { issueDate: '2026-01-01' }); // due 2026-01-31
    const b = await f().newInvoice(account.contract.id, 2000, { issueDate: '2026-02-01' }); // due 2026-03-03
    await f().newInvoice(account.contract.id, 500, { issueDate: '2026-03-15' }); // due 2026-04-14
    await f().pay({ clientId, amount: 400, invoiceId: a.id, receivedOn: '2026-02-15' });
    await f().pay({ clientId, amount: 2000, invoiceId: b.id, receivedOn: '2026-04-20' });
    // Issued today: must not change any past date's figures.
    await f().admin.post('/v1/credit-notes', { invoiceId: a.id, amount: 100, reason: 'goodwill' });
  });
  afterAll(() => system.close());

  const row = async (asOf: string) => {
    const res = await f().admin.get(`/v1/reports/aging?asOf=${asOf}&groupBy=client`);
    expect(res.status).toBe(200);
    return res.body.rows.find((r: { key: string }) => r.key === clientId);
  };

  it.each([
    // Before anything is due: all current.
    ['2026-01-15', { current: 1000, d1_30: 0, d31_60: 0, d61_90: 0, d91_plus: 0, total: 1000 }],
    // A is 20 days late with 600 left after the 400 payment; B is not yet due.
    ['2026-02-20', { current: 2000, d1_30: 600, d31_60: 0, d61_90: 0, d91_plus: 0, total: 2600 }],
    // A 75 days late, B 44 days late (paid only on 04-20), C 2 days late.
    ['2026-04-16', { current: 0, d1_30: 500, d31_60: 2000, d61_90: 600, d91_plus: 0, total: 3100 }],
  ])('as of %s matches the hand-computed buckets', async (asOf, expected) => {
    expect(await row(asOf)).toEqual({ key: clientId, currency: 'EUR', ...expected });
  });

  it('counts the payment received on 04-20 and today’s credit note only from their dates on', async () => {
    expect(await row('2026-04-20')).toMatchObject({ d31_60: 0, total: 1100 });
  });

  it('groups by manager and limits an account manager to their own clients', async () => {
    const own = await managerApi.get('/v1/reports/aging?asOf=2026-02-20&groupBy=manager');
    expect(own.body.rows).toHaveLength(1);
    expect(own.body.rows[0]).toMatchObject({ currency: 'EUR', d1_30: 600, total: 2600 });
  });

  it('answers CSV when asked', async () => {
    const res = await managerApi.get('/v1/reports/aging?asOf=2026-02-20&groupBy=client', { accept: 'text/csv' });
    expect(res.contentType).toContain('text/csv');
    expect(res.body).toBe(`key,currency,current,d1_30,d31_60,d61_90,d91_plus,total\n${clientId},EUR,2000,600,0,0,0,2600\n`);
  });

  it('computes DSO for a period', async () => {
    const res = await managerApi.get('/v1/reports/dso?from=2026-01-01&to=2026-01-31');
    // 1000 receivable at the end of January over 1000 of January sales, times 31 days.
    expect(res.body).toEqual({ from: '2026-01-01', to: '2026-01-31', days: 31, rows: [{ currency: 'EUR', receivables: 1000, sales: 1000, dso: 31 }] });
  });

  it('rejects bad report parameters with 400', async () => {
    expectProblem(await f().admin.get('/v1/reports/aging?groupBy=region'), 400);
    expectProblem(await f().admin.get('/v1/reports/aging?asOf=2026-02-31'), 400);
    expectProblem(await f().admin.get('/v1/reports/dso?from=2026-02-01&to=2026-01-01'), 400);
    expectProblem(await f().admin.get('/v1/reports/dso'), 400);
  });
});
