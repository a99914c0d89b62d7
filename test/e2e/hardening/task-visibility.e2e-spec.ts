import { CollectionsDriver, eventually, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor } from '@ar/testing';

// Finding 2 of the hardening review: a task stayed readable and actionable by its former assignee after the
// client changed hands or a deputy period ended, and completing it as a dispute disputed the other
// manager's invoice.
describe('hardening: a task is visible and actionable only while its client is', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const ids: Record<string, any> = {};
  const collections = () => system.collections!.api;
  const as = (user: { token: string }) => collections().as(user.token);
  const taskOf = async (clientId: string) => (await collections().as(tokenFor('admin')).get(`/v1/tasks?clientId=${clientId}`)).body.data[0];

  beforeAll(async () => {
    env = await isolatedEnvironment('task_visibility');
    system = await startSystem({ collections: true });
    system.setToday('2026-03-01');
    const cf = system.contractsFactory;
    ids.deputy = await cf.newUser('account_manager');
    ids.first = await cf.newUser('account_manager');
    ids.second = await cf.newUser('account_manager');
    ids.away = await cf.newUser('account_manager', { deputyId: ids.deputy.id, absentUntil: '2026-03-10' });
    for (const [name, manager] of [
      ['moved', ids.first],
      ['covered', ids.away],
    ] as const) {
      const client = await cf.newClient(manager.id);
      const contract = await cf.activeContract(client.id, { paymentTermDays: 30 });
      ids[name] = { client, invoice: await system.invoicingFactory.newInvoice(contract.id, 50_000, { issueDate: '2026-01-01' }) };
    }
    const sweep = await new CollectionsDriver(collections().as(tokenFor('finance'))).sweep('2026-03-01');
    expect(sweep.status).toBe('completed');
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  it('a manager who loses a client loses its open tasks; they follow the client to the new manager', async () => {
    const task = await taskOf(ids.moved.client.id);
    expect(task).toMatchObject({ assigneeId: ids.first.id, status: 'open' });
    expect((await as(ids.first).get(`/v1/tasks/${task.id}`)).status).toBe(200);

    const moved = await system.contractsFactory.admin.patch(`/v1/clients/${ids.moved.client.id}`, { accountManagerId: ids.second.id });
    expect(moved.status).toBe(200);
    await eventually(async () => (await taskOf(ids.moved.client.id)).assigneeId, (assignee) => assignee === ids.second.id);

    expectProblem(await as(ids.first).get(`/v1/tasks/${task.id}`), 404);
    expectProblem(await as(ids.first).post(`/v1/tasks/${task.id}/snooze`, { until: '2026-03-05' }), 404);
    expectProblem(await as(ids.first).post(`/v1/tasks/${task.id}/complete`, { outcome: 'dispute', note: 'not mine any more' }), 404);
    expect((await as(ids.first).get('/v1/tasks')).body.data).toEqual([]);
    expect(await taskOf(ids.moved.client.id)).toMatchObject({ status: 'open' });
    expect((await system.invoicingFactory.admin.get(`/v1/invoices/${ids.moved.invoice.id}`)).body.disputed).toBe(false);

    const mine = (await as(ids.second).get('/v1/tasks')).body.data;
    expect(mine.map((t: { id: string }) => t.id)).toEqual([task.id]);
  });

  it('a deputy keeps an absent manager’s tasks only while the absence lasts', async () => {
    const task = await taskOf(ids.covered.client.id);
    expect(task).toMatchObject({ assigneeId: ids.deputy.id });
    expect((await as(ids.deputy).get(`/v1/tasks/${task.id}`)).status).toBe(200);

    system.setToday('2026-03-11');
    expectProblem(await as(ids.deputy).get(`/v1/tasks/${task.id}`), 404);
    expectProblem(await as(ids.deputy).post(`/v1/tasks/${task.id}/complete`, { outcome: 'dispute' }), 404);
    expect((await as(ids.deputy).get('/v1/tasks')).body.data).toEqual([]);
    expect((await as(ids.away).get(`/v1/tasks/${task.id}`)).status).toBe(200);

    // The next sweep hands the client's open tasks (the reminder and any new level's) back to the manager.
    await new CollectionsDriver(collections().as(tokenFor('finance'))).sweep('2026-03-11');
    const open = (await collections().as(tokenFor('admin')).get(`/v1/tasks?clientId=${ids.covered.client.id}&status=open`)).body.data;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((t: { assigneeId: string }) => t.assigneeId === ids.away.id)).toBe(true);
  });
});
