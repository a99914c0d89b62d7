import { CollectionsDriver, eventually, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor, WebhookReceiver } from '@ar/testing';

// Write-offs (finance) take what cannot be collected out of the receivable through the ledger; unapplied credit
// (what overpayments left) is applied to open invoices by finance; a client whose credit covers its overdue
// balance is not dunned. Runs on the real clock so that the webhook endpoint hears the events.
describe('workflow: write-offs and unapplied credit', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const receiver = new WebhookReceiver();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const invoicing = () => system.invoicingFactory;
  const finance = () => invoicing().finance;
  let account: Awaited<ReturnType<RunningSystem['invoicingFactory']['newAccount']>>;
  const balance = async (clientId: string) => (await finance().get(`/v1/clients/${clientId}/balance`)).body.find((b: any) => b.currency === 'EUR');

  beforeAll(async () => {
    env = await isolatedEnvironment('workflow_writeoffs');
    system = await startSystem({ collections: true });
    const endpoint = await finance().post('/v1/webhook-endpoints', { url: await receiver.start(), events: ['invoice.written_off', 'credit.applied'] });
    expect(endpoint.status).toBe(201);
    account = await invoicing().newAccount();
  });
  afterAll(async () => {
    await system.close();
    await receiver.stop();
    await env.restore();
  });

  it('writes off part, then the rest: the balance leaves through the ledger and the invoice ends written_off', async () => {
    const invoice = await invoicing().newInvoice(account.contract.id, 100_000, { issueDate: '2026-01-01' });
    const url = `/v1/invoices/${invoice.id}/write-off`;
    expectProblem(await account.managerApi.post(url, { reason: 'hopeless' }), 403);
    const stranger = await system.contractsFactory.newUser('account_manager');
    expectProblem(await invoicing().invoicing.as(stranger.token).post(url, { reason: 'hopeless' }), 404);
    expectProblem(await finance().post(url, { amount: 100_001, reason: 'too much' }), 422);
    expectProblem(await finance().post(url, { amount: 30_000 }), 400);
    expectProblem(await finance().post(url, { amount: 0, reason: 'nothing' }), 400);
    expect((await invoicing().invoice(invoice.id)).balance).toBe(100_000);

    const part = await finance().post(url, { amount: 30_000, reason: 'Agreed settlement discount after insolvency talks' });
    expect(part.status).toBe(200);
    expect(part.body).toMatchObject({ amount: 30_000, currency: 'EUR', writtenOffOn: today, invoiceId: invoice.id });
    expect(part.body.invoice).toMatchObject({ status: 'partially_paid', balance: 70_000, amountWrittenOff: 30_000, amountCredited: 0 });

    const rest = await finance().post(url, { reason: 'Debtor insolvent, no assets' });
    expect(rest.status).toBe(200);
    expect(rest.body.amount).toBe(70_000);
    expect(rest.body.invoice).toMatchObject({ status: 'written_off', balance: 0, amountWrittenOff: 100_000, overdue: false, daysOverdue: 0 });
    expectProblem(await finance().post(url, { reason: 'again' }), 409);

    const claim = (await finance().get(`/v1/invoices/${invoice.id}/claim`)).body;
    expect(claim.principal).toMatchObject({ total: 100_000, writtenOff: 100_000, credited: 0, outstanding: 0 });
    expect(claim.applied.map((a: any) => [a.kind, a.amount])).toEqual([['write_off', 30_000], ['write_off', 70_000]]);
    const statement = (await finance().get(`/v1/clients/${account.client.id}/statement?from=2026-01-01&to=${today}`)).body;
    expect(statement.entries.filter((e: any) => e.kind === 'write_off').map((e: any) => e.credit)).toEqual([30_000, 70_000]);
    expect(statement.closing).toBe(0);
    const aging = (await finance().get(`/v1/reports/aging?asOf=${today}&groupBy=client`)).body.rows.filter((r: any) => r.key === account.client.id);
    expect(aging.reduce((n: number, r: any) => n + r.total, 0)).toBe(0);
    // A void or paid invoice has nothing to write off.
    const paid = await invoicing().newInvoice(account.contract.id, 5_000, { issueDate: '2026-01-01' });
    expect((await invoicing().pay({ clientId: account.client.id, amount: 5_000, invoiceId: paid.id })).status).toBe(201);
    expectProblem(await finance().post(`/v1/invoices/${paid.id}/write-off`, { reason: 'x' }), 409);
  });

  it('applies unapplied credit to open invoices, oldest due first (finance only)', async () => {
    const { client, contract, managerApi } = await invoicing().newAccount();
    const first = await invoicing().newInvoice(contract.id, 20_000, { issueDate: '2026-01-01' });
    expect((await invoicing().pay({ clientId: client.id, amount: 50_000, invoiceId: first.id })).status).toBe(201);
    const older = await invoicing().newInvoice(contract.id, 25_000, { issueDate: '2026-02-01' });
    const newer = await invoicing().newInvoice(contract.id, 10_000, { issueDate: '2026-03-01' });
    expect(await balance(client.id)).toMatchObject({ open: 35_000, unappliedCredit: 30_000 });

    expectProblem(await managerApi.post(`/v1/clients/${client.id}/apply-credit`, {}), 403);
    expectProblem(await finance().post(`/v1/clients/${client.id}/apply-credit`, { invoiceIds: ['nope'] }), 400);
    expectProblem(await finance().post(`/v1/clients/${client.id}/apply-credit`, { invoiceIds: [account.contract.id] }), 422);
    const applied = await finance().post(`/v1/clients/${client.id}/apply-credit`, {});
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toEqual([{ currency: 'EUR', amount: 30_000 }]);
    expect(applied.body.allocations.map((a: any) => [a.invoiceId, a.amount])).toEqual([[older.id, 25_000], [newer.id, 5_000]]);
    expect((await invoicing().invoice(older.id)).status).toBe('paid');
    expect((await invoicing().invoice(newer.id))).toMatchObject({ status: 'partially_paid', balance: 5_000 });
    expect(await balance(client.id)).toMatchObject({ open: 5_000, unappliedCredit: 0 });
    // Nothing left to apply: a second call applies nothing.
    expect((await finance().post(`/v1/clients/${client.id}/apply-credit`, {})).body.applied).toEqual([]);
    // The statement still closes at what is owed less credit.
    const statement = (await finance().get(`/v1/clients/${client.id}/statement?from=2026-01-01&to=${today}`)).body;
    expect(statement.closing).toBe(5_000);
  });

  it('does not dun a client whose credit covers its overdue balance', async () => {
    const { client, contract } = await invoicing().newAccount();
    const late = await invoicing().newInvoice(contract.id, 10_000, { issueDate: '2026-01-01' });
    const other = await invoicing().newInvoice(contract.id, 5_000, { issueDate: '2026-01-01' });
    expect((await invoicing().pay({ clientId: client.id, amount: 30_000, invoiceId: other.id })).status).toBe(201);
    const control = await invoicing().newAccount();
    const controlInvoice = await invoicing().newInvoice(control.contract.id, 10_000, { issueDate: '2026-01-01' });

    await new CollectionsDriver(system.collections!.api.as(tokenFor('finance'))).sweep(today);
    expect((await invoicing().invoice(controlInvoice.id)).dunningLevel).toBeGreaterThan(0);
    expect((await invoicing().invoice(late.id)).dunningLevel).toBe(0);
    expect((await system.collections!.api.as(tokenFor('admin')).get(`/v1/tasks?clientId=${client.id}`)).body.data).toEqual([]);
  });

  it('announces write-offs and applied credit to webhook subscribers', async () => {
    const events = await eventually(
      () => receiver.received.map((r) => JSON.parse(r.body)),
      (received) => received.filter((e: any) => e.type === 'invoice.written_off').length === 2 && received.some((e: any) => e.type === 'credit.applied'),
    );
    const writeOffs = events.filter((e: any) => e.type === 'invoice.written_off').map((e: any) => e.data);
    expect(writeOffs.map((w: any) => [w.amount, w.balance])).toEqual(expect.arrayContaining([[30_000, 70_000], [70_000, 0]]));
    expect(events.find((e: any) => e.type === 'credit.applied').data).toMatchObject({ currency: 'EUR', amount: 30_000, appliedOn: today });
  });
});
