import { countRows, expectProblem, RunningSystem, startSystem } from '@ar/testing';

// Finding 3 of the hardening review: an account manager could not unblock a client, but could credit its
// whole balance (or void the invoice) and let a solvency check lift the block.
describe('hardening: credit notes and voids are finance and admin operations', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.close());

  const f = () => system.invoicingFactory;

  it('refuses a manager’s credit note and void on their own client’s invoice with 403 and changes nothing', async () => {
    const { contract, managerApi } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 10_000);
    expectProblem(await managerApi.post('/v1/credit-notes', { invoiceId: invoice.id, amount: 10_000, reason: 'make it go away' }), 403);
    expectProblem(await managerApi.post(`/v1/invoices/${invoice.id}/void`), 403);
    expect(await countRows('invoicing.credit_notes', 'invoice_id = $1', [invoice.id])).toBe(0);
    expect(await f().invoice(invoice.id)).toMatchObject({ status: 'open', balance: 10_000, amountCredited: 0 });
  });

  it('still answers 404, not 403, for an invoice the manager may not see', async () => {
    const mine = await f().newAccount();
    const theirs = await f().newAccount();
    const invoice = await f().newInvoice(theirs.contract.id, 500);
    expectProblem(await mine.managerApi.post('/v1/credit-notes', { invoiceId: invoice.id, amount: 1, reason: 'x' }), 404);
    expectProblem(await mine.managerApi.post(`/v1/invoices/${invoice.id}/void`), 404);
  });

  it('lets a head of sales neither credit nor void, and finance and admins do both', async () => {
    const { contract } = await f().newAccount();
    const head = f().invoicing.as((await system.contractsFactory.newUser('head_of_sales')).token);
    const credited = await f().newInvoice(contract.id, 10_000);
    const voided = await f().newInvoice(contract.id, 10_000);
    expectProblem(await head.post('/v1/credit-notes', { invoiceId: credited.id, amount: 100, reason: 'x' }), 403);
    expectProblem(await head.post(`/v1/invoices/${voided.id}/void`), 403);
    expect((await f().finance.post('/v1/credit-notes', { invoiceId: credited.id, amount: 10_000, reason: 'returned goods' })).status).toBe(201);
    expect((await f().admin.post(`/v1/invoices/${voided.id}/void`)).status).toBe(200);
  });
});

describe('credit-note requests: a manager asks, finance decides', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.close());

  const f = () => system.invoicingFactory;

  it('a manager’s request is visible to finance; approving it issues the credit note once, and the request records who decided', async () => {
    const { contract, client, managerApi, manager } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 10_000);
    const requested = await managerApi.post('/v1/credit-note-requests', { invoiceId: invoice.id, amount: 2_500, reason: 'Late delivery, agreed on the phone' });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ invoiceId: invoice.id, clientId: client.id, amount: 2_500, currency: 'EUR', status: 'pending', requestedBy: manager.id, creditNoteId: null });
    // Nothing is credited until finance decides.
    expect(await f().invoice(invoice.id)).toMatchObject({ amountCredited: 0, balance: 10_000 });

    const pending = (await f().finance.get('/v1/credit-note-requests?status=pending&limit=500')).body.data.map((r: { id: string }) => r.id);
    expect(pending).toContain(requested.body.id);
    expectProblem(await managerApi.post(`/v1/credit-note-requests/${requested.body.id}/approve`, {}), 403);

    const approved = await f().finance.post(`/v1/credit-note-requests/${requested.body.id}/approve`, { note: 'ok' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decisionNote: 'ok', creditNoteId: expect.any(String), decidedBy: expect.any(String) });
    expect(await f().invoice(invoice.id)).toMatchObject({ amountCredited: 2_500, balance: 7_500 });
    expectProblem(await f().finance.post(`/v1/credit-note-requests/${requested.body.id}/approve`, {}), 409);
    expect(await countRows('invoicing.credit_notes', 'invoice_id = $1', [invoice.id])).toBe(1);
    expect((await managerApi.get(`/v1/credit-note-requests/${requested.body.id}`)).body.status).toBe('approved');
  });

  it('a rejection needs a reason and credits nothing; other managers see neither the invoice nor the request', async () => {
    const mine = await f().newAccount();
    const theirs = await f().newAccount();
    const invoice = await f().newInvoice(mine.contract.id, 10_000);
    const requested = (await mine.managerApi.post('/v1/credit-note-requests', { invoiceId: invoice.id, amount: 1_000, reason: 'Goodwill' })).body;
    expectProblem(await theirs.managerApi.get(`/v1/credit-note-requests/${requested.id}`), 404);
    expectProblem(await theirs.managerApi.post('/v1/credit-note-requests', { invoiceId: invoice.id, amount: 1, reason: 'x' }), 404);
    expect((await theirs.managerApi.get('/v1/credit-note-requests?limit=500')).body.data.map((r: { id: string }) => r.id)).not.toContain(requested.id);
    expectProblem(await mine.managerApi.post('/v1/credit-note-requests', { invoiceId: invoice.id, amount: 10_001, reason: 'too much' }), 422);

    expectProblem(await f().finance.post(`/v1/credit-note-requests/${requested.id}/reject`, {}), 400);
    const rejected = await f().finance.post(`/v1/credit-note-requests/${requested.id}/reject`, { reason: 'Delivered on time' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: 'Delivered on time', creditNoteId: null });
    expect(await f().invoice(invoice.id)).toMatchObject({ amountCredited: 0, balance: 10_000 });
  });
});
