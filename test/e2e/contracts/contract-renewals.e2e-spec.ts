import { CollectionsDriver, eventually, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor } from '@ar/testing';

type Contract = { id: string; status: string; endsOn: string | null; autoRenew: boolean; renewalTermMonths: number; renewalNoticeDays: number };

/**
 * Contracts that renew themselves or expire: the daily run (with every sweep, or POST /v1/contracts/renewal-runs)
 * renews an autoRenew contract on its end date for its term, expires one without, and gives the client's manager
 * (or deputy) a contract_renewal task renewalNoticeDays before the end. Running it again changes nothing.
 */
describe('contracts: renewal, expiry and the renewal task', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const x: Record<string, any> = {};
  const admin = () => system.contracts.api.as(tokenFor('admin'));
  const finance = () => system.contracts.api.as(tokenFor('finance'));
  const contract = async (id: string): Promise<Contract> => (await admin().get(`/v1/contracts/${id}`)).body;
  const tasksOf = async (token: string, clientId: string) =>
    ((await system.collections!.api.as(token).get(`/v1/tasks?clientId=${clientId}`)).body.data as any[]).filter((t) => t.type === 'contract_renewal');

  beforeAll(async () => {
    env = await isolatedEnvironment('contract_renewals');
    system = await startSystem({ collections: true });
    system.setToday('2026-10-01');
    const cf = system.contractsFactory;
    x.manager = await cf.newUser('account_manager');
    x.deputy = await cf.newUser('account_manager');
    x.away = await cf.newUser('account_manager', { deputyId: x.deputy.id, absentUntil: '2026-12-31' });
    x.client = await cf.newClient(x.manager.id);
    x.awayClient = await cf.newClient(x.away.id);
    x.renewing = await cf.activeContract(x.client.id, { number: 'K-RENEW', startsOn: '2026-01-01', endsOn: '2026-12-31', autoRenew: true });
    x.ending = await cf.activeContract(x.client.id, { number: 'K-END', startsOn: '2026-01-01', endsOn: '2026-11-30', renewalNoticeDays: 30 });
    x.quarterly = await cf.activeContract(x.awayClient.id, { number: 'K-Q', startsOn: '2026-01-01', endsOn: '2026-10-31', autoRenew: true, renewalTermMonths: 3 });
    x.openEnded = await cf.activeContract(x.client.id, { number: 'K-OPEN', startsOn: '2026-01-01' });
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  it('takes the renewal settings, refuses bad ones, and lists what ends soon', async () => {
    expect(x.renewing).toMatchObject({ autoRenew: true, renewalTermMonths: 12, renewalNoticeDays: 60 });
    expect(x.quarterly).toMatchObject({ renewalTermMonths: 3 });
    for (const bad of [{ renewalTermMonths: 0 }, { renewalTermMonths: 121 }, { renewalNoticeDays: -1 }, { renewalNoticeDays: 'soon' }]) {
      expectProblem(await admin().post('/v1/contracts', { clientId: x.client.id, number: `K-BAD-${Math.random()}`, currency: 'EUR', paymentTermDays: 30, startsOn: '2026-01-01', ...bad }), 400);
    }
    const soon = (await admin().get('/v1/contracts?endsBefore=2026-11-30&status=active')).body.data.map((c: Contract) => c.id);
    expect(soon).toEqual(expect.arrayContaining([x.ending.id, x.quarterly.id]));
    expect(soon).not.toContain(x.renewing.id);
    expect(soon).not.toContain(x.openEnded.id);
    // The manager sees only their own clients' contracts here too.
    const own = (await system.contracts.api.as(x.manager.token).get('/v1/contracts?endsBefore=2026-12-31')).body.data.map((c: Contract) => c.id);
    expect(own.sort()).toEqual([x.renewing.id, x.ending.id].sort());
    expectProblem(await admin().get('/v1/contracts?endsBefore=soon'), 400);
  });

  it('gives the manager (or the deputy of an absent one) a renewal task within the notice days, once', async () => {
    // 1 October: the quarterly contract (ends 31 October, 60 days' notice) is due; the others are not yet.
    const run = await finance().post('/v1/contracts/renewal-runs', { asOf: '2026-10-01' });
    expect(run.status).toBe(200);
    expect(run.body).toEqual({ asOf: '2026-10-01', renewed: 0, expired: 0, renewalsDue: 1 });
    const [task] = await eventually(() => tasksOf(x.deputy.token, x.awayClient.id), (tasks) => tasks.length === 1);
    expect(task).toMatchObject({ assigneeId: x.deputy.id, contractId: x.quarterly.id, contractEndsOn: '2026-10-31', status: 'open', dueOn: '2026-10-01' });
    expect(task.note).toContain('renews by itself for 3 months, to 2027-01-31');
    // Again the same day: nothing new.
    expect((await finance().post('/v1/contracts/renewal-runs', { asOf: '2026-10-01' })).body).toMatchObject({ renewalsDue: 0 });

    // 1 November (by the sweep): K-END (30 days' notice) and K-RENEW (60 days) come due; the quarterly one renewed.
    system.setToday('2026-11-01');
    expect((await new CollectionsDriver(system.collections!.api.as(tokenFor('finance'))).sweep('2026-11-01')).status).toBe('completed');
    expect(await contract(x.quarterly.id)).toMatchObject({ status: 'active', endsOn: '2027-01-31' });
    const tasks = await eventually(() => tasksOf(x.manager.token, x.client.id), (t) => t.length === 2);
    expect(tasks.map((t) => [t.contractId, t.contractEndsOn, t.assigneeId]).sort()).toEqual(
      [[x.ending.id, '2026-11-30', x.manager.id], [x.renewing.id, '2026-12-31', x.manager.id]].sort(),
    );
    expect(tasks.find((t) => t.contractId === x.ending.id).note).toContain('expires then');
  });

  it('renews an autoRenew contract on its end date for its term, recorded with the old and new end date', async () => {
    const renewals = (await admin().get(`/v1/contracts/${x.quarterly.id}/renewals`)).body.data;
    expect(renewals).toEqual([expect.objectContaining({ previousEndsOn: '2026-10-31', endsOn: '2027-01-31', automatic: true, renewedBy: null, renewedOn: '2026-11-01' })]);
    // On the end date itself the renewal happens (a run a year late renews once per missed term).
    system.setToday('2026-12-31');
    expect((await finance().post('/v1/contracts/renewal-runs', { asOf: '2026-12-31' })).body).toMatchObject({ renewed: 1 });
    expect(await contract(x.renewing.id)).toMatchObject({ status: 'active', endsOn: '2027-12-31' });
    // A manager's hand renewal is recorded too.
    const byHand = await system.contracts.api.as(x.manager.token).post(`/v1/contracts/${x.renewing.id}/renew`, { endsOn: '2028-06-30' });
    expect(byHand.status).toBe(200);
    const history = (await admin().get(`/v1/contracts/${x.renewing.id}/renewals`)).body.data;
    expect(history.map((r: any) => [r.previousEndsOn, r.endsOn, r.automatic, r.renewedBy])).toEqual([
      ['2027-12-31', '2028-06-30', false, x.manager.id],
      ['2026-12-31', '2027-12-31', true, null],
    ]);
  });

  it('expires a contract without autoRenew the day after its end; invoices against it are refused with 422', async () => {
    // 31 December ran already: K-END ended on 30 November and expired then.
    expect(await contract(x.ending.id)).toMatchObject({ status: 'expired', endsOn: '2026-11-30' });
    expect(await contract(x.openEnded.id)).toMatchObject({ status: 'active' });
    const invoice = await system.invoicing.api.as(tokenFor('admin')).post('/v1/invoices', {
      contractId: x.ending.id, issueDate: '2026-12-31', lines: [{ description: 'Services', quantity: 1, unitPrice: 10_000 }],
    });
    expectProblem(invoice, 422);
    expect(invoice.body.detail).toContain('expired');
    // An expired contract can be renewed by hand, and runs again.
    const revived = await admin().post(`/v1/contracts/${x.ending.id}/renew`, { endsOn: '2027-11-30' });
    expect(revived.body).toMatchObject({ status: 'active', endsOn: '2027-11-30' });
    expect((await finance().post('/v1/contracts/renewal-runs', { asOf: '2026-12-31' })).body).toMatchObject({ renewed: 0, expired: 0 });
  });

  it('lets only finance and admins run it, never for a future day', async () => {
    expectProblem(await system.contracts.api.as(x.manager.token).post('/v1/contracts/renewal-runs', {}), 403);
    expectProblem(await finance().post('/v1/contracts/renewal-runs', { asOf: '2027-01-05' }), 422);
    expectProblem(await finance().post('/v1/contracts/renewal-runs', { asOf: 'tomorrow' }), 400);
    expectProblem(await admin().get(`/v1/contracts/${x.renewing.id}/renewals`.replace(x.renewing.id, '0190a000-0000-7000-8000-00000000ffff')), 404);
    expectProblem(await system.contracts.api.as(x.deputy.token).get(`/v1/contracts/${x.renewing.id}/renewals`), 404);
  });
});
