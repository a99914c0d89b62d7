import { countRows, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, sendSigned, startSystem, tokenFor, withDatabase } from '@ar/testing';

// Finding 4 of the hardening review: a sweep as of 9999-12-31 escalated and blocked everything and made
// every later sweep answer 409 forever; payments and promises took any date and amount.
describe('hardening: no sweep, payment or promise dated beyond what today allows', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const collections = () => system.collections!.api;
  const finance = () => collections().as(tokenFor('finance'));

  beforeAll(async () => {
    env = await isolatedEnvironment('future_dates');
    system = await startSystem({ collections: true });
    system.setToday('2026-06-10');
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  it('refuses a sweep after today in the business time zone with 422, and today’s sweep still runs', async () => {
    for (const asOf of ['9999-12-31', '2026-06-11']) {
      expectProblem(await finance().post('/v1/sweeps', { asOf }), 422);
    }
    expect(await countRows('collections.sweeps')).toBe(0);
    const today = await finance().post('/v1/sweeps', { asOf: '2026-06-10' });
    expect(today.status).toBe(202);
    const byDefault = await finance().post('/v1/sweeps', {});
    expect(byDefault.body.asOf).toBe('2026-06-10');
  });

  it('refuses a payment received after today, by hand or by signed webhook, and records nothing', async () => {
    const f = system.invoicingFactory;
    const { client, contract } = await f.newAccount();
    await f.newInvoice(contract.id, 5_000);
    expectProblem(await f.pay({ clientId: client.id, amount: 5_000, receivedOn: '2026-06-11' }), 422);
    const integration = await f.newIntegration();
    const res = await sendSigned(f.invoicing, integration.id, integration.secret, {
      type: 'payment.received',
      data: { externalId: 'future-1', clientId: client.id, amount: 5_000, currency: 'EUR', receivedOn: '2099-01-01' },
    });
    expectProblem(res, 422);
    expect(await countRows('invoicing.payments', 'client_id = $1', [client.id])).toBe(0);
    expect((await f.pay({ clientId: client.id, amount: 5_000, receivedOn: '2026-06-10' })).status).toBe(201);
  });

  it('refuses a promise beyond a year or above what is overdue, and the task stays open', async () => {
    const f = system.invoicingFactory;
    const { client, contract, manager } = await f.newAccount({ paymentTermDays: 10 });
    const invoice = await f.newInvoice(contract.id, 70_000, { issueDate: '2026-05-01' });
    const taskId = await withDatabase(async (db) => {
      const id = '01900000-0000-7000-8000-' + client.id.slice(-12);
      await db.query(
        `INSERT INTO collections.tasks (id, client_id, assignee_id, type, dunning_level, invoice_ids, amount_overdue, currency, priority, due_on, status)
         VALUES ($1, $2, $3, 'reminder', 1, ARRAY[$4]::uuid[], 70000, 'EUR', 10, '2026-06-10', 'open')`,
        [id, client.id, manager.id, invoice.id],
      );
      return id;
    });
    const api = collections().as(manager.token);
    const promise = (promisedDate: string, promisedAmount: number) => api.post(`/v1/tasks/${taskId}/complete`, { outcome: 'promise_to_pay', promisedDate, promisedAmount });
    expectProblem(await promise('2027-06-11', 70_000), 422);
    expectProblem(await promise('2026-07-01', 70_001), 422);
    expect((await api.get(`/v1/tasks/${taskId}`)).body.status).toBe('open');
    expect(await countRows('collections.promises', 'client_id = $1', [client.id])).toBe(0);
    expect((await promise('2027-06-10', 70_000)).status).toBe(200);
  });
});
