import { expectProblem, RunningSystem, startSystem } from '@ar/testing';

// Worked example 1 of the interest issue, end to end: de_b2b, 10,000.00 EUR due 2025-05-15, paid 4,000.00 on
// 2025-07-10 and 6,000.00 on 2025-09-01, across the base-rate change of 2025-07-01 (2.27 % → 1.27 %, the
// published rates seeded by the migrations). The claim and the invoice show the same figures, for any date.
describe('claims: late interest from the ledger, on the invoice and in the claim statement', () => {
  let system: RunningSystem;
  const ids: Record<string, any> = {};
  const f = () => system.invoicingFactory;

  beforeAll(async () => {
    system = await startSystem();
    const account = await f().newAccount({ lateInterest: { rule: 'de_b2b' }, paymentTermDays: 30, startsOn: '2025-01-01' });
    Object.assign(ids, account);
    ids.invoice = await f().newInvoice(account.contract.id, 1_000_000, { issueDate: '2025-04-15' });
    expect(ids.invoice.dueDate).toBe('2025-05-15');
    await f().pay({ clientId: account.client.id, amount: 400_000, receivedOn: '2025-07-10' });
    await f().pay({ clientId: account.client.id, amount: 600_000, receivedOn: '2025-09-01' });
  });
  afterAll(() => system.close());

  it('keeps the interest of an invoice paid late: 256.83 plus the EUR 40 flat fee, on the invoice and in its claim', async () => {
    const invoice = await f().invoice(ids.invoice.id, '2025-12-31');
    expect(invoice).toMatchObject({ status: 'paid', balance: 0, lateInterest: 25_683, lateFees: 4_000 });

    const claim = (await f().admin.get(`/v1/invoices/${ids.invoice.id}/claim?asOf=2025-12-31`)).body;
    expect(claim).toMatchObject({
      invoiceId: ids.invoice.id,
      currency: 'EUR',
      dueDate: '2025-05-15',
      asOf: '2025-12-31',
      rule: 'de_b2b',
      principal: { total: 1_000_000, paid: 1_000_000, discounted: 0, credited: 0, outstanding: 0 },
      interest: 25_683,
      fees: [{ kind: 'flat_fee', amount: 4_000 }],
      feesTotal: 4_000,
      interestCharged: 0,
      interestWaived: 0,
      totalClaimable: 29_683,
    });
    expect(claim.periods).toEqual([
      { from: '2025-05-16', to: '2025-06-30', days: 46, dayBasis: 365, principal: 1_000_000, rule: 'de_b2b', rateSeries: 'de_base', referenceRatePercent: 2.27, marginPercent: 9, ratePercent: 11.27, interest: 14_203 },
      { from: '2025-07-01', to: '2025-07-09', days: 9, dayBasis: 365, principal: 1_000_000, rule: 'de_b2b', rateSeries: 'de_base', referenceRatePercent: 1.27, marginPercent: 9, ratePercent: 10.27, interest: 2_532 },
      { from: '2025-07-10', to: '2025-08-31', days: 53, dayBasis: 365, principal: 600_000, rule: 'de_b2b', rateSeries: 'de_base', referenceRatePercent: 1.27, marginPercent: 9, ratePercent: 10.27, interest: 8_948 },
    ]);
    expect(claim.applied.map((a: { on: string; kind: string; amount: number }) => [a.on, a.kind, a.amount])).toEqual([
      ['2025-07-10', 'payment', 400_000],
      ['2025-09-01', 'payment', 600_000],
    ]);
  });

  it('recomputes any past date from the ledger: a later payment never lowers the interest of earlier days', async () => {
    const claim = (await f().admin.get(`/v1/invoices/${ids.invoice.id}/claim?asOf=2025-07-20`)).body;
    expect(claim.principal).toMatchObject({ paid: 400_000, outstanding: 600_000 });
    // 14,203 + 2,532 + 11 days at 600,000 and 10.27 %: 1,857.04 → 1,857
    expect(claim.periods.map((p: { interest: number }) => p.interest)).toEqual([14_203, 2_532, 1_857]);
    expect(claim.totalClaimable).toBe(600_000 + 18_592 + 4_000);
    expect(await f().invoice(ids.invoice.id, '2025-07-20')).toMatchObject({ lateInterest: 18_592, lateFees: 4_000 });
    expect(await f().invoice(ids.invoice.id, '2025-05-15')).toMatchObject({ lateInterest: 0, lateFees: 0 });
  });

  it('gives the client’s claim with totals per currency, and the periods as CSV', async () => {
    const clientClaim = (await f().admin.get(`/v1/clients/${ids.client.id}/claim?asOf=2025-12-31`)).body;
    expect(clientClaim.invoices.map((c: { invoiceId: string }) => c.invoiceId)).toEqual([ids.invoice.id]);
    expect(clientClaim.totals).toEqual([{ currency: 'EUR', outstanding: 0, interest: 25_683, fees: 4_000, totalClaimable: 29_683 }]);

    const csv = await f().admin.get(`/v1/invoices/${ids.invoice.id}/claim?asOf=2025-12-31`, { accept: 'text/csv' });
    expect(csv.contentType).toContain('text/csv');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('invoice,currency,from,to,days,dayBasis,principal,rule,rateSeries,referenceRatePercent,marginPercent,ratePercent,interest');
    expect(lines.slice(1)).toEqual([
      `${ids.invoice.number},EUR,2025-05-16,2025-06-30,46,365,1000000,de_b2b,de_base,2.27,9,11.27,14203`,
      `${ids.invoice.number},EUR,2025-07-01,2025-07-09,9,365,1000000,de_b2b,de_base,1.27,9,10.27,2532`,
      `${ids.invoice.number},EUR,2025-07-10,2025-08-31,53,365,600000,de_b2b,de_base,1.27,9,10.27,8948`,
    ]);
  });

  it('answers 404 to a manager who may not see the client, and 400 to a bad date', async () => {
    const other = await f().newAccount();
    expectProblem(await other.managerApi.get(`/v1/invoices/${ids.invoice.id}/claim`), 404);
    expectProblem(await other.managerApi.get(`/v1/clients/${ids.client.id}/claim`), 404);
    expect((await ids.managerApi.get(`/v1/invoices/${ids.invoice.id}/claim?asOf=2025-12-31`)).body.interest).toBe(25_683);
    expectProblem(await f().admin.get(`/v1/invoices/${ids.invoice.id}/claim?asOf=2025-13-01`), 400);
  });
});

