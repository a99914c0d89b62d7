import { CollectionsDriver, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor } from '@ar/testing';

// The monthly collection plan: what each manager expects to collect from due dates (shifted by each client's
// typical delay), promises and instalments, next to what came in; and the invoice's predicted payment date.
describe('workflow: monthly collection plan', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const x: Record<string, any> = {};
  const f = () => system.invoicingFactory;
  const cf = () => system.contractsFactory;

  beforeAll(async () => {
    env = await isolatedEnvironment('workflow_collection_plan');
    system = await startSystem({ collections: true });
    system.setToday('2026-04-10');
    x.manager = await cf().newUser('account_manager');
    x.deputy = await cf().newUser('account_manager');
    x.away = await cf().newUser('account_manager', { deputyId: x.deputy.id, absentUntil: '2026-04-30' });
    const account = async (managerId: string) => {
      const client = await cf().newClient(managerId);
      return { client, contract: await cf().activeContract(client.id, { paymentTermDays: 30 }) };
    };
    // Paid its last invoice 20 days late: its new one, due 15 April, is predicted for 5 May.
    x.history = await account(x.manager.id);
    const old = await f().newInvoice(x.history.contract.id, 10_000, { issueDate: '2026-01-01' });
    expect((await f().pay({ clientId: x.history.client.id, amount: 10_000, invoiceId: old.id, receivedOn: '2026-02-20' })).status).toBe(201);
    x.historyInvoice = await f().newInvoice(x.history.contract.id, 100_000, { issueDate: '2026-03-16' });
    // No history: due 20 April, expected then; 20,000 of it arrived on 8 April.
    x.prompt = await account(x.manager.id);
    x.promptInvoice = await f().newInvoice(x.prompt.contract.id, 50_000, { issueDate: '2026-03-21' });
    expect((await f().pay({ clientId: x.prompt.client.id, amount: 20_000, receivedOn: '2026-04-08' })).status).toBe(201);
    // Overdue since February; promised 30,000 for 25 April.
    x.promised = await account(x.manager.id);
    await f().newInvoice(x.promised.contract.id, 70_000, { issueDate: '2026-01-29' });
    // Overdue since February; an instalment plan of 40,000 on 20 April and 20 May; 10,000 paid on 5 April.
    x.planned = await account(x.manager.id);
    x.plannedInvoice = await f().newInvoice(x.planned.contract.id, 80_000, { issueDate: '2026-01-29' });
    // The absent manager's client, due 20 April.
    x.covered = await account(x.away.id);
    await f().newInvoice(x.covered.contract.id, 25_000, { issueDate: '2026-03-21' });

    await new CollectionsDriver(system.collections!.api.as(tokenFor('finance'))).sweep('2026-04-10');
    const collections = system.collections!.api.as(x.manager.token);
    const task = (await collections.get(`/v1/tasks?clientId=${x.promised.client.id}&status=open`)).body.data[0];
    expect((await collections.post(`/v1/tasks/${task.id}/complete`, { outcome: 'promise_to_pay', promisedDate: '2026-04-25', promisedAmount: 30_000 })).status).toBe(200);
    const plan = await collections.post(`/v1/clients/${x.planned.client.id}/instalment-plans`, {
      invoiceIds: [x.plannedInvoice.id], instalments: [{ dueOn: '2026-04-20', amount: 40_000 }, { dueOn: '2026-05-20', amount: 40_000 }],
    });
    expect(plan.status).toBe(201);
    expect((await f().pay({ clientId: x.planned.client.id, amount: 10_000, receivedOn: '2026-04-10' })).status).toBe(201);
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  it('shows each open invoice’s predicted payment date: due date plus the client’s typical delay', async () => {
    expect((await f().invoice(x.historyInvoice.id)).predictedPaymentDate).toBe('2026-05-05');
    expect((await f().invoice(x.promptInvoice.id)).predictedPaymentDate).toBe('2026-04-20');
    // Overdue with no history: expected from today on.
    expect((await f().invoice(x.plannedInvoice.id)).predictedPaymentDate).toBe('2026-04-10');
  });

  it('plans April per client: due dates, the promise instead of its overdue invoice, the instalment left, and what came in', async () => {
    const res = await f().invoicing.as(x.manager.token).get('/v1/reports/collection-plan?month=2026-04&groupBy=client');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ month: '2026-04', from: '2026-04-01', to: '2026-04-30', plannedAsOf: '2026-03-31', groupBy: 'client' });
    const by = Object.fromEntries(res.body.rows.map((r: any) => [r.key, r]));
    expect(by[x.prompt.client.id]).toMatchObject({ currency: 'EUR', fromInvoices: 50_000, collected: 20_000, expected: 50_000, gap: 30_000 });
    expect(by[x.promised.client.id]).toMatchObject({ fromInvoices: 0, fromPromises: 30_000, expected: 30_000 });
    expect(by[x.planned.client.id]).toMatchObject({ fromInvoices: 0, fromInstalments: 30_000, collected: 10_000, gap: 20_000 });
    expect(by[x.history.client.id]).toBeUndefined();
    expect(by[x.covered.client.id]).toBeUndefined();
  });

  it('plans per manager; the next month; a deputy’s plan includes the absent manager’s clients', async () => {
    const april = (await f().invoicing.as(x.manager.token).get('/v1/reports/collection-plan?month=2026-04')).body;
    expect(april.rows).toEqual([{ key: x.manager.id, currency: 'EUR', expected: 110_000, fromInvoices: 50_000, fromPromises: 30_000, fromInstalments: 30_000, collected: 30_000, gap: 80_000 }]);
    const may = (await f().invoicing.as(x.manager.token).get('/v1/reports/collection-plan?month=2026-05&groupBy=client')).body;
    expect(may.plannedAsOf).toBe('2026-04-10');
    const byClient = Object.fromEntries(may.rows.map((r: any) => [r.key, r]));
    expect(byClient[x.history.client.id]).toMatchObject({ fromInvoices: 100_000 });
    expect(byClient[x.planned.client.id]).toMatchObject({ fromInstalments: 40_000 });
    expect(byClient[x.prompt.client.id]).toBeUndefined();

    const deputy = (await f().invoicing.as(x.deputy.token).get('/v1/reports/collection-plan?month=2026-04')).body;
    expect(deputy.rows).toEqual([expect.objectContaining({ key: x.away.id, expected: 25_000, fromInvoices: 25_000 })]);
    const all = (await f().admin.get('/v1/reports/collection-plan?month=2026-04')).body.rows.map((r: any) => r.key).sort();
    expect(all).toEqual([x.manager.id, x.away.id].sort());
  });

  it('refuses a malformed month', async () => {
    expectProblem(await f().admin.get('/v1/reports/collection-plan?month=2026-13'), 400);
    expectProblem(await f().admin.get('/v1/reports/collection-plan'), 400);
    expectProblem(await f().admin.get('/v1/reports/collection-plan?month=2026-04&groupBy=team'), 400);
  });
});
