import { addDays } from '@ar/time';
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
 * Invoices fall overdue, rise through the dunning levels, tasks appear once, payments cancel them, a promise holds
 * then breaks, a dispute stops escalation, a level-4 client is blocked and unblocked after paying. Each test stands
 * alone: it sets up its own clients and tells its story on a timeline of its own that starts after the latest
 * sweep (sweeps only move forward), so the tests pass in any order and one by one. Assertions are about the test's
 * own clients, whatever else the sweeps met.
 */
describe('collections: sweeps, dunning, tasks, promises and blocking', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  let driver: CollectionsDriver;

  const inv = () => system.invoicingFactory;
  const collections = () => system.collections!.api;
  const admin = () => collections().as(tokenFor('admin'));
  const tasksOf = async (api: ReturnType<typeof collections>, clientId: string) => (await api.get(`/v1/tasks?clientId=${clientId}&limit=500`)).body.data;
  const invoiceAsOf = async (id: string, asOf: string) => (await inv().admin.get(`/v1/invoices/${id}?asOf=${asOf}`)).body;
  const clientStatus = async (id: string) => (await system.contractsFactory.admin.get(`/v1/clients/${id}`)).body.status;
  // The story's "today" moves with its sweeps: no sweep or payment may be dated after today.
  const sweepOn = (asOf: string) => {
    system.setToday(asOf);
    return driver.sweep(asOf);
  };

  /**
   * A story of its own: a manager (with a deputy), clients with one 30-day invoice each, issued the day after the
   * latest sweep (never before 2027, so that promises made "today" are not in the past); `due(n)` is n days after
   * their due date.
   */
  const story = async (clients: { name: string; absentManager?: boolean; lateInterest?: boolean; total: number; disputed?: boolean }[]) => {
    const latest: string | null = await withDatabase(
      async (db) => (await db.query(`SELECT to_char(max(as_of), 'YYYY-MM-DD') AS d FROM collections.sweeps WHERE status = 'completed'`)).rows[0].d,
    );
    const issued = latest && latest >= '2027-01-01' ? addDays(latest, 1) : '2027-01-01';
    system.setToday(issued);
    const cf = system.contractsFactory;
    const deputy = await cf.newUser('account_manager');
    const manager = await cf.newUser('account_manager', { deputyId: deputy.id });
    const absent = await cf.newUser('account_manager', { deputyId: deputy.id, absentUntil: '2999-12-31' });
    const accounts: Record<string, { client: { id: string }; contract: { id: string }; invoice: { id: string; number: string } }> = {};
    for (const c of clients) {
      const client = await cf.newClient((c.absentManager ? absent : manager).id, { creditLimit: { amount: 10_000_000, currency: 'EUR' } });
      const contract = await cf.activeContract(client.id, { paymentTermDays: 30, startsOn: '2026-01-01', ...(c.lateInterest ? { lateInterest: { rule: 'de_b2b' } } : {}) });
      const invoice = await inv().newInvoice(contract.id, c.total, { issueDate: issued });
      if (c.disputed) await inv().admin.post(`/v1/invoices/${invoice.id}/dispute`, { reason: 'wrong quantity' });
      accounts[c.name] = { client, contract, invoice };
    }
    return { manager, deputy, accounts, due: (n: number) => addDays(issued, 30 + n) };
  };

  beforeAll(async () => {
    env = await isolatedEnvironment('lifecycle');
    system = await startSystem({ collections: true });
    driver = new CollectionsDriver(collections().as(tokenFor('finance')));
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  it('no task below the first level; at level 1 one reminder per client, by priority, the deputy covering an absent manager, a disputed invoice left alone', async () => {
    const { manager, deputy, accounts, due } = await story([
      { name: 'small', total: 100_000 },
      { name: 'large', total: 200_000 },
      { name: 'deputised', total: 30_000, absentManager: true },
      { name: 'disputed', total: 50_000, disputed: true },
    ]);
    const { small, large, deputised, disputed } = accounts;

    await sweepOn(due(2));
    expect(await invoiceAsOf(small.invoice.id, due(2))).toMatchObject({ overdue: true, daysOverdue: 2, dunningLevel: 0 });
    expect(await tasksOf(collections().as(manager.token), small.client.id)).toEqual([]);

    const sweep = await sweepOn(due(3));
    const mine = (await collections().as(manager.token).get('/v1/tasks?status=open')).body.data;
    expect(mine.map((t: { clientId: string }) => t.clientId)).toEqual([large.client.id, small.client.id]);
    expect(mine[0]).toMatchObject({ type: 'reminder', dunningLevel: 1, assigneeId: manager.id, invoiceIds: [large.invoice.id], amountOverdue: 200_000, currency: 'EUR', status: 'open' });
    expect(mine[0].priority).toBeGreaterThan(mine[1].priority);
    const events = await withDatabase(
      async (db) => (await db.query(`SELECT type, data FROM collections.outbox_events WHERE aggregate_id = $1 ORDER BY id`, [small.invoice.id])).rows,
    );
    const about = { invoiceId: small.invoice.id, clientId: small.client.id, number: small.invoice.number, currency: 'EUR', balance: 100_000 };
    expect(events).toEqual([
      { type: 'invoice.overdue', data: { ...about, daysOverdue: 2, asOf: due(2), sweepId: expect.any(String), dunningLevel: 0 } },
      { type: 'invoice.dunning_level_changed', data: { ...about, daysOverdue: 3, asOf: due(3), sweepId: sweep.id, previousLevel: 0, dunningLevel: 1 } },
    ]);

    expect(await tasksOf(collections().as(deputy.token), deputised.client.id)).toEqual([expect.objectContaining({ assigneeId: deputy.id, type: 'reminder' })]);
    expect(await tasksOf(admin(), disputed.client.id)).toEqual([]);
    expect((await invoiceAsOf(disputed.invoice.id, due(3))).dunningLevel).toBe(0);
  });

  it('sweeping the same date again changes nothing, even when asked twice at once', async () => {
    const { accounts, due } = await story([{ name: 'late', total: 100_000 }]);
    await sweepOn(due(3));
    const before = await tasksOf(admin(), accounts.late.client.id);
    expect(before).toHaveLength(1);
    const [a, b] = await Promise.all([
      collections().as(tokenFor('finance')).post('/v1/sweeps', { asOf: due(3) }),
      collections().as(tokenFor('finance')).post('/v1/sweeps', { asOf: due(3) }),
    ]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body.status).toBe('completed');
    expect(await tasksOf(admin(), accounts.late.client.id)).toEqual(before);
  });

  it('hides other managers’ tasks behind 404', async () => {
    const { accounts, due } = await story([{ name: 'late', total: 100_000 }]);
    const other = await system.contractsFactory.newUser('account_manager');
    await sweepOn(due(3));
    const [task] = await tasksOf(admin(), accounts.late.client.id);
    expectProblem(await collections().as(other.token).get(`/v1/tasks/${task.id}`), 404);
    expectProblem(await collections().as(other.token).post(`/v1/tasks/${task.id}/complete`, { outcome: 'contacted' }), 404);
    expect((await collections().as(other.token).get('/v1/tasks')).body.data).toEqual([]);
  });

  it('a promise to pay holds escalation; broken, it creates a task and an event, and escalation resumes', async () => {
    const { manager, accounts, due } = await story([{ name: 'promised', total: 80_000 }]);
    const { promised } = accounts;
    await sweepOn(due(3));
    const [task] = await tasksOf(admin(), promised.client.id);
    expectProblem(await collections().as(manager.token).post(`/v1/tasks/${task.id}/complete`, { outcome: 'promise_to_pay' }), 400);
    const done = await collections()
      .as(manager.token)
      .post(`/v1/tasks/${task.id}/complete`, { outcome: 'promise_to_pay', promisedDate: due(20), promisedAmount: 80_000, note: 'CFO promised' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', outcome: 'promise_to_pay' });
    expectProblem(await collections().as(manager.token).post(`/v1/tasks/${task.id}/complete`, { outcome: 'contacted' }), 409);

    await sweepOn(due(14));
    expect((await invoiceAsOf(promised.invoice.id, due(14))).dunningLevel).toBe(1);

    await sweepOn(due(30));
    const types = (await tasksOf(admin(), promised.client.id)).map((t: { type: string }) => t.type);
    expect(types).toEqual(expect.arrayContaining(['broken_promise', 'final_notice']));
    const broken = await withDatabase(
      async (db) => (await db.query(`SELECT count(*)::int AS n FROM collections.outbox_events WHERE type = 'promise.broken' AND data->>'clientId' = $1`, [promised.client.id])).rows[0].n,
    );
    expect(broken).toBe(1);
  });

  it('late interest and the EUR 40 fee accrue at level 2; a payment cancels the open tasks', async () => {
    const { accounts, due } = await story([{ name: 'paid', total: 100_000, lateInterest: true }]);
    const { paid } = accounts;
    await sweepOn(due(3));
    await sweepOn(due(14));
    const level2 = await invoiceAsOf(paid.invoice.id, due(14));
    expect(level2).toMatchObject({ dunningLevel: 2, lateFees: 4000, balance: 100_000 });
    expect(level2.lateInterest).toBeGreaterThan(0);
    expect((await tasksOf(admin(), paid.client.id)).map((t: { dunningLevel: number }) => t.dunningLevel).sort()).toEqual([1, 2]);

    system.setToday(due(30));
    await inv().pay({ clientId: paid.client.id, amount: 100_000, receivedOn: due(15) });
    const sweep = await sweepOn(due(30));
    expect(sweep.stats.tasksCancelled).toBeGreaterThanOrEqual(2);
    const tasks = await tasksOf(admin(), paid.client.id);
    expect(tasks.map((t: { status: string }) => t.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('refuses an asOf older than the latest completed sweep with 409, and a manager with 403', async () => {
    const { due } = await story([{ name: 'late', total: 100_000 }]);
    await sweepOn(due(3));
    expectProblem(await collections().as(tokenFor('finance')).post('/v1/sweeps', { asOf: due(2) }), 409);
    expectProblem(await collections().as(tokenFor('account_manager')).post('/v1/sweeps', { asOf: due(3) }), 403);
  });

  it('a call ending in a dispute marks the invoice disputed, which stops escalation', async () => {
    const { manager, accounts, due } = await story([{ name: 'contested', total: 80_000 }]);
    const { contested } = accounts;
    await sweepOn(due(3));
    const [reminder] = await tasksOf(admin(), contested.client.id);
    await collections().as(manager.token).post(`/v1/tasks/${reminder.id}/complete`, { outcome: 'dispute', note: 'Claims goods were never delivered' });
    await eventually(async () => (await invoiceAsOf(contested.invoice.id, due(3))).disputed, (d) => d === true);
    await sweepOn(due(30));
    expect((await invoiceAsOf(contested.invoice.id, due(30))).dunningLevel).toBe(1);
  });

  it('level 4 hands the client over and blocks it, refusing its new invoices; after paying, the next sweep unblocks it', async () => {
    const { manager, accounts, due } = await story([{ name: 'legal', total: 200_000 }]);
    const { legal } = accounts;
    await sweepOn(due(3));
    const sweep = await sweepOn(due(60));
    expect(sweep.stats.clientsBlocked).toBeGreaterThanOrEqual(1);
    expect((await tasksOf(admin(), legal.client.id)).find((t: { type: string }) => t.type === 'legal_handover')).toMatchObject({ dunningLevel: 4 });
    await eventually(() => clientStatus(legal.client.id), (s) => s === 'blocked');
    const refused = await inv().admin.post('/v1/invoices', { contractId: legal.contract.id, issueDate: due(60), lines: [{ description: 'x', quantity: 1, unitPrice: 100 }] });
    expectProblem(refused, 422);
    const blocked = await collections().as(manager.token).get(`/v1/clients/${legal.client.id}/solvency`);
    expect(blocked.body).toMatchObject({ clientId: legal.client.id, decision: 'block', maxDaysOverdue: 60, overdueAmount: 200_000 });
    expect(blocked.body.reasons.join(' ')).toMatch(/dunning level 4/);

    system.setToday(due(65));
    await inv().pay({ clientId: legal.client.id, amount: 200_000, receivedOn: due(64) });
    const after = await sweepOn(due(65));
    expect(after.stats.clientsUnblocked).toBeGreaterThanOrEqual(1);
    await eventually(() => clientStatus(legal.client.id), (s) => s === 'active');
    const solvency = await collections().as(tokenFor('head_of_sales')).get(`/v1/clients/${legal.client.id}/solvency`);
    expect(solvency.body).toMatchObject({ overdueAmount: 0, decision: expect.stringMatching(/ok|watch/) });
    expect(solvency.body.avgDaysLate).toBe(64);
  });

  it('snoozes a task until a date', async () => {
    const { deputy, accounts, due } = await story([{ name: 'deputised', total: 30_000, absentManager: true }]);
    await sweepOn(due(3));
    const [task] = (await tasksOf(admin(), accounts.deputised.client.id)).filter((t: { status: string }) => t.status === 'open');
    const res = await collections().as(deputy.token).post(`/v1/tasks/${task.id}/snooze`, { until: '2099-01-01' });
    expect(res.body).toMatchObject({ status: 'snoozed', snoozedUntil: '2099-01-01' });
    const visible = (await collections().as(deputy.token).get('/v1/tasks')).body.data.map((t: { id: string }) => t.id);
    expect(visible).not.toContain(task.id);
    const snoozed = (await collections().as(deputy.token).get('/v1/tasks?status=snoozed')).body.data.map((t: { id: string }) => t.id);
    expect(snoozed).toContain(task.id);
    expectProblem(await collections().as(deputy.token).post(`/v1/tasks/${task.id}/snooze`, { until: '2001-01-01' }), 422);
  });
});
