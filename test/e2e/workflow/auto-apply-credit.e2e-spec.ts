import { eventually, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem } from '@ar/testing';

// With AUTO_APPLY_CREDIT=true the worker applies unapplied credit by itself: to a new invoice, and when a payment
// leaves credit while other invoices are open.
describe('workflow: credit applied automatically when the installation says so', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const f = () => system.invoicingFactory;
  const balance = async (clientId: string) => (await f().finance.get(`/v1/clients/${clientId}/balance`)).body.find((b: any) => b.currency === 'EUR');

  beforeAll(async () => {
    env = await isolatedEnvironment('workflow_auto_credit');
    process.env.AUTO_APPLY_CREDIT = 'true';
    system = await startSystem({ collections: true });
  });
  afterAll(async () => {
    delete process.env.AUTO_APPLY_CREDIT;
    await system.close();
    await env.restore();
  });

  it('applies credit to an invoice issued later, and a payment’s remainder to the other open invoices', async () => {
    const { client, contract } = await f().newAccount();
    const first = await f().newInvoice(contract.id, 10_000, { issueDate: '2026-01-01' });
    expect((await f().pay({ clientId: client.id, amount: 40_000, invoiceId: first.id })).status).toBe(201);
    await eventually(() => balance(client.id), (b) => b?.unappliedCredit === 30_000);

    const later = await f().newInvoice(contract.id, 12_000, { issueDate: '2026-02-01' });
    await eventually(() => f().invoice(later.id), (i) => i.status === 'paid');
    expect(await balance(client.id)).toMatchObject({ open: 0, unappliedCredit: 18_000 });

    // A payment naming one invoice leaves credit; the worker takes it on to the others.
    const a = await f().newInvoice(contract.id, 50_000, { issueDate: '2026-02-01' });
    await eventually(() => f().invoice(a.id), (i) => i.balance === 32_000);
    const b = await f().newInvoice(contract.id, 20_000, { issueDate: '2026-03-01' });
    expect((await f().pay({ clientId: client.id, amount: 40_000, invoiceId: b.id, receivedOn: '2026-03-02' })).status).toBe(201);
    await eventually(() => balance(client.id), (x) => x?.unappliedCredit === 0);
    expect(await f().invoice(a.id)).toMatchObject({ status: 'partially_paid', balance: 12_000 });
    expect(await balance(client.id)).toMatchObject({ open: 12_000 });
  });
});
