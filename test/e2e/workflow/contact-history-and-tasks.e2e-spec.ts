import { CollectionsDriver, eventually, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor } from '@ar/testing';

// The manager's day, part 1: the contact history (recorded by hand and by the system), follow-ups, manual tasks
// and tasks reassigned by head of sales, as a manager, a deputy, head of sales and an outsider use them.
describe('workflow: contact history, follow-ups and reassigned tasks', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const u: Record<string, any> = {};
  const c: Record<string, any> = {};
  const api = () => system.collections!.api;
  const as = (user: { token: string }) => api().as(user.token);
  const admin = () => api().as(tokenFor('admin'));

  beforeAll(async () => {
    env = await isolatedEnvironment('workflow_history');
    system = await startSystem({ collections: true });
    system.setToday('2026-03-01');
    const cf = system.contractsFactory;
    u.deputy = await cf.newUser('account_manager');
    u.manager = await cf.newUser('account_manager');
    u.outsider = await cf.newUser('account_manager');
    u.away = await cf.newUser('account_manager', { deputyId: u.deputy.id, absentUntil: '2026-03-10' });
    u.head = await cf.newUser('head_of_sales');
    for (const [name, manager] of [['own', u.manager], ['covered', u.away]] as const) {
      const client = await cf.newClient(manager.id);
      const contract = await cf.activeContract(client.id, { paymentTermDays: 30 });
      c[name] = { client, invoice: await system.invoicingFactory.newInvoice(contract.id, 80_000, { issueDate: '2026-01-01' }) };
    }
    expect((await new CollectionsDriver(api().as(tokenFor('finance'))).sweep('2026-03-01')).status).toBe('completed');
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  const history = async (user: { token: string }, clientId: string) => {
    const res = await as(user).get(`/v1/clients/${clientId}/activities`);
    expect(res.status).toBe(200);
    return res.body.data as any[];
  };

  it('a manager records a call with a follow-up date: the history has it and a follow-up task is due that day', async () => {
    const res = await as(u.manager).post(`/v1/clients/${c.own.client.id}/activities`, {
      kind: 'call', outcome: 'reached the CFO', note: 'Invoice approved, payment run on Friday', occurredAt: '2026-02-27T10:00:00Z', followUpOn: '2026-03-06',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clientId: c.own.client.id, kind: 'call', outcome: 'reached the CFO', authorId: u.manager.id, occurredAt: '2026-02-27T10:00:00.000Z', followUpOn: '2026-03-06' });
    const task = (await as(u.manager).get(`/v1/tasks/${res.body.followUpTaskId}`)).body;
    expect(task).toMatchObject({ type: 'follow_up', clientId: c.own.client.id, assigneeId: u.manager.id, dueOn: '2026-03-06', status: 'open', assignmentPinned: true, createdBy: u.manager.id });

    const note = await as(u.manager).post(`/v1/clients/${c.own.client.id}/activities`, { kind: 'note', note: 'Sent the copy invoice again' });
    expect(note.status).toBe(201);
    expect(note.body.followUpTaskId).toBeNull();
    const entries = await history(u.manager, c.own.client.id);
    expect(entries.map((a) => a.id).slice(0, 2)).toEqual([note.body.id, res.body.id]);
  });

  it('pages the history newest first with a cursor', async () => {
    for (let i = 0; i < 3; i++) {
      await as(u.manager).post(`/v1/clients/${c.own.client.id}/activities`, { kind: 'email', note: `mail ${i}`, occurredAt: `2026-02-0${i + 1}T08:00:00Z` });
    }
    const first = await as(u.manager).get(`/v1/clients/${c.own.client.id}/activities?limit=2`);
    const all = await history(u.manager, c.own.client.id);
    const seen = [...first.body.data];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await as(u.manager).get(`/v1/clients/${c.own.client.id}/activities?limit=2&cursor=${cursor}`);
      seen.push(...next.body.data);
      cursor = next.body.nextCursor;
    }
    expect(seen.map((a) => a.id)).toEqual(all.map((a) => a.id));
    const times = all.map((a) => a.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.at(-1).note).toBe('mail 0');
  });

  it('refuses bad input with a problem and writes nothing; another manager gets 404', async () => {
    const before = (await history(u.manager, c.own.client.id)).length;
    const url = `/v1/clients/${c.own.client.id}/activities`;
    expectProblem(await as(u.manager).post(url, { kind: 'task_completed', note: 'x' }), 400);
    expectProblem(await as(u.manager).post(url, { kind: 'call' }), 400);
    expectProblem(await as(u.manager).post(url, { kind: 'call', note: 'x', mood: 'fine' }), 400);
    expectProblem(await as(u.manager).post(url, { kind: 'call', note: 'x', occurredAt: 'yesterday' }), 400);
    expectProblem(await as(u.manager).post(url, { kind: 'call', note: 'x', occurredAt: '2026-03-05T10:00:00Z' }), 400);
    expectProblem(await as(u.manager).post(url, { kind: 'call', note: 'x', followUpOn: '2026-02-01' }), 400);
    expectProblem(await as(u.manager).post(url, { kind: 'call', note: 'x', followUpOn: '2028-01-01' }), 422);
    expectProblem(await as(u.outsider).post(url, { kind: 'call', note: 'x' }), 404);
    expectProblem(await as(u.outsider).get(url), 404);
    expectProblem(await as(u.manager).get(`/v1/clients/${c.covered.client.id}/activities`), 404);
    expect((await history(u.manager, c.own.client.id)).length).toBe(before);
    const followUps = (await admin().get(`/v1/tasks?clientId=${c.own.client.id}&status=open`)).body.data.filter((t: any) => t.type === 'follow_up');
    expect(followUps).toHaveLength(1);
  });

  it('a deputy reads and writes the absent manager’s client history; the absent author’s follow-up goes to the deputy', async () => {
    const byManager = await as(u.away).post(`/v1/clients/${c.covered.client.id}/activities`, { kind: 'meeting', note: 'Agreed to pay half now', followUpOn: '2026-03-04' });
    expect(byManager.status).toBe(201);
    // The author is away until 10 March, so the follow-up of 4 March is the deputy's.
    expect((await admin().get(`/v1/tasks/${byManager.body.followUpTaskId}`)).body.assigneeId).toBe(u.deputy.id);
    const byDeputy = await as(u.deputy).post(`/v1/clients/${c.covered.client.id}/activities`, { kind: 'call', note: 'Covering: called about the other half' });
    expect(byDeputy.status).toBe(201);
    const seen = await history(u.deputy, c.covered.client.id);
    expect(seen.map((a) => a.id)).toEqual(expect.arrayContaining([byManager.body.id, byDeputy.body.id]));
    // A follow-up planned after the absence stays with its author.
    const later = await as(u.away).post(`/v1/clients/${c.covered.client.id}/activities`, { kind: 'note', note: 'Check the second half', followUpOn: '2026-03-20' });
    expect((await admin().get(`/v1/tasks/${later.body.followUpTaskId}`)).body.assigneeId).toBe(u.away.id);
  });

  it('completing a task with a promise writes both into the history', async () => {
    const task = (await as(u.manager).get(`/v1/tasks?clientId=${c.own.client.id}&status=open`)).body.data.find((t: any) => t.type === 'reminder');
    const done = await as(u.manager).post(`/v1/tasks/${task.id}/complete`, { outcome: 'promise_to_pay', promisedDate: '2026-03-13', promisedAmount: 80_000, note: 'Pays on the 13th' });
    expect(done.status).toBe(200);
    const entries = await history(u.manager, c.own.client.id);
    expect(entries.find((a) => a.kind === 'task_completed')).toMatchObject({ subjectId: task.id, outcome: 'promise_to_pay', note: 'Pays on the 13th', authorId: u.manager.id });
    expect(entries.find((a) => a.kind === 'promise')).toMatchObject({ note: 'Promised 800.00 EUR by 2026-03-13', authorId: u.manager.id });
  });

  it('a manual follow-up for an own client; 404 for someone else’s; a past date is refused', async () => {
    const res = await as(u.manager).post('/v1/tasks', { clientId: c.own.client.id, type: 'follow_up', dueOn: '2026-03-03', note: 'Ask for the remittance advice' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'follow_up', assigneeId: u.manager.id, dueOn: '2026-03-03', note: 'Ask for the remittance advice', currency: null, amountOverdue: 0 });
    expect((await as(u.manager).get('/v1/tasks')).body.data.map((t: any) => t.id)).toContain(res.body.id);
    expectProblem(await as(u.outsider).post('/v1/tasks', { clientId: c.own.client.id, type: 'follow_up', dueOn: '2026-03-03', note: 'x' }), 404);
    expectProblem(await as(u.manager).post('/v1/tasks', { clientId: c.own.client.id, type: 'reminder', dueOn: '2026-03-03', note: 'x' }), 400);
    expectProblem(await as(u.manager).post('/v1/tasks', { clientId: c.own.client.id, type: 'follow_up', dueOn: '2026-02-03', note: 'x' }), 400);
  });

  it('head of sales reassigns a task, audited; the sweep leaves it there; managers may not; the assignee must see the client', async () => {
    const task = (await admin().get(`/v1/tasks?clientId=${c.covered.client.id}&status=open`)).body.data.find((t: any) => t.type === 'reminder');
    expect(task.assigneeId).toBe(u.deputy.id);
    const body = { assigneeId: u.head.id, reason: 'Key account: the head of sales calls' };
    expectProblem(await as(u.deputy).post(`/v1/tasks/${task.id}/reassign`, body), 403);
    expectProblem(await as(u.head).post(`/v1/tasks/${task.id}/reassign`, { assigneeId: u.outsider.id, reason: 'try' }), 422);
    expectProblem(await as(u.head).post(`/v1/tasks/${task.id}/reassign`, { assigneeId: u.head.id }), 400);
    expectProblem(await as(u.head).post(`/v1/tasks/00000000-0000-4000-8000-000000000000/reassign`, body), 404);

    const moved = await as(u.head).post(`/v1/tasks/${task.id}/reassign`, body);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ assigneeId: u.head.id, assignmentPinned: true });
    expectProblem(await as(u.head).post(`/v1/tasks/${task.id}/reassign`, body), 409);
    const audit = (await as(u.head).get(`/v1/tasks/${task.id}/reassignments`)).body.data;
    expect(audit).toEqual([expect.objectContaining({ taskId: task.id, fromAssigneeId: u.deputy.id, toAssigneeId: u.head.id, reason: body.reason, reassignedBy: u.head.id })]);
    expect((await history(u.deputy, c.covered.client.id)).find((a) => a.kind === 'task_reassigned')).toMatchObject({ authorId: u.head.id });
    expectProblem(await as(u.outsider).get(`/v1/tasks/${task.id}/reassignments`), 404);

    // Back from the absence, the sweep hands the client's other tasks to the manager, not the pinned one.
    system.setToday('2026-03-11');
    await new CollectionsDriver(api().as(tokenFor('finance'))).sweep('2026-03-11');
    expect((await admin().get(`/v1/tasks/${task.id}`)).body.assigneeId).toBe(u.head.id);
    system.setToday('2026-03-01');
  });

  it('a dispute raised and resolved in invoicing is in the history', async () => {
    const invoicing = system.invoicingFactory.invoicing.as(u.manager.token);
    expect((await invoicing.post(`/v1/invoices/${c.own.invoice.id}/dispute`, { reason: 'Quantity wrong' })).status).toBe(200);
    expect((await invoicing.post(`/v1/invoices/${c.own.invoice.id}/resolve-dispute`, {})).status).toBe(200);
    const entries = await eventually(
      () => history(u.manager, c.own.client.id),
      (list) => list.some((a) => a.kind === 'dispute') && list.some((a) => a.kind === 'dispute_resolved'),
    );
    expect(entries.find((a) => a.kind === 'dispute').note).toBe(`Invoice ${c.own.invoice.number} disputed`);
    expect(entries.filter((a) => a.kind === 'dispute')).toHaveLength(1);
  });
});
