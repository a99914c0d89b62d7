import { expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor } from '@ar/testing';

const TIERS = [
  { from: 1_000_000, percent: 2 },
  { from: 5_000_000, percent: 3.5 },
];

/**
 * Discounts by purchase volume: a contract's tiers on the net invoiced in its period give new invoices a discount
 * line per tax rate for the part of their volume in each tier (a threshold crossed mid-invoice gives the higher
 * rate only above it), in integer minor units; each invoice explains the tier and the volume so far.
 */
describe('invoicing: volume discounts', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const x: Record<string, any> = {};
  const admin = () => system.invoicing.api.as(tokenFor('admin'));
  const issue = async (contractId: string, issueDate: string, lines: { quantity: number; unitPrice: number; taxRatePercent?: number }[]) => {
    const res = await admin().post('/v1/invoices', { contractId, issueDate, lines: lines.map((l, i) => ({ description: `Goods ${i + 1}`, ...l })) });
    expect(res.status).toBe(201);
    return res.body;
  };
  const discountLines = (invoice: any) => invoice.lines.filter((l: any) => l.description.startsWith('Volume discount'));

  beforeAll(async () => {
    env = await isolatedEnvironment('volume_discounts');
    system = await startSystem();
    system.setToday('2026-12-31');
    const cf = system.contractsFactory;
    x.manager = await cf.newUser('account_manager');
    x.client = await cf.newClient(x.manager.id);
    x.contract = await cf.activeContract(x.client.id, { startsOn: '2026-01-01', volumeDiscount: { period: 'calendar_year', settlement: 'invoice', tiers: TIERS } });
    x.rebate = await cf.activeContract(x.client.id, { number: 'K-REBATE', startsOn: '2026-01-01', volumeDiscount: { period: 'calendar_year', settlement: 'year_end_rebate', tiers: TIERS } });
    x.contractYear = await cf.activeContract(x.client.id, { number: 'K-CY', startsOn: '2025-07-01', volumeDiscount: { period: 'contract_year', settlement: 'invoice', tiers: TIERS } });
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  it('keeps the tiers on the contract and refuses bad ones', async () => {
    expect(x.contract.volumeDiscount).toEqual({ period: 'calendar_year', settlement: 'invoice', tiers: TIERS });
    const contracts = system.contracts.api.as(tokenFor('admin'));
    const base = { clientId: x.client.id, currency: 'EUR', paymentTermDays: 30, startsOn: '2026-01-01' };
    for (const volumeDiscount of [
      { period: 'calendar_year', settlement: 'invoice', tiers: [] },
      { period: 'calendar_year', settlement: 'invoice', tiers: [{ from: 5_000_000, percent: 2 }, { from: 1_000_000, percent: 3 }] },
      { period: 'calendar_year', settlement: 'invoice', tiers: [{ from: 100, percent: 0 }] },
      { period: 'calendar_year', settlement: 'invoice', tiers: [{ from: 100.5, percent: 2 }] },
      { period: 'quarter', settlement: 'invoice', tiers: TIERS },
      { period: 'calendar_year', settlement: 'cash', tiers: TIERS },
    ]) {
      const res = await contracts.post('/v1/contracts', { ...base, number: `K-BAD-${Math.random()}`, volumeDiscount });
      expectProblem(res, 400);
    }
  });

  it('gives nothing below the first tier, then only the part above a threshold crossed within an invoice', async () => {
    const first = await issue(x.contract.id, '2026-02-01', [{ quantity: 1, unitPrice: 900_000, taxRatePercent: 19 }]);
    expect(discountLines(first)).toEqual([]);
    expect(first.total).toBe(1_071_000);
    expect(first.volumeDiscount).toEqual({
      settlement: 'invoice', period: { from: '2026-01-01', to: '2026-12-31' }, volumeBefore: 0, volumeAfter: 900_000, tier: null, slices: [], discount: 0,
    });

    // 9,000.00 before, 2,000.00 now: 1,000.00 of it is above the 10,000.00 tier and gets 2 %: 20.00 off, with its VAT.
    const second = await issue(x.contract.id, '2026-03-01', [{ quantity: 2, unitPrice: 100_000, taxRatePercent: 19 }]);
    expect(discountLines(second)).toEqual([
      expect.objectContaining({ quantity: 1, unitPrice: -2_000, taxRatePercent: 19, netAmount: -2_000, taxAmount: -380 }),
    ]);
    expect(discountLines(second)[0].description).toContain('2 % on €1,000.00 above €10,000.00');
    expect(discountLines(second)[0].description).toContain('€9,000.00 before this invoice');
    expect(second).toMatchObject({ subtotal: 198_000, taxTotal: 37_620, total: 235_620 });
    expect(second.volumeDiscount).toMatchObject({ volumeBefore: 900_000, volumeAfter: 1_100_000, tier: { from: 1_000_000, percent: 2 }, discount: 2_000 });
    expect(second.volumeDiscount.slices).toEqual([{ from: 1_000_000, to: 1_100_000, percent: 2 }]);
  });

  it('crosses the next tier within an invoice of two tax rates: one discount line per rate, rounded once each', async () => {
    // Before: 11,000.00. Line 1 (19 %) takes the volume to 41,000.00, all at 2 %: 600.00. Line 2 (7 %) to 56,000.00:
    // 9,000.00 at 2 % (180.00) and 6,000.00 above 50,000.00 at 3.5 % (210.00): 390.00.
    const third = await issue(x.contract.id, '2026-06-01', [
      { quantity: 1, unitPrice: 3_000_000, taxRatePercent: 19 },
      { quantity: 1, unitPrice: 1_500_000, taxRatePercent: 7 },
    ]);
    expect(discountLines(third).map((l: any) => [l.unitPrice, l.taxRatePercent, l.taxAmount])).toEqual([
      [-60_000, 19, -11_400],
      [-39_000, 7, -2_730],
    ]);
    expect(third.volumeDiscount).toMatchObject({ volumeBefore: 1_100_000, volumeAfter: 5_600_000, tier: { from: 5_000_000, percent: 3.5 }, discount: 99_000 });
    expect(third.subtotal).toBe(4_500_000 - 99_000);
    // Across the year the invoices' discounts add up to what the tiers give the whole volume: 800.00 + 210.00.
    const all = (await admin().get(`/v1/invoices?clientId=${x.client.id}&limit=100`)).body.data.filter((i: any) => i.contractId === x.contract.id);
    expect(all.reduce((n: number, i: any) => n + i.volumeDiscount.discount, 0)).toBe(101_000);
  });

  it('counts void invoices out, and starts again with the next period', async () => {
    const big = await issue(x.contract.id, '2026-07-01', [{ quantity: 1, unitPrice: 1_000_000 }]);
    expect(big.volumeDiscount).toMatchObject({ volumeBefore: 5_600_000, discount: 35_000 });
    expect((await admin().post(`/v1/invoices/${big.id}/void`)).status).toBe(200);
    const after = await issue(x.contract.id, '2026-07-02', [{ quantity: 1, unitPrice: 100 }]);
    expect(after.volumeDiscount.volumeBefore).toBe(5_600_000);

    system.setToday('2027-01-15');
    const nextYear = await issue(x.contract.id, '2027-01-15', [{ quantity: 1, unitPrice: 500_000 }]);
    expect(nextYear.volumeDiscount).toMatchObject({ period: { from: '2027-01-01', to: '2027-12-31' }, volumeBefore: 0, discount: 0 });
    // A contract year runs from the contract's start: 1 July to 30 June.
    const june = await issue(x.contractYear.id, '2026-06-30', [{ quantity: 1, unitPrice: 2_000_000 }]);
    expect(june.volumeDiscount).toMatchObject({ period: { from: '2025-07-01', to: '2026-06-30' }, volumeBefore: 0, discount: 20_000 });
    const july = await issue(x.contractYear.id, '2026-07-01', [{ quantity: 1, unitPrice: 2_000_000 }]);
    expect(july.volumeDiscount).toMatchObject({ period: { from: '2026-07-01', to: '2027-06-30' }, volumeBefore: 0, discount: 20_000 });
  });

  it('with a year-end rebate, invoices carry no discount but show the tier and volume reached', async () => {
    const invoice = await issue(x.rebate.id, '2026-05-01', [{ quantity: 1, unitPrice: 1_200_000, taxRatePercent: 19 }]);
    expect(discountLines(invoice)).toEqual([]);
    expect(invoice.total).toBe(1_428_000);
    expect(invoice.volumeDiscount).toMatchObject({ settlement: 'year_end_rebate', volumeBefore: 0, volumeAfter: 1_200_000, tier: { from: 1_000_000, percent: 2 }, discount: 0 });
  });

  it('settles a closed year with a rebate credited on the open invoices, once', async () => {
    // 2026 on the rebate contract: 12,000.00 (paid) and 5,000.00 (open), both at 19 %: 17,000.00 in the year.
    const paid = (await admin().get(`/v1/invoices?clientId=${x.client.id}&limit=100`)).body.data.find((i: any) => i.contractId === x.rebate.id);
    expect((await system.invoicingFactory.pay({ clientId: x.client.id, amount: paid.total, invoiceId: paid.id, receivedOn: '2026-06-01' })).status).toBe(201);
    const open = await issue(x.rebate.id, '2026-11-01', [{ quantity: 1, unitPrice: 500_000, taxRatePercent: 19 }]);
    expect(open.volumeDiscount).toMatchObject({ volumeBefore: 1_200_000, volumeAfter: 1_700_000, discount: 0 });

    const finance = system.invoicing.api.as(tokenFor('finance'));
    expectProblem(await system.invoicing.api.as(x.manager.token).post('/v1/volume-rebates/runs', {}), 403);
    expect((await finance.post('/v1/volume-rebates/runs', {})).body).toEqual({ asOf: '2027-01-15', settled: 1 });
    // 7,000.00 above the tier at 2 % = 140.00 net, with the year's 19 %: 166.60, credited on the open invoice.
    const [rebate] = (await finance.get(`/v1/volume-rebates?contractId=${x.rebate.id}`)).body.data;
    expect(rebate).toMatchObject({
      periodFrom: '2026-01-01', periodTo: '2026-12-31', volume: 1_700_000, rebateNet: 14_000, rebate: 16_660, credited: 16_660, remaining: 0, settledOn: '2027-01-15',
    });
    expect(rebate.creditNoteIds).toHaveLength(1);
    expect((await admin().get(`/v1/invoices/${open.id}`)).body).toMatchObject({ amountCredited: 16_660, balance: 595_000 - 16_660 });
    // Once per period, and the manager sees it for their client.
    expect((await finance.post('/v1/volume-rebates/runs', { asOf: '2027-01-15' })).body).toEqual({ asOf: '2027-01-15', settled: 0 });
    expect((await system.invoicing.api.as(x.manager.token).get('/v1/volume-rebates')).body.data).toHaveLength(1);
    const other = await system.contractsFactory.newUser('account_manager');
    expect((await system.invoicing.api.as(other.token).get('/v1/volume-rebates')).body.data).toEqual([]);
  });
});
