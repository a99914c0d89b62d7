import { countRows, expectProblem, RunningSystem, startSystem, tokenFor, withDatabase } from '@ar/testing';

// Claimable interest: finance charges the open interest and fees on an interest invoice (never the same days
// twice), or finance/head of sales waive them, which stops accrual. Dates follow worked example 1.
describe('claims: charging and waiving late interest', () => {
  let system: RunningSystem;
  const ids: Record<string, any> = {};
  const f = () => system.invoicingFactory;
  const claimOf = async (asOf?: string) => (await f().admin.get(`/v1/invoices/${ids.invoice.id}/claim${asOf ? `?asOf=${asOf}` : ''}`)).body;

  beforeAll(async () => {
    system = await startSystem();
    Object.assign(ids, await f().newAccount({ lateInterest: { rule: 'de_b2b' }, paymentTermDays: 30, startsOn: '2025-01-01' }));
    ids.invoice = await f().newInvoice(ids.contract.id, 1_000_000, { issueDate: '2025-04-15' });
    system.setToday('2025-07-20');
    await f().pay({ clientId: ids.client.id, amount: 400_000, receivedOn: '2025-07-10' });
  });
  afterAll(() => system.close());

  it('charges the open interest and the flat fee on an interest invoice linked to the original, which bears none itself', async () => {
    expectProblem(await ids.managerApi.post(`/v1/invoices/${ids.invoice.id}/charge-interest`), 403);
    const charged = await f().finance.post(`/v1/invoices/${ids.invoice.id}/charge-interest`);
    expect(charged.status).toBe(201);
    expect(charged.body).toMatchObject({ kind: 'interest', originalInvoiceId: ids.invoice.id, clientId: ids.client.id, issueDate: '2025-07-20', dueDate: '2025-08-19', total: 22_592, status: 'open' });
    expect(charged.body.lines.map((l: { netAmount: number }) => l.netAmount)).toEqual([18_592, 4_000]);
    ids.first = charged.body;

    // The original no longer shows what was charged; its claim says where it went.
    expect(await f().invoice(ids.invoice.id)).toMatchObject({ lateInterest: 0, lateFees: 0 });
    expect(await claimOf()).toMatchObject({ interest: 18_592, interestCharged: 18_592, feesCharged: 4_000, openInterest: 0, openFees: 0, totalClaimable: 600_000 });
    // An interest invoice never bears interest, however late.
    expect(await f().invoice(ids.first.id, '2026-06-30')).toMatchObject({ overdue: true, lateInterest: 0, lateFees: 0 });
  });

  it('never charges the same days twice', async () => {
    expectProblem(await f().finance.post(`/v1/invoices/${ids.invoice.id}/charge-interest`), 422);
    system.setToday('2025-07-31');
    const second = await f().finance.post(`/v1/invoices/${ids.invoice.id}/charge-interest`);
    expect(second.status).toBe(201);
    // 14,203 + 2,532 + 22 days at 600,000 and 10.27 % (3,714) = 20,449 accrued, 18,592 already charged.
    expect(second.body).toMatchObject({ kind: 'interest', total: 1_857 });
    expect(await countRows('invoicing.invoices', 'original_invoice_id = $1', [ids.invoice.id])).toBe(2);
    const events = await withDatabase(async (db) => (await db.query(`SELECT count(*) AS n FROM invoicing.outbox_events WHERE type = 'invoice.interest_charged' AND aggregate_id = $1`, [ids.invoice.id])).rows[0].n);
    expect(Number(events)).toBe(2);
  });

  it('waives what is open and stops accrual; nothing can be charged after a waiver', async () => {
    system.setToday('2025-08-15');
    const head = f().invoicing.as(tokenFor('head_of_sales'));
    expectProblem(await ids.managerApi.post(`/v1/invoices/${ids.invoice.id}/waive-interest`, { reason: 'goodwill' }), 403);
    expectProblem(await head.post(`/v1/invoices/${ids.invoice.id}/waive-interest`, {}), 400);
    const waived = await head.post(`/v1/invoices/${ids.invoice.id}/waive-interest`, { reason: 'Goodwill after the delivery delay' });
    expect(waived.status).toBe(200);
    // 2025-08-01..08-15: 15 days at 600,000 and 10.27 % = 2,532.33 → waived 2,532 (the sum of periods less what was charged).
    expect(waived.body).toMatchObject({ asOf: '2025-08-15', interestWaived: 2_532, openInterest: 0, totalClaimable: 600_000 });

    expect(await f().invoice(ids.invoice.id, '2025-12-31')).toMatchObject({ lateInterest: 0, lateFees: 0 });
    expect((await claimOf('2025-12-31')).periods.at(-1).to).toBe('2025-08-15');
    expectProblem(await f().finance.post(`/v1/invoices/${ids.invoice.id}/charge-interest`), 409);
    expectProblem(await head.post(`/v1/invoices/${ids.invoice.id}/waive-interest`, { reason: 'again' }), 409);
    const audit = await withDatabase(async (db) => (await db.query(`SELECT kind, reason, through::text FROM invoicing.interest_adjustments WHERE invoice_id = $1 ORDER BY created_at`, [ids.invoice.id])).rows);
    expect(audit).toEqual([
      { kind: 'charge', reason: null, through: '2025-07-20' },
      { kind: 'charge', reason: null, through: '2025-07-31' },
      { kind: 'waive', reason: 'Goodwill after the delivery delay', through: '2025-08-15' },
    ]);
  });
});
