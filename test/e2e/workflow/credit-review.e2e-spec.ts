import { eventually, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor } from '@ar/testing';

// credit_review tasks are really created: a new client's first large invoice, and exposure crossing 90 % of the
// credit limit; each once.
describe('workflow: credit reviews', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const tasksOf = async (clientId: string) =>
    (await system.collections!.api.as(tokenFor('admin')).get(`/v1/tasks?clientId=${clientId}`)).body.data.filter((t: any) => t.type === 'credit_review');

  beforeAll(async () => {
    env = await isolatedEnvironment('workflow_credit_review');
    system = await startSystem({ collections: true });
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  it('reviews a new client’s first invoice of 10,000.00 EUR or more, not a small one nor the second', async () => {
    const big = await system.invoicingFactory.newAccount();
    const invoice = await system.invoicingFactory.newInvoice(big.contract.id, 1_500_000);
    const [task] = await eventually(() => tasksOf(big.client.id), (t) => t.length === 1);
    expect(task).toMatchObject({ assigneeId: big.manager.id, invoiceIds: [invoice.id], amountOverdue: 1_500_000, currency: 'EUR', status: 'open', dunningLevel: 0 });
    expect(task.note).toContain(invoice.number);

    const small = await system.invoicingFactory.newAccount();
    await system.invoicingFactory.newInvoice(small.contract.id, 900_000);
    await system.invoicingFactory.newInvoice(small.contract.id, 2_000_000);
    // A marker that follows both invoices in the event stream: once its review exists, theirs would too.
    const marker = await system.invoicingFactory.newAccount();
    await system.invoicingFactory.newInvoice(marker.contract.id, 1_000_000);
    await eventually(() => tasksOf(marker.client.id), (t) => t.length === 1);
    expect(await tasksOf(small.client.id)).toEqual([]);
  });

  it('reviews a client whose exposure crosses 90 % of its credit limit, once', async () => {
    const { client, contract, manager } = await system.invoicingFactory.newAccount({}, { creditLimit: { amount: 500_000, currency: 'EUR' } });
    await system.invoicingFactory.newInvoice(contract.id, 300_000);
    const check = () => system.collections!.api.as(manager.token).post(`/v1/clients/${client.id}/solvency-checks`);
    expect((await check()).status).toBe(201);
    expect(await tasksOf(client.id)).toEqual([]);
    await system.invoicingFactory.newInvoice(contract.id, 160_000);
    expect((await check()).body.utilization).toBeCloseTo(0.92, 2);
    const [task] = await tasksOf(client.id);
    expect(task).toMatchObject({ assigneeId: manager.id, amountOverdue: 460_000, status: 'open' });
    expect(task.note).toContain('92 %');
    await check();
    expect(await tasksOf(client.id)).toHaveLength(1);
  });
});
