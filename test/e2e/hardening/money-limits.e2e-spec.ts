import { countRows, expectProblem, RunningSystem, startSystem } from '@ar/testing';

// Finding 1 of the hardening review: amounts past 2^53 were summed as JS numbers, committed off by one, and
// then made every read of the invoice fail.
describe('hardening: amounts above the documented maximum are refused before anything is written', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.close());

  const f = () => system.invoicingFactory;

  it('refuses lines whose exact sum passes the maximum (9007 × 999999999999 + 1 × 999999999999) with 400 and writes nothing', async () => {
    const { contract, client, managerApi } = await f().newAccount();
    const res = await managerApi.post('/v1/invoices', {
      contractId: contract.id,
      issueDate: '2026-01-01',
      lines: [
        { description: 'a', quantity: 9007, unitPrice: 999_999_999_999 },
        { description: 'b', quantity: 1, unitPrice: 999_999_999_999 },
      ],
    });
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'lines[0]' })]);
    expect(await countRows('invoicing.invoices', 'client_id = $1', [client.id])).toBe(0);
    expect(await countRows('invoicing.outbox_events', `data->>'clientId' = $1`, [client.id])).toBe(0);

    const list = await managerApi.get(`/v1/invoices?clientId=${client.id}`);
    expect(list.status).toBe(200);
  });

  it('refuses a single line above the maximum, and a unit price above it, with 4xx problem+json', async () => {
    const { contract, client, managerApi } = await f().newAccount();
    const body = (quantity: number, unitPrice: number) => ({ contractId: contract.id, issueDate: '2026-01-01', lines: [{ description: 'x', quantity, unitPrice }] });
    expectProblem(await managerApi.post('/v1/invoices', body(1_000_000, 9_999_999_999)), 400);
    expectProblem(await managerApi.post('/v1/invoices', body(1, 2 ** 53 + 2)), 400);
    expect(await countRows('invoicing.invoices', 'client_id = $1', [client.id])).toBe(0);
  });

  it('accepts an invoice of exactly the maximum and reads it back, voids it, and lists it', async () => {
    const { contract, managerApi } = await f().newAccount();
    const res = await managerApi.post('/v1/invoices', {
      contractId: contract.id,
      issueDate: '2026-01-01',
      lines: [
        { description: 'a', quantity: 1, unitPrice: 9_999_999_999_998 },
        { description: 'b', quantity: 1, unitPrice: 1 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.total).toBe(9_999_999_999_999);
    expect((await f().admin.get(`/v1/invoices/${res.body.id}`)).body.total).toBe(9_999_999_999_999);
    expect((await f().admin.get(`/v1/invoices?clientId=${res.body.clientId}`)).status).toBe(200);
    expect((await f().admin.post(`/v1/invoices/${res.body.id}/void`)).status).toBe(200);
  });

  it('refuses payments, credit notes and credit limits above the maximum with 400', async () => {
    const { client, contract } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 1000);
    expectProblem(await f().pay({ clientId: client.id, amount: 10_000_000_000_000 }), 400);
    expectProblem(await f().admin.post('/v1/credit-notes', { invoiceId: invoice.id, amount: 10_000_000_000_000, reason: 'too much' }), 400);
    expectProblem(
      await system.contractsFactory.admin.patch(`/v1/clients/${client.id}`, { creditLimit: { amount: 10_000_000_000_000, currency: 'EUR' } }),
      400,
    );
    expect(await countRows('invoicing.payments', 'client_id = $1', [client.id])).toBe(0);
    expect(await countRows('invoicing.credit_notes', 'invoice_id = $1', [invoice.id])).toBe(0);
  });
});
