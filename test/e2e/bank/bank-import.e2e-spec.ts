import { randomUUID } from 'node:crypto';
import { camtMessage, eventually, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor, withDatabase } from '@ar/testing';

const OUR_ACCOUNT = 'DE02120300000000202051';
const today = '2026-04-15';

/**
 * Bank statements in, cash applied: a finance system posts the bank's camt files; what a reference, an invoice
 * number or a learnt payer account proves is applied once, the rest waits in the suspense list for finance.
 */
describe('bank statements: camt import, matching and the suspense list', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const finance = () => system.invoicing.api.as(tokenFor('finance'));
  const post = (xml: string, token = tokenFor('finance')) => system.invoicing.api.as(token).post('/v1/bank-statements', xml, { 'content-type': 'application/xml' });
  const completed = (id: string) => eventually(async () => (await finance().get(`/v1/bank-statements/${id}`)).body, (s) => s.status === 'completed', 20_000);
  const paymentsOf = async (clientId: string) => (await finance().get(`/v1/payments?clientId=${clientId}`)).body.data;

  beforeAll(async () => {
    env = await isolatedEnvironment('bank_import');
    system = await startSystem({ collections: true });
    system.setToday(today);
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  async function account(clientExtra: Record<string, unknown> = {}) {
    const f = system.invoicingFactory;
    const { client, contract, managerApi } = await f.newAccount({ paymentTermDays: 14 }, clientExtra);
    return { client, contract, managerApi, invoice: (total: number, issueDate = '2026-03-01') => f.newInvoice(contract.id, total, { issueDate }) };
  }

  it("applies entries by a letter's RF reference, by invoice numbers in the remittance and by a learnt payer account", async () => {
    const a = await account();
    const claimed = await a.invoice(119_000, '2026-02-01');
    const other = await a.invoice(50_000, '2026-03-01');
    const third = await a.invoice(23_800, '2026-03-05');
    const letter = (await a.managerApi.post('/v1/letters', { clientId: a.client.id, kind: 'reminder', invoiceIds: [claimed.id], send: false })).body;
    const iban = 'DE89370400440532013000';
    const xml = camtMessage('053', OUR_ACCOUNT, [
      { amount: '1190.00', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ creditorReference: letter.reference, debtorIban: iban, debtorName: 'Muster GmbH' }] },
      { amount: '500.00', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ remittance: `Rechnung ${other.number} vielen Dank`, debtorIban: iban }] },
    ]);
    const imported = await post(xml);
    expect(imported.status).toBe(202);
    expect(imported.body).toMatchObject({ status: 'processing', messageType: 'camt.053', account: OUR_ACCOUNT, entries: 2, credits: 2, duplicates: 0 });
    expect(await completed(imported.body.id)).toMatchObject({ matched: 2, unmatched: 0 });
    expect((await system.invoicingFactory.invoice(claimed.id)).balance).toBe(0);
    expect((await system.invoicingFactory.invoice(other.id)).balance).toBe(0);

    // The payer's IBAN is now known: an entry without any reference, for exactly one open invoice's balance, is theirs.
    const later = await post(camtMessage('053', OUR_ACCOUNT, [{ amount: '238.00', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ debtorIban: iban }] }]));
    expect(await completed(later.body.id)).toMatchObject({ matched: 1 });
    expect((await system.invoicingFactory.invoice(third.id)).balance).toBe(0);
    const payments = await paymentsOf(a.client.id);
    expect(payments.map((p: { amount: number }) => p.amount).sort((x: number, y: number) => x - y)).toEqual([23_800, 50_000, 119_000]);
    // The sums agree to the cent: entries, payments, allocations, and what the client owes.
    const allocated = payments.flatMap((p: { allocations: { amount: number }[] }) => p.allocations).reduce((sum: number, x: { amount: number }) => sum + x.amount, 0);
    expect(allocated).toBe(1190_00 + 500_00 + 238_00);
    expect((await finance().get(`/v1/clients/${a.client.id}/balance`)).body).toEqual([{ currency: 'EUR', open: 0, overdue: 0, unappliedCredit: 0 }]);
  });

  it('applies the same entry once when the camt.052 of the day and the camt.053 of the night both report it', async () => {
    const a = await account();
    const invoice = await a.invoice(77_700);
    const entry = { amount: '777.00', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ remittance: `Invoice ${invoice.number}` }] };
    const intraday = await post(camtMessage('052', OUR_ACCOUNT, [entry]));
    await completed(intraday.body.id);
    const night = await post(camtMessage('053', OUR_ACCOUNT, [entry]));
    expect(night.body).toMatchObject({ credits: 1, duplicates: 1 });
    await completed(night.body.id);
    // The very same file again, too.
    expect((await post(camtMessage('052', OUR_ACCOUNT, [entry]))).body).toMatchObject({ duplicates: 1 });
    expect(await paymentsOf(a.client.id)).toHaveLength(1);
  });

  it('matches a batch booking detail by detail, and sends one whose details do not add up to the suspense list', async () => {
    const a = await account();
    const [x, y, z] = [await a.invoice(10_000), await a.invoice(20_000), await a.invoice(30_000)];
    const batch = {
      amount: '600.00', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`,
      details: [{ amount: '100.00', remittance: x.number }, { amount: '200.00', remittance: y.number }, { amount: '300.00', creditorReference: z.number }],
    };
    const broken = { ...batch, amount: '599.99', accountServicerReference: `ASR-${randomUUID()}` };
    const imported = await post(camtMessage('054', OUR_ACCOUNT, [batch, broken]));
    expect(await completed(imported.body.id)).toMatchObject({ matched: 1, unmatched: 1 });
    for (const invoice of [x, y, z]) expect((await system.invoicingFactory.invoice(invoice.id)).balance).toBe(0);
    const suspense = (await finance().get('/v1/bank-statements/entries?status=unmatched')).body.data;
    expect(suspense.find((e: { amountText: string }) => e.amountText === '599.99').reasons).toContain('details_do_not_add_up');
  });

  it('leaves what it cannot prove in the suspense list, with suggestions; finance applies or ignores it', async () => {
    const a = await account();
    const invoice = await a.invoice(12_300);
    const iban = 'DE12500105170648489890';
    // Learn the payer's account from a first, referenced payment.
    const first = await a.invoice(1_000);
    await completed((await post(camtMessage('053', OUR_ACCOUNT, [{ amount: '10.00', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ remittance: first.number, debtorIban: iban }] }]))).body.id);

    const imported = await post(camtMessage('053', OUR_ACCOUNT, [
      { amount: '99.99', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ remittance: 'no idea what this is', debtorIban: iban }] },
      { amount: '42.00', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ remittance: 'refund from insurer' }] },
      { amount: '50.00', direction: 'DBIT', bookingDate: today, details: [{ remittance: 'bank fees' }] },
    ]));
    expect(imported.body).toMatchObject({ entries: 3, credits: 2, ignored: 1 });
    expect(await completed(imported.body.id)).toMatchObject({ unmatched: 2 });
    const suspense = (await finance().get('/v1/bank-statements/entries?status=unmatched&limit=100')).body.data;
    const guess = suspense.find((e: { amountText: string }) => e.amountText === '99.99');
    expect(guess.suggestions).toEqual([{ clientId: a.client.id, reason: 'payer_iban', invoices: [] }]);

    const applied = await finance().post(`/v1/bank-statements/entries/${guess.id}/apply`, { clientId: a.client.id, invoiceIds: [invoice.id] });
    expect(applied.body).toMatchObject({ status: 'applied', paymentIds: [expect.any(String)] });
    expect((await system.invoicingFactory.invoice(invoice.id)).balance).toBe(12_300 - 9_999);
    expectProblem(await finance().post(`/v1/bank-statements/entries/${guess.id}/apply`, { clientId: a.client.id }), 409);

    const refund = suspense.find((e: { amountText: string }) => e.amountText === '42.00');
    expect((await finance().post(`/v1/bank-statements/entries/${refund.id}/ignore`, { reason: 'Insurance refund' })).body).toMatchObject({ status: 'ignored', ignoreReason: 'Insurance refund' });
  });

  it('reverses the payment of a credit the bank returns (a returned direct debit), through the payment reversal', async () => {
    const a = await account();
    const invoice = await a.invoice(45_000);
    const endToEndId = `E2E-${randomUUID().slice(0, 8)}`;
    const paid = await post(camtMessage('053', OUR_ACCOUNT, [{ amount: '450.00', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ endToEndId, remittance: invoice.number }] }]));
    await completed(paid.body.id);
    expect((await system.invoicingFactory.invoice(invoice.id)).balance).toBe(0);

    const returned = await post(camtMessage('053', OUR_ACCOUNT, [
      { amount: '450.00', direction: 'DBIT', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ endToEndId, returnReason: 'MD06' }] },
    ]));
    expect(returned.body).toMatchObject({ credits: 0, ignored: 0 });
    await completed(returned.body.id);
    expect((await system.invoicingFactory.invoice(invoice.id)).balance).toBe(45_000);
    const [payment] = await paymentsOf(a.client.id);
    expect(payment).toMatchObject({ status: 'reversed', amount: 45_000 });
  });

  it("suggests clients by the payer's name and invoices by the amount for an entry nothing proves", async () => {
    const named = await account({ name: `Quirky Unique Traders ${randomUUID().slice(0, 4)} AG` });
    const fitting = await named.invoice(31_415);
    const byAmount = await account();
    const exact = await byAmount.invoice(27_182);
    const imported = await post(camtMessage('053', OUR_ACCOUNT, [
      { amount: '314.15', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ debtorName: named.client.name.replace(' AG', ''), remittance: 'misc' }] },
      { amount: '271.82', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ remittance: 'misc' }] },
    ]));
    await completed(imported.body.id);
    const suspense = (await finance().get('/v1/bank-statements/entries?status=unmatched&limit=100')).body.data;
    const byName = suspense.find((e: { amountText: string }) => e.amountText === '314.15');
    expect(byName.suggestions[0]).toEqual({ clientId: named.client.id, reason: 'payer_name', invoices: [expect.objectContaining({ id: fitting.id, balance: 31_415 })] });
    const amountOnly = suspense.find((e: { amountText: string }) => e.amountText === '271.82');
    expect(amountOnly.suggestions).toEqual([{ clientId: byAmount.client.id, reason: 'amount', invoices: [expect.objectContaining({ id: exact.id, number: exact.number })] }]);
  });

  it('never matches an unknown account, an amount with too many decimals or a currency that differs', async () => {
    const a = await account();
    const invoice = await a.invoice(10_000);
    const imported = await post(camtMessage('053', 'DE44500105175407324931', [{ amount: '100.00', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ remittance: invoice.number }] }]));
    await completed(imported.body.id);
    const odd = await post(camtMessage('053', OUR_ACCOUNT, [
      { amount: '100.001', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ remittance: invoice.number }] },
      { amount: '100.00', currency: 'USD', bookingDate: today, accountServicerReference: `ASR-${randomUUID()}`, details: [{ remittance: invoice.number }] },
    ]));
    expect(await completed(odd.body.id)).toMatchObject({ matched: 0, unmatched: 2 });
    expect((await system.invoicingFactory.invoice(invoice.id)).balance).toBe(10_000);
  });

  it('refuses a malformed file with its line and column, a manager with 403, and stores nothing', async () => {
    const before = await withDatabase(async (db) => (await db.query('SELECT count(*)::int AS n FROM invoicing.bank_statements')).rows[0].n);
    const broken = await post('<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">\n<BkToCstmrStmt><Stmt></BkToCstmrStmt></Document>');
    expectProblem(broken, 400);
    expect(broken.body.errors[0].message).toMatch(/^line 3, column \d+/);
    expectProblem(await post(camtMessage('053', OUR_ACCOUNT, []).replace(/<Stmt>[\s\S]*<\/Stmt>/, '')), 400);
    expectProblem(await post(camtMessage('053', OUR_ACCOUNT, []), tokenFor('account_manager')), 403);
    const after = await withDatabase(async (db) => (await db.query('SELECT count(*)::int AS n FROM invoicing.bank_statements')).rows[0].n);
    expect(after).toBe(before);
  });
});
