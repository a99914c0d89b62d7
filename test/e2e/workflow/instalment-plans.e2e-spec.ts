import { CollectionsDriver, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor } from '@ar/testing';

// Instalment plans: sums must equal what the invoices owe, dunning of those invoices is held while the plan is kept,
// payments fill the instalments in order, a missed instalment breaks the plan (broken_plan task, dunning resumes),
// paying everything completes it.
describe('workflow: instalment plans', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const c: Record<string, any> = {};
  const api = () => system.collections!.api;
  const sweep = async (asOf: string) => {
    system.setToday(asOf);
    expect((await new CollectionsDriver(api().as(tokenFor('finance'))).sweep(asOf)).status).toBe('completed');
  };
  const level = async (invoice: { id: string }) => (await system.invoicingFactory.invoice(invoice.id)).dunningLevel;
  const pay = async (clientId: string, amount: number, receivedOn: string) => {
    system.setToday(receivedOn);
    expect((await system.invoicingFactory.pay({ clientId, amount, receivedOn })).status).toBe(201);
  };

  beforeAll(async () => {
    env = await isolatedEnvironment('workflow_plans');
    system = await startSystem({ collections: true });
    system.setToday('2026-03-01');
    for (const name of ['kept', 'done', 'other']) {
      const account = await system.invoicingFactory.newAccount();
      const a = await system.invoicingFactory.newInvoice(account.contract.id, 60_000, { issueDate: '2026-01-01' });
      const b = await system.invoicingFactory.newInvoice(account.contract.id, 40_000, { issueDate: '2026-01-01' });
      c[name] = { ...account, a, b, as: api().as(account.manager.token) };
    }
    await sweep('2026-03-01');
    expect(await level(c.kept.a)).toBe(2);
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  const instalments = [
    { dueOn: '2026-03-15', amount: 30_000 },
    { dueOn: '2026-04-15', amount: 30_000 },
    { dueOn: '2026-05-15', amount: 40_000 },
  ];

  it('refuses plans that do not add up, reach into the past, mix clients or are someone else’s', async () => {
    const url = `/v1/clients/${c.kept.client.id}/instalment-plans`;
    const invoiceIds = [c.kept.a.id, c.kept.b.id];
    expectProblem(await c.kept.as.post(url, { invoiceIds, instalments: [{ dueOn: '2026-03-15', amount: 99_999 }] }), 422);
    expectProblem(await c.kept.as.post(url, { invoiceIds, instalments: [{ dueOn: '2026-02-15', amount: 100_000 }] }), 422);
    expectProblem(await c.kept.as.post(url, { invoiceIds, instalments: [{ dueOn: '2026-04-15', amount: 50_000 }, { dueOn: '2026-03-15', amount: 50_000 }] }), 422);
    expectProblem(await c.kept.as.post(url, { invoiceIds: [c.kept.a.id, c.other.a.id], instalments: [{ dueOn: '2026-03-15', amount: 120_000 }] }), 422);
    expectProblem(await c.kept.as.post(url, { invoiceIds, instalments: [] }), 400);
    expectProblem(await c.kept.as.post(url, { invoiceIds, instalments: [{ dueOn: '2026-03-15', amount: -1 }] }), 400);
    expectProblem(await c.other.as.post(url, { invoiceIds, instalments }), 404);
    expect((await c.kept.as.get(url)).body.data).toEqual([]);
  });

  it('holds dunning while the plan is kept and counts payments towards the instalments in order', async () => {
    const created = await c.kept.as.post(`/v1/clients/${c.kept.client.id}/instalment-plans`, { invoiceIds: [c.kept.a.id, c.kept.b.id], instalments });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'active', total: 100_000, paid: 0, outstanding: 100_000, currency: 'EUR', agreedOn: '2026-03-01', createdBy: c.kept.manager.id });
    expect(created.body.instalments.map((i: any) => i.state)).toEqual(['due', 'due', 'due']);
    c.plan = created.body;
    const other = await c.other.as.post(`/v1/clients/${c.other.client.id}/instalment-plans`, { invoiceIds: [c.other.a.id], instalments: [{ dueOn: '2026-06-01', amount: 60_000 }] });
    expect(other.status).toBe(201);
    c.otherPlan = other.body;
    expectProblem(await c.kept.as.post(`/v1/clients/${c.kept.client.id}/instalment-plans`, { invoiceIds: [c.kept.a.id], instalments: [{ dueOn: '2026-04-01', amount: 60_000 }] }), 409);

    await pay(c.kept.client.id, 45_000, '2026-03-10');
    const progress = (await c.kept.as.get(`/v1/instalment-plans/${c.plan.id}`)).body;
    expect(progress).toMatchObject({ paid: 45_000, outstanding: 55_000 });
    expect(progress.instalments.map((i: any) => [i.paid, i.state])).toEqual([[30_000, 'paid'], [15_000, 'partly_paid'], [0, 'due']]);

    await sweep('2026-03-20');
    // 48 days overdue would be level 3; the plan holds the invoices where they stood.
    expect(await level(c.kept.a)).toBe(2);
    expect((await c.kept.as.get(`/v1/instalment-plans/${c.plan.id}`)).body.status).toBe('active');
    expectProblem(await c.other.as.get(`/v1/instalment-plans/${c.plan.id}`), 404);
  });

  it('breaks on a missed instalment: a broken_plan task, and dunning resumes from where it stood', async () => {
    await sweep('2026-04-16');
    const plan = (await c.kept.as.get(`/v1/instalment-plans/${c.plan.id}`)).body;
    expect(plan).toMatchObject({ status: 'broken', resolvedOn: '2026-04-16', outstanding: 55_000 });
    expect(plan.statusReason).toContain('2026-04-15');
    const tasks = (await c.kept.as.get(`/v1/tasks?clientId=${c.kept.client.id}&status=open`)).body.data;
    expect(tasks.find((t: any) => t.type === 'broken_plan')).toMatchObject({ assigneeId: c.kept.manager.id, amountOverdue: 55_000, invoiceIds: plan.invoiceIds });
    await sweep('2026-04-17');
    expect(await level(c.kept.b)).toBe(4);
    const history = (await c.kept.as.get(`/v1/clients/${c.kept.client.id}/activities`)).body.data.map((a: any) => [a.kind, a.outcome]);
    expect(history).toEqual(expect.arrayContaining([['instalment_plan', 'agreed'], ['instalment_plan_ended', 'broken']]));
  });

  it('completes when everything is paid, and a cancelled plan lets dunning resume', async () => {
    system.setToday('2026-04-17');
    const done = await c.done.as.post(`/v1/clients/${c.done.client.id}/instalment-plans`, { invoiceIds: [c.done.a.id, c.done.b.id], instalments: [{ dueOn: '2026-05-01', amount: 50_000 }, { dueOn: '2026-06-01', amount: 50_000 }] });
    expect(done.status).toBe(201);
    const other = { body: c.otherPlan };
    // Held by its plan, the other client's invoice stayed where it stood, while its sister invoice went on.
    expect(await level(c.other.a)).toBe(2);
    expect(await level(c.other.b)).toBe(4);
    await pay(c.done.client.id, 100_000, '2026-04-20');
    const cancelled = await c.other.as.post(`/v1/instalment-plans/${other.body.id}/cancel`, { reason: 'Client pays at once after all' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusReason: 'Client pays at once after all' });
    expectProblem(await c.other.as.post(`/v1/instalment-plans/${other.body.id}/cancel`, { reason: 'again' }), 409);
    await sweep('2026-04-21');
    expect((await c.done.as.get(`/v1/instalment-plans/${done.body.id}`)).body).toMatchObject({ status: 'completed', paid: 100_000, outstanding: 0 });
    expect(await level(c.other.a)).toBe(4);
    expect((await c.done.as.get(`/v1/clients/${c.done.client.id}/instalment-plans?status=completed`)).body.data.map((p: any) => p.id)).toEqual([done.body.id]);
  });
});
