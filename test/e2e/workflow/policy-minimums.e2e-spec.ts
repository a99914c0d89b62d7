import { CollectionsDriver, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor } from '@ar/testing';

// A dunning policy may set, per currency, the overdue amount below which a client is not dunned.
describe('workflow: minimum amounts of a dunning policy', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const finance = () => system.collections!.api.as(tokenFor('finance'));
  const sweep = async (asOf: string) => {
    system.setToday(asOf);
    expect((await new CollectionsDriver(finance()).sweep(asOf)).status).toBe('completed');
  };

  beforeAll(async () => {
    env = await isolatedEnvironment('workflow_minimums');
    system = await startSystem({ collections: true });
    system.setToday('2026-02-01');
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  it('duns nothing while the client owes less overdue than the minimum in that currency', async () => {
    const levels = [{ level: 1, minDaysOverdue: 3, action: 'reminder' }, { level: 2, minDaysOverdue: 14, action: 'final_notice' }];
    expectProblem(await finance().post('/v1/dunning-policies', { name: 'twice', levels, minimumAmounts: [{ currency: 'EUR', amount: 1 }, { currency: 'EUR', amount: 2 }] }), 400);
    expectProblem(await finance().post('/v1/dunning-policies', { name: 'bad', levels, minimumAmounts: [{ currency: 'EURO', amount: 1 }] }), 400);
    const policy = await finance().post('/v1/dunning-policies', { name: 'small-debts-wait', levels, minimumAmounts: [{ currency: 'EUR', amount: 50_000 }] });
    expect(policy.status).toBe(201);
    expect(policy.body.minimumAmounts).toEqual([{ currency: 'EUR', amount: 50_000 }]);

    const { client, contract } = await system.invoicingFactory.newAccount({ dunningPolicyId: policy.body.id });
    const small = await system.invoicingFactory.newInvoice(contract.id, 30_000, { issueDate: '2026-01-01' });
    const usd = await system.invoicingFactory.newAccount({ dunningPolicyId: policy.body.id, currency: 'USD' });
    const dollars = await system.invoicingFactory.newInvoice(usd.contract.id, 100, { issueDate: '2026-01-01' });
    await sweep('2026-02-10');
    expect((await system.invoicingFactory.invoice(small.id)).dunningLevel).toBe(0);
    // No minimum for USD under this policy.
    expect((await system.invoicingFactory.invoice(dollars.id)).dunningLevel).toBe(1);
    expect((await system.collections!.api.as(tokenFor('admin')).get(`/v1/tasks?clientId=${client.id}`)).body.data).toEqual([]);

    await system.invoicingFactory.newInvoice(contract.id, 25_000, { issueDate: '2026-01-05' });
    await sweep('2026-02-20');
    expect((await system.invoicingFactory.invoice(small.id)).dunningLevel).toBe(2);
  });
});
