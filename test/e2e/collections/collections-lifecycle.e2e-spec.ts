import {
  CollectionsDriver,
  eventually,
  expectProblem,
  IsolatedEnvironment,
  isolatedEnvironment,
  RunningSystem,
  startSystem,
  tokenFor,
  withDatabase,
} from '@ar/testing';

/**
 * One chronological story with explicit asOf dates (sweeps only move forward): invoices fall overdue,
 * rise through the dunning levels, tasks appear once, payments cancel them, a promise holds then
 * breaks, a dispute stops escalation, a level-4 client is blocked and unblocked after paying.
 * Dates lie in 2027 so that promises made "today" are not in the past.
 */
describe('collections: sweeps, dunning, tasks, promises and blocking', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  let driver: CollectionsDriver;
  const ids: Record<string, any> = {};

  const inv = () => system.invoicingFactory;
  const collections = () => system.collections!.api;
  const admin = () => collections().as(tokenFor('admin'));
  const tasksOf = async (api: ReturnType<typeof collections>, clientId: string) => (await api.get(`/v1/tasks?clientId=${clientId}&limit=500`)).body.data;
  const invoiceAsOf = async (id: string, asOf: string) => (await inv().admin.get(`/v1/invoices/${id}?asOf=${asOf}`)).body;
  // The story's "today" moves with its sweeps: no sweep or payment may be dated after today.
  const sweepOn = (asOf: string) => {
    system.setToday(asOf);
    return driver.sweep(asOf);
  };
  const clientStatus = async (id: string) => (await system.contractsFactory.admin.get(`/v1/clients/${id}`)).body.status;

  beforeAll(async () => {
    env = await isolatedEnvironment('lifecycle');
    system = await startSystem({ collections: true });
    driver = new CollectionsDriver(collections().as(tokenFor('finance')));
    const cf = system.contractsFactory;
    ids.head = await cf.newUser('head_of_sales');
    ids.deputy = await cf.newUser('account_manager');
    ids.manager = await cf.newUser('account_manager', { deputyId: ids.deputy.id });
    ids.absent = await cf.newUser('account_manager', { deputyId: ids.deputy.id, absentUntil: '2999-12-31' });
    ids.other = await cf.newUser('account_manager');
    const account = async (managerId: string, contract: Record<string, unknown> = {}) => {
      const client = await cf.newClient(managerId, { creditLimit: { amount: 10_000_000, currency: 'EUR' } });
      return { client, contract: await cf.activeContract(client.id, { paymentTermDays: 30, startsOn: '2026-01-01', ...contract }) };
    };
    for (const [name, manager, contract] of [
      ['paid', ids.manager, { lateInterest: { rule: 'de_b2b' } }],
      ['disputed', ids.manager, {}],
      ['promised', ids.manager, {}],
      ['legal', ids.manager, {}],
      ['deputised', ids.absent, {}],
    ] as const) {
      ids[name] = await account(manager.id, contract);
    }
    const issue = (name: string, total: number) => inv().newInvoice(ids[name].contract.id, total, { issueDate: '2027-01-01' });
    ids.paidInvoice = await issue('paid', 100_000);
    ids.disputedInvoice = await issue('disputed', 50_000);
    ids.promisedInvoice = await issue('promised', 80_000);
    ids.legalInvoice = await issue('legal', 200_000);
    ids.deputisedInvoice = await issue('deputised', 30_000);
    await inv().admin.post(`/v1/invoices/${ids.disputedInvoice.id}/dispute`, { reason: 'wrong quantity' });
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  it('2027-02-02: invoices are overdue but below the first level; no task yet', async () => {
    const sweep = await sweepOn('2027-02-02');
    expect(sweep).toMatchObject({ status: 'completed', asOf: '2027-02-02', stats: expect.objectContaining({ newlyOverdue: 5, levelChanges: 0, tasksCreated: 0 }) });
    expect(await invoiceAsOf(ids.paidInvoice.id, '2027-02-02')).toMatchObject({ overdue: true, daysOverdue: 2, dunningLevel: 0 });
    expect(await tasksOf(collections().as(ids.manager.token), ids.paid.client.id)).toEqual([]);
  });

  it('2027-02-03: level 1 reminders, one task per client, sorted by priority, the deputy covering an absent manager', async () => {
    const sweep = await sweepOn('2027-02-03');
    expect(sweep.stats).toMatchObject({ newlyOverdue: 0, levelChanges: 4, tasksCreated: 4 });
    const mine = (await collections().as(ids.manager.token).get('/v1/tasks?status=open')).body.data;
    expect(mine.map((t: { clientId: string }) => t.clientId)).toEqual([ids.legal.client.id, ids.paid.client.id, ids.promised.client.id]);
    expect(mine[0]).toMatchObject({ type: 'reminder', dunningLevel: 1, assigneeId: ids.manager.id, invoiceIds: [ids.legalInvoice.id], amountOverdue: 200_000, currency: 'EUR', status: 'open' });
    const events = await withDatabase(
      async (db) =>
        (await db.query(`SELECT type, data FROM collections.outbox_events WHERE aggregate_id = $1 ORDER BY id`, [ids.paidInvoice.id])).rows,
    );
    const about = { invoiceId: ids.paidInvoice.id, clientId: ids.paid.client.id, number: ids.paidInvoice.number, currency: 'EUR', balance: 100_000 };
    expect(events).toEqual([
      { type: 'invoice.overdue', data: { ...about, daysOverdue: 2, asOf: '2027-02-02', sweepId: expect.any(String), dunningLevel: 0 } },
      { type: 'invoice.dunning_level_changed', data: { ...about, daysOverdue: 3, asOf: '2027-02-03', sweepId: sweep.id, previousLevel: 0, dunningLevel: 1 } },
    ]);
    expect(mine[0].priority).toBeGreaterThan(mine[1].priority);

    const deputised = await tasksOf(collections().as(ids.deputy.token), ids.deputised.client.id);
    expect(deputised).toEqual([expect.objectContaining({ assigneeId: ids.deputy.id, type: 'reminder' })]);
    // The disputed invoice never escalates.
    expect(await tasksOf(admin(), ids.disputed.client.id)).toEqual([]);
    expect((await invoiceAsOf(ids.disputedInvoice.id, '2027-02-03')).dunningLevel).toBe(0);
  });

  it('sweeping the same date again changes nothing, even when asked twice at once', async () => {
    const before = (await collections().as(tokenFor('admin')).get('/v1/tasks?limit=500')).body.data.length;
    const [a, b] = await Promise.all([
      collections().as(tokenFor('finance')).post('/v1/sweeps', { asOf: '2027-02-03' }),
      collections().as(tokenFor('finance')).post('/v1/sweeps', { asOf: '2027-02-03' }),
    ]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body.status).toBe('completed');
    expect((await collections().as(tokenFor('admin')).get('/v1/tasks?limit=500')).body.data.length).toBe(before);
  });

  it('hides other managers’ tasks behind 404', async () => {
    const [task] = await tasksOf(admin(), ids.paid.client.id);
    expectProblem(await collections().as(ids.other.token).get(`/v1/tasks/${task.id}`), 404);
    expectProblem(await collections().as(ids.other.token).post(`/v1/tasks/${task.id}/complete`, { outcome: 'contacted' }), 404);
    expect((await collections().as(ids.other.token).get('/v1/tasks')).body.data).toEqual([]);
  });

  it('records a promise to pay, which holds escalation', async () => {
    const [task] = await tasksOf(admin(), ids.promised.client.id);
    expectProblem(await collections().as(ids.manager.token).post(`/v1/tasks/${task.id}/complete`, { outcome: 'promise_to_pay' }), 400);
    const done = await collections()
      .as(ids.manager.token)
      .post(`/v1/tasks/${task.id}/complete`, { outcome: 'promise_to_pay', promisedDate: '2027-02-20', promisedAmount: 80_000, note: 'CFO promised' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', outcome: 'promise_to_pay' });
    expectProblem(await collections().as(ids.manager.token).post(`/v1/tasks/${task.id}/complete`, { outcome: 'contacted' }), 409);
  });

  it('2027-02-14: level 2, interest and the EUR 40 fee accrue; the promised client does not rise', async () => {
    const sweep = await sweepOn('2027-02-14');
    expect(sweep.stats.levelChanges).toBe(3);
    const paid = await invoiceAsOf(ids.paidInvoice.id, '2027-02-14');
    expect(paid).toMatchObject({ dunningLevel: 2, lateFees: 4000, balance: 100_000 });
    expect(paid.lateInterest).toBeGreaterThan(0);
    expect((await invoiceAsOf(ids.promisedInvoice.id, '2027-02-14')).dunningLevel).toBe(1);
    const paidTasks = await tasksOf(admin(), ids.paid.client.id);
    expect(paidTasks.map((t: { dunningLevel: number }) => t.dunningLevel).sort()).toEqual([1, 2]);
  });

  it('refuses an older asOf than the latest completed sweep with 409', async () => {
    expectProblem(await collections().as(tokenFor('finance')).post('/v1/sweeps', { asOf: '2027-02-10' }), 409);
    expectProblem(await collections().as(ids.manager.token).post('/v1/sweeps', { asOf: '2027-03-01' }), 403);
  });

  it('2027-03-02: payment cancels tasks, the broken promise creates a task and an event, level 3 final notice', async () => {
    system.setToday('2027-03-02');
    await inv().pay({ clientId: ids.paid.client.id, amount: 100_000, receivedOn: '2027-02-15' });
    const sweep = await sweepOn('2027-03-02');
    expect(sweep.stats.tasksCancelled).toBe(2);
    const paidTasks = await tasksOf(admin(), ids.paid.client.id);
    expect(paidTasks.every((t: { status: string }) => t.status === 'cancelled')).toBe(true);

    const promisedTasks = await tasksOf(admin(), ids.promised.client.id);
    expect(promisedTasks.map((t: { type: string }) => t.type)).toEqual(expect.arrayContaining(['broken_promise', 'final_notice']));
    const broken = await withDatabase(async (db) => (await db.query(`SELECT count(*)::int AS n FROM collections.outbox_events WHERE type = 'promise.broken'`)).rows[0].n);
    expect(broken).toBe(1);
    const legal = await tasksOf(admin(), ids.legal.client.id);
    expect(legal.find((t: { type: string }) => t.type === 'final_notice')).toMatchObject({ dunningLevel: 3, status: 'open' });
  });

  it('a call ending in a dispute marks the invoices disputed, which stops escalation', async () => {
    const finalNotice = (await tasksOf(admin(), ids.promised.client.id)).find((t: { type: string }) => t.type === 'final_notice');
    await collections().as(ids.manager.token).post(`/v1/tasks/${finalNotice.id}/complete`, { outcome: 'dispute', note: 'Claims goods were never delivered' });
    await eventually(async () => (await invoiceAsOf(ids.promisedInvoice.id, '2027-03-02')).disputed, (d) => d === true);
  });

  it('2027-04-01: level 4 hands the legal client over and blocks it; its new invoices are refused', async () => {
    const sweep = await sweepOn('2027-04-01');
    expect(sweep.stats.clientsBlocked).toBeGreaterThanOrEqual(1);
    expect((await invoiceAsOf(ids.promisedInvoice.id, '2027-04-01')).dunningLevel).toBe(3);
    const legal = await tasksOf(admin(), ids.legal.client.id);
    expect(legal.find((t: { type: string }) => t.type === 'legal_handover')).toMatchObject({ dunningLevel: 4 });
    await eventually(() => clientStatus(ids.legal.client.id), (s) => s === 'blocked');
    const refused = await inv().admin.post('/v1/invoices', { contractId: ids.legal.contract.id, issueDate: '2027-04-01', lines: [{ description: 'x', quantity: 1, unitPrice: 100 }] });
    expectProblem(refused, 422);
    const solvency = await collections().as(ids.manager.token).get(`/v1/clients/${ids.legal.client.id}/solvency`);
    expect(solvency.body).toMatchObject({ clientId: ids.legal.client.id, decision: 'block', maxDaysOverdue: 60, overdueAmount: 200_000 });
    expect(solvency.body.reasons.join(' ')).toMatch(/dunning level 4/);
  });

  it('2027-04-06: after paying, the next sweep unblocks the client', async () => {
    system.setToday('2027-04-06');
    await inv().pay({ clientId: ids.legal.client.id, amount: 200_000, receivedOn: '2027-04-05' });
    const sweep = await sweepOn('2027-04-06');
    expect(sweep.stats.clientsUnblocked).toBeGreaterThanOrEqual(1);
    await eventually(() => clientStatus(ids.legal.client.id), (s) => s === 'active');
    const solvency = await collections().as(tokenFor('head_of_sales')).get(`/v1/clients/${ids.legal.client.id}/solvency`);
    expect(solvency.body).toMatchObject({ overdueAmount: 0, decision: expect.stringMatching(/ok|watch/) });
    expect(solvency.body.avgDaysLate).toBe(64);
  });

  it('snoozes a task until a date', async () => {
    const [task] = (await tasksOf(admin(), ids.deputised.client.id)).filter((t: { status: string }) => t.status === 'open');
    const res = await collections().as(ids.deputy.token).post(`/v1/tasks/${task.id}/snooze`, { until: '2099-01-01' });
    expect(res.body).toMatchObject({ status: 'snoozed', snoozedUntil: '2099-01-01' });
    const visible = (await collections().as(ids.deputy.token).get('/v1/tasks')).body.data.map((t: { id: string }) => t.id);
    expect(visible).not.toContain(task.id);
    const snoozed = (await collections().as(ids.deputy.token).get('/v1/tasks?status=snoozed')).body.data.map((t: { id: string }) => t.id);
    expect(snoozed).toContain(task.id);
    expectProblem(await collections().as(ids.deputy.token).post(`/v1/tasks/${task.id}/snooze`, { until: '2001-01-01' }), 422);
  });
});
