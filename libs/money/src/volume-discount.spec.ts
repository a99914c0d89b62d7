import { periodVolumeDiscount, roundVolumeDiscount, tierAt, volumeDiscountNumerator, volumePeriod, volumeSlices, volumeTierProblems } from './volume-discount';

const tiers = [
  { from: 1_000_000, percent: 2 },
  { from: 5_000_000, percent: 3.5 },
];
const discount = (before: number, amount: number) => roundVolumeDiscount(volumeDiscountNumerator(volumeSlices(tiers, before, amount)));

describe('volume discounts', () => {
  it('gives nothing below the first tier', () => {
    expect(volumeSlices(tiers, 0, 999_999)).toEqual([]);
    expect(discount(0, 1_000_000)).toBe(0);
    expect(tierAt(tiers, 999_999)).toBeNull();
  });

  it('gives a tier reached within an amount only to the part above its threshold', () => {
    // 9,000.00 before, 2,000.00 now: 1,000.00 at 0 %, 1,000.00 at 2 % = 20.00
    expect(volumeSlices(tiers, 900_000, 200_000)).toEqual([{ from: 1_000_000, to: 1_100_000, percent: 2 }]);
    expect(discount(900_000, 200_000)).toBe(2_000);
    // crossing two thresholds at once: 0.01 below, 40,000.00 at 2 %, 10,000.00 at 3.5 %
    expect(discount(999_999, 5_000_001)).toBe(80_000 + 35_000);
  });

  it('is additive across invoices up to rounding, and exact for the whole period', () => {
    const parts = [300_000, 800_000, 4_100_000, 900_000];
    let before = 0;
    let sum = 0;
    for (const amount of parts) {
      sum += discount(before, amount);
      before += amount;
    }
    expect(sum).toBe(periodVolumeDiscount(tiers, before));
    expect(periodVolumeDiscount(tiers, 6_100_000)).toBe(80_000 + 38_500);
  });

  it('rounds half away from zero once', () => {
    // 0.25 × 2 % = 0.005 → 0.01
    expect(discount(1_000_000, 25)).toBe(1);
    expect(discount(1_000_000, 24)).toBe(0);
  });

  it('checks tiers', () => {
    expect(volumeTierProblems(tiers)).toEqual([]);
    expect(volumeTierProblems([])).toEqual(['at least one tier']);
    expect(volumeTierProblems([{ from: 100, percent: 2 }, { from: 100, percent: 0 }])).toEqual([
      'tiers[1].percent must be above 0 and below 100',
      'tiers[1].from must be above tiers[0].from',
    ]);
  });

  it('finds the calendar or contract year of a date', () => {
    expect(volumePeriod('calendar_year', '2025-03-15', '2026-02-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(volumePeriod('contract_year', '2025-03-15', '2026-02-01')).toEqual({ from: '2025-03-15', to: '2026-03-14' });
    expect(volumePeriod('contract_year', '2025-03-15', '2026-03-15')).toEqual({ from: '2026-03-15', to: '2027-03-14' });
    expect(volumePeriod('contract_year', '2024-02-29', '2025-03-01')).toEqual({ from: '2025-02-28', to: '2026-02-27' });
  });
});
