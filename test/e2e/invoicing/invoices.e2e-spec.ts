import { countRows, expectProblem, RunningSystem, startSystem, tokenFor, withDatabase } from '@ar/testing';

describe('invoicing service: invoices and credit notes', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.close());

  const f = () => system.invoicingFactory;

  it('issues an invoice from an active contract: totals rounded per line, due date from the payment term', async () => {
    const { contract, client, managerApi } = await f().newAccount({ paymentTermDays: 14 });
    const res = await managerApi.post('/v1/invoices', {
      contractId: contract.id,
      issueDate: '2026-03-20',
      lines: [
        { description: 'Hours', quantity: 1.5, unitPrice: 3333, taxRatePercent: 19 },
        { description: 'Travel', quantity: 1, unitPrice: 1050, taxRatePercent: 19 },
      ],
    });
    expect(res.status).toBe(201);
    // 1.5 × 33.33 = 49.995 → 50.00; tax 19 % of 5000 = 950; 19 % of 1050 = 199.5 → 200
    expect(res.body).toMatchObject({
      clientId: client.id,
      contractId: contract.id,
      currency: 'EUR',
      issueDate: '2026-03-20',
      dueDate: '2026-04-03',
      subtotal: 6050,
      taxTotal: 1150,
      total: 7200,
      amountPaid: 0,
      amountCredited: 0,
      balance: 7200,
      status: 'open',
      disputed: false,
      dunningLevel: 0,
      lateInterest: 0,
    });
    expect(res.body.number).toMatch(/^2026-\d{6}$/);
    expect(res.body.lines[0]).toMatchObject({ netAmount: 5000, taxAmount: 950 });

    const events = await withDatabase(async (db) => (await db.query(`SELECT type FROM invoicing.outbox_events WHERE aggregate_id = $1`, [res.body.id])).rows);
    expect(events).toEqual([{ type: 'invoice.issued' }]);
  });

  it('generates unique numbers per year and keeps a given number unique per client', async () => {
    const { contract } = await f().newAccount();
    const a = await f().newInvoice(contract.id, 100);
    const b = await f().newInvoice(contract.id, 100);
    expect(a.number).not.toBe(b.number);
    await f().newInvoice(contract.id, 100, { number: 'R-1' });
    expectProblem(await f().admin.post('/v1/invoices', { contractId: contract.id, issueDate: '2026-01-01', number: 'R-1', lines: [{ description: 'x', quantity: 1, unitPrice: 1 }] }), 409);
  });

  it('evaluates overdue and daysOverdue for the asOf date', async () => {
    const { contract } = await f().newAccount({ paymentTermDays: 30 });
    const invoice = await f().newInvoice(contract.id, 1000, { issueDate: '2026-01-01' });
    expect(invoice.dueDate).toBe('2026-01-31');
    expect(await f().invoice(invoice.id, '2026-01-31')).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(await f().invoice(invoice.id, '2026-02-10')).toMatchObject({ overdue: true, daysOverdue: 10 });

    const overdue = await f().admin.get(`/v1/invoices?clientId=${invoice.clientId}&overdue=true&asOf=2026-02-10`);
    expect(overdue.body.data.map((i: { id: string }) => i.id)).toEqual([invoice.id]);
    const notYet = await f().admin.get(`/v1/invoices?clientId=${invoice.clientId}&overdue=true&asOf=2026-01-15`);
    expect(notYet.body.data).toEqual([]);
    const open = await f().admin.get(`/v1/invoices?clientId=${invoice.clientId}&status=open`);
    expect(open.body.data).toHaveLength(1);
  });

  it('refuses with 422: a draft or suspended contract, a blocked client, exposure above the limit while on hold', async () => {
    const { client, contract } = await f().newAccount();
    const draft = await system.contractsFactory.newContract(client.id);
    const body = (contractId: string, unitPrice = 100) => ({ contractId, issueDate: '2026-01-01', lines: [{ description: 'x', quantity: 1, unitPrice }] });
    expectProblem(await f().admin.post('/v1/invoices', body(draft.id)), 422);

    const admin = system.contractsFactory.admin;
    await admin.patch(`/v1/clients/${client.id}`, { creditLimit: { amount: 1000, currency: 'EUR' }, status: 'on_hold' });
    expect((await f().admin.post('/v1/invoices', body(contract.id, 800))).status).toBe(201);
    expectProblem(await f().admin.post('/v1/invoices', body(contract.id, 201)), 422);
    expect((await f().admin.post('/v1/invoices', body(contract.id, 200))).status).toBe(201);

    await admin.patch(`/v1/clients/${client.id}`, { status: 'blocked' });
    const before = await countRows('invoicing.invoices', 'client_id = $1', [client.id]);
    const refused = await f().admin.post('/v1/invoices', body(contract.id, 1));
    expectProblem(refused, 422);
    expect(refused.body.detail).toMatch(/blocked/);
    expect(await countRows('invoicing.invoices', 'client_id = $1', [client.id])).toBe(before);

    await admin.post(`/v1/contracts/${contract.id}/suspend`);
    await admin.patch(`/v1/clients/${client.id}`, { status: 'active' });
    expectProblem(await f().admin.post('/v1/invoices', body(contract.id)), 422);
  });

  it.each([
    ['no lines', { lines: [] }],
    ['fractional unit price', { lines: [{ description: 'x', quantity: 1, unitPrice: 10.5 }] }],
    ['quantity with 5 decimals', { lines: [{ description: 'x', quantity: 1.00001, unitPrice: 10 }] }],
    ['zero quantity', { lines: [{ description: 'x', quantity: 0, unitPrice: 10 }] }],
    ['bad issue date', { issueDate: '2026-13-01' }],
    ['due before issue', { dueDate: '2025-12-01' }],
    ['unknown field', { currency: 'USD' }],
  ])('rejects %s with 400 and writes nothing', async (_, patch) => {
    const { contract } = await f().newAccount();
    const before = await countRows('invoicing.invoices');
    const res = await f().admin.post('/v1/invoices', {
      contractId: contract.id,
      issueDate: '2026-01-01',
      lines: [{ description: 'x', quantity: 1, unitPrice: 100 }],
      ...patch,
    });
    expectProblem(res, 400);
    expect(await countRows('invoicing.invoices')).toBe(before);
  });

  it('hides other managers’ invoices and contracts behind 404', async () => {
    const mine = await f().newAccount();
    const theirs = await f().newAccount();
    const invoice = await f().newInvoice(theirs.contract.id, 500);
    expectProblem(await mine.managerApi.get(`/v1/invoices/${invoice.id}`), 404);
    expectProblem(await mine.managerApi.post(`/v1/invoices/${invoice.id}/dispute`, { reason: 'x' }), 404);
    expectProblem(await mine.managerApi.post('/v1/invoices', { contractId: theirs.contract.id, issueDate: '2026-01-01', lines: [{ description: 'x', quantity: 1, unitPrice: 1 }] }), 404);
    expectProblem(await mine.managerApi.post('/v1/credit-notes', { invoiceId: invoice.id, amount: 1, reason: 'x' }), 404);
    const list = await mine.managerApi.get('/v1/invoices?limit=500');
    expect(list.body.data.map((i: { id: string }) => i.id)).not.toContain(invoice.id);
    expect((await theirs.managerApi.get(`/v1/invoices/${invoice.id}`)).status).toBe(200);
  });

  it('disputes and resolves, with 409 for impossible transitions', async () => {
    const { contract } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 500);
    const disputed = await f().admin.post(`/v1/invoices/${invoice.id}/dispute`, { reason: 'Damaged goods' });
    expect(disputed.body).toMatchObject({ disputed: true, disputeReason: 'Damaged goods' });
    expectProblem(await f().admin.post(`/v1/invoices/${invoice.id}/dispute`, { reason: 'again' }), 409);
    expectProblem(await f().admin.post(`/v1/invoices/${invoice.id}/dispute`, {}), 400);
    expect((await f().admin.post(`/v1/invoices/${invoice.id}/resolve-dispute`)).body.disputed).toBe(false);
    expectProblem(await f().admin.post(`/v1/invoices/${invoice.id}/resolve-dispute`), 409);
  });

  it('voids an untouched invoice but answers 409 once money was applied', async () => {
    const { contract, client } = await f().newAccount();
    const untouched = await f().newInvoice(contract.id, 500);
    expect((await f().admin.post(`/v1/invoices/${untouched.id}/void`)).body).toMatchObject({ status: 'void', overdue: false });
    expectProblem(await f().admin.post(`/v1/invoices/${untouched.id}/void`), 409);

    const paid = await f().newInvoice(contract.id, 500);
    await f().pay({ clientId: client.id, amount: 100, invoiceId: paid.id });
    expectProblem(await f().admin.post(`/v1/invoices/${paid.id}/void`), 409);
    expect((await f().invoice(paid.id)).status).toBe('partially_paid');
  });

  it('credits part of an invoice, refuses more than the balance with 422, and settles at zero', async () => {
    const { contract } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 1000);
    const note = await f().admin.post('/v1/credit-notes', { invoiceId: invoice.id, amount: 300, reason: 'Late delivery' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ invoiceId: invoice.id, amount: 300, currency: 'EUR' });
    expect(await f().invoice(invoice.id)).toMatchObject({ amountCredited: 300, balance: 700, status: 'partially_paid' });
    expectProblem(await f().admin.post('/v1/credit-notes', { invoiceId: invoice.id, amount: 701, reason: 'too much' }), 422);
    expectProblem(await f().admin.post('/v1/credit-notes', { invoiceId: invoice.id, amount: 0, reason: 'zero' }), 400);
    await f().admin.post('/v1/credit-notes', { invoiceId: invoice.id, amount: 700, reason: 'rest' });
    expect(await f().invoice(invoice.id)).toMatchObject({ balance: 0, status: 'paid' });
  });

  it('needs a token for everything', async () => {
    expectProblem(await system.invoicing.api.get('/v1/invoices'), 401);
    expect((await system.invoicing.api.as(tokenFor('head_of_sales')).get('/v1/invoices')).status).toBe(200);
  });
});