// Worked examples 2 and 3, end to end against the published rate history the migrations seed.
describe('claims: ru_395 and eu_b2b from the seeded reference rates', () => {
  let system: RunningSystem;
  const f = () => system.invoicingFactory;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.close());

  it('ru_395: 1,000,000.00 RUB due 2024-12-20, paid 2025-02-10, over 366 days in 2024: 29,325.18', async () => {
    const { client, contract } = await f().newAccount({ lateInterest: { rule: 'ru_395' }, currency: 'RUB', paymentTermDays: 30, startsOn: '2024-01-01' });
    const invoice = await f().newInvoice(contract.id, 100_000_000, { issueDate: '2024-11-20' });
    expect(invoice.dueDate).toBe('2024-12-20');
    await f().pay({ clientId: client.id, amount: 100_000_000, currency: 'RUB', receivedOn: '2025-02-10' });
    const claim = (await f().admin.get(`/v1/invoices/${invoice.id}/claim?asOf=2025-06-30`)).body;
    expect(claim.periods.map((p: Record<string, unknown>) => [p.from, p.to, p.days, p.dayBasis, p.ratePercent, p.interest])).toEqual([
      ['2024-12-21', '2024-12-31', 11, 366, 21, 631_148],
      ['2025-01-01', '2025-02-09', 40, 365, 21, 2_301_370],
    ]);
    expect(claim).toMatchObject({ interest: 2_932_518, fees: [], totalClaimable: 2_932_518 });
    expect(await f().invoice(invoice.id, '2025-06-30')).toMatchObject({ status: 'paid', lateInterest: 2_932_518, lateFees: 0 });
  });

  it('eu_b2b: the ECB rate of 1 January (3.15 %) for the whole first half-year, later cuts notwithstanding: 91.64', async () => {
    const { client, contract } = await f().newAccount({ lateInterest: { rule: 'eu_b2b' }, paymentTermDays: 28, startsOn: '2025-01-01' });
    const invoice = await f().newInvoice(contract.id, 500_000, { issueDate: '2025-01-31' });
    expect(invoice.dueDate).toBe('2025-02-28');
    await f().pay({ clientId: client.id, amount: 500_000, receivedOn: '2025-04-30' });
    const claim = (await f().admin.get(`/v1/invoices/${invoice.id}/claim?asOf=2025-12-31`)).body;
    expect(claim.periods).toEqual([
      { from: '2025-03-01', to: '2025-04-29', days: 60, dayBasis: 365, principal: 500_000, rule: 'eu_b2b', rateSeries: 'ecb_mro', referenceRatePercent: 3.15, marginPercent: 8, ratePercent: 11.15, interest: 9_164 },
    ]);
    expect(claim).toMatchObject({ interest: 9_164, fees: [{ kind: 'flat_fee', amount: 4_000 }] });
  });
});
