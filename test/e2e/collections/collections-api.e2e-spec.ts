import { Queue } from 'bullmq';
import { Queues } from '@ar/queues';
import { expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor } from '@ar/testing';

describe('collections: policies, reference rates and on-demand solvency checks', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const api = () => system.collections!.api;

  beforeAll(async () => {
    env = await isolatedEnvironment('collapi');
    process.env.COLLECTIONS_SWEEP_CRON = '30 5 * * 1-5';
    system = await startSystem({ collections: true });
  });
  afterAll(async () => {
    process.env.COLLECTIONS_SWEEP_CRON = 'off';
    await system.close();
    await env.restore();
  });

  it('registers the daily sweep as one BullMQ job scheduler in the business time zone', async () => {
    const queue = new Queue(Queues.Sweeps, { connection: { url: process.env.REDIS_URL }, prefix: `${env.queuePrefix}:bull` });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toEqual([expect.objectContaining({ key: 'daily-sweep', pattern: '30 5 * * 1-5', tz: 'Europe/Berlin' })]);
    } finally {
      await queue.close();
    }
  });

  it('lists the seeded standard policy with the documented levels', async () => {
    const res = await api().as(tokenFor('account_manager')).get('/v1/dunning-policies');
    const standard = res.body.data.find((p: { name: string }) => p.name === 'standard');
    expect(standard.levels).toEqual([
      { level: 1, minDaysOverdue: 3, action: 'reminder', feeAmount: 0, blockClient: false, letter: 'email', payWithinDays: 14 },
      { level: 2, minDaysOverdue: 14, action: 'reminder', feeAmount: 0, blockClient: false, letter: 'email', payWithinDays: 14 },
      { level: 3, minDaysOverdue: 30, action: 'final_notice', feeAmount: 0, blockClient: false, letter: 'email', payWithinDays: 14 },
      { level: 4, minDaysOverdue: 60, action: 'legal_handover', feeAmount: 0, blockClient: true, letter: 'post', payWithinDays: 14 },
    ]);
  });

  it('creates a policy and refuses inconsistent levels, duplicates and managers', async () => {
    const finance = api().as(tokenFor('finance'));
    const levels = [
      { level: 1, minDaysOverdue: 7, action: 'reminder', feeAmount: 500 },
      { level: 2, minDaysOverdue: 21, action: 'final_notice', blockClient: true, letter: 'post', payWithinDays: 21 },
    ];
    const created = await finance.post('/v1/dunning-policies', { name: 'strict', levels });
    expect(created.status).toBe(201);
    expect(created.body.levels[1]).toEqual({ level: 2, minDaysOverdue: 21, action: 'final_notice', feeAmount: 0, blockClient: true, letter: 'post', payWithinDays: 21 });
    expect(created.body.levels[0].letter).toBe('none');
    expectProblem(await finance.post('/v1/dunning-policies', { name: 'strict', levels }), 409);
    expectProblem(await finance.post('/v1/dunning-policies', { name: 'gap', levels: [{ level: 2, minDaysOverdue: 5, action: 'reminder' }] }), 400);
    expectProblem(
      await finance.post('/v1/dunning-policies', {
        name: 'backwards',
        levels: [
          { level: 1, minDaysOverdue: 10, action: 'reminder' },
          { level: 2, minDaysOverdue: 5, action: 'reminder' },
        ],
      }),
      400,
    );
    expectProblem(await finance.post('/v1/dunning-policies', { name: 'x', levels: [{ level: 1, minDaysOverdue: 1, action: 'sue' }] }), 400);
    expectProblem(await api().as(tokenFor('account_manager')).post('/v1/dunning-policies', { name: 'mine', levels }), 403);
  });

  it('serves the reference rate history and lets admins replace a series', async () => {
    const list = await api().as(tokenFor('finance')).get('/v1/reference-rates');
    const series = Object.fromEntries(list.body.data.map((s: { series: string; rates: unknown[] }) => [s.series, s.rates]));
    expect(series.de_base[0]).toEqual({ validFrom: '2020-01-01', percent: -0.88 });
    expect(series.ecb_mro).toContainEqual({ validFrom: '2022-07-27', percent: 0.5 });
    expect(series.ru_key).toContainEqual({ validFrom: '2022-02-28', percent: 20 });

    const admin = api().as(tokenFor('admin'));
    const replaced = await admin.put('/v1/reference-rates/ecb_mro', { rates: [{ validFrom: '2020-01-01', percent: 0 }, { validFrom: '2026-01-01', percent: 2.15 }] });
    expect(replaced.body).toEqual({ series: 'ecb_mro', rates: [{ validFrom: '2020-01-01', percent: 0 }, { validFrom: '2026-01-01', percent: 2.15 }] });
    expectProblem(await admin.put('/v1/reference-rates/libor', { rates: [{ validFrom: '2020-01-01', percent: 1 }] }), 404);
    expectProblem(await admin.put('/v1/reference-rates/ecb_mro', { rates: [{ validFrom: '2020-13-01', percent: 1 }] }), 400);
    expectProblem(await api().as(tokenFor('finance')).put('/v1/reference-rates/ecb_mro', { rates: [{ validFrom: '2020-01-01', percent: 1 }] }), 403);
  });

  it('assesses a client on demand, explains the result, and hides other managers’ clients', async () => {
    const manager = await system.contractsFactory.newUser();
    const other = await system.contractsFactory.newUser();
    const client = await system.contractsFactory.newClient(manager.id, { creditLimit: { amount: 100_000, currency: 'EUR' } });
    const contract = await system.contractsFactory.activeContract(client.id);
    await system.invoicingFactory.newInvoice(contract.id, 90_000, { issueDate: '2026-01-01' });

    expectProblem(await api().as(manager.token).get(`/v1/clients/${client.id}/solvency`), 404);
    const check = await api().as(manager.token).post(`/v1/clients/${client.id}/solvency-checks`);
    expect(check.status).toBe(201);
    expect(check.body).toMatchObject({ clientId: client.id, exposure: 90_000, creditLimit: 100_000, utilization: 0.9, overdueAmount: 90_000, riskClass: expect.stringMatching(/^[A-D]$/) });
    expect(check.body.reasons.length).toBeGreaterThan(0);
    expect((await api().as(manager.token).get(`/v1/clients/${client.id}/solvency`)).body.id).toBe(check.body.id);
    expectProblem(await api().as(other.token).post(`/v1/clients/${client.id}/solvency-checks`), 404);
  });

  it('validates sweep and task requests', async () => {
    const finance = api().as(tokenFor('finance'));
    expectProblem(await finance.post('/v1/sweeps', { asOf: 'tomorrow' }), 400);
    expectProblem(await finance.post('/v1/sweeps', { asOf: '2026-01-01', force: true }), 400);
    expectProblem(await finance.get('/v1/sweeps/01900000-0000-7000-8000-000000000000'), 404);
    expectProblem(await finance.post('/v1/tasks/01900000-0000-7000-8000-000000000000/complete', { outcome: 'contacted' }), 404);
    expectProblem(await finance.post('/v1/tasks/01900000-0000-7000-8000-000000000000/complete', { outcome: 'shouted' }), 400);
  });
});
