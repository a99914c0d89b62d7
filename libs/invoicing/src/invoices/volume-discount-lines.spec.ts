import { volumeDiscountLines } from './volume-discount-lines';

const terms = { period: 'calendar_year' as const, settlement: 'invoice' as const, tiers: [{ from: 1_000_000, percent: 2 }, { from: 5_000_000, percent: 3.5 }] };
const period = { from: '2026-01-01', to: '2026-12-31' };

describe('volume discount lines', () => {
  it('discounts only the part of a line above the threshold it crosses, with the line tax rate', () => {
    const { lines, applied } = volumeDiscountLines(terms, 'EUR', [{ quantity: 2, unitPrice: 100_000, taxRatePercent: 19 }], 900_000, period);
    expect(lines).toEqual([expect.objectContaining({ quantity: 1, unitPrice: -2_000, taxRatePercent: 19 })]);
    expect(lines[0].description).toBe('Volume discount: 2 % on €1,000.00 above €10,000.00 (net invoiced 2026-01-01 to 2026-12-31: €9,000.00 before this invoice)');
    expect(applied).toEqual({
      settlement: 'invoice', period, volumeBefore: 900_000, volumeAfter: 1_100_000, tier: { from: 1_000_000, percent: 2 }, slices: [{ from: 1_000_000, to: 1_100_000, percent: 2 }], discount: 2_000,
    });
  });

  it('gives one line per tax rate, each summed exactly and rounded once', () => {
    // Three 7 % lines of 0.25 above the tier: 3 × 0.005 = 0.015 → 0.02 (rounded per line it would be 0.03).
    const { lines } = volumeDiscountLines(
      terms,
      'EUR',
      [{ quantity: 1, unitPrice: 25, taxRatePercent: 7 }, { quantity: 1, unitPrice: 25, taxRatePercent: 7 }, { quantity: 1, unitPrice: 25, taxRatePercent: 7 }, { quantity: 1, unitPrice: 100, taxRatePercent: 19 }],
      1_000_000,
      period,
    );
    expect(lines.map((l) => [l.unitPrice, l.taxRatePercent])).toEqual([[-2, 7], [-2, 19]]);
    expect(lines[0].description).toContain(', VAT 7 %');
  });

  it('leaves a year-end rebate contract without lines but with the tier and volume', () => {
    const { lines, applied } = volumeDiscountLines({ ...terms, settlement: 'year_end_rebate' }, 'EUR', [{ quantity: 1, unitPrice: 6_000_000 }], 0, period);
    expect(lines).toEqual([]);
    expect(applied).toMatchObject({ volumeAfter: 6_000_000, tier: { from: 5_000_000, percent: 3.5 }, discount: 0 });
    expect(applied.slices).toEqual([{ from: 1_000_000, to: 5_000_000, percent: 2 }, { from: 5_000_000, to: 6_000_000, percent: 3.5 }]);
  });

  it('gives nothing below the first tier and ignores negative lines', () => {
    const { lines, applied } = volumeDiscountLines(terms, 'EUR', [{ quantity: 1, unitPrice: 500_000 }, { quantity: 1, unitPrice: -100_000 }], 0, period);
    expect(lines).toEqual([]);
    expect(applied).toMatchObject({ volumeAfter: 500_000, tier: null, discount: 0 });
  });
});
