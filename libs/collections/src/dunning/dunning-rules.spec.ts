import { flatLateFee, lateInterest } from '../interest/late-interest';
import { feesBetween, nextLevel, PolicyLevel, targetLevel } from './dunning-level';

const standard: PolicyLevel[] = [
  { level: 1, minDaysOverdue: 3, action: 'reminder', feeAmount: 0, blockClient: false },
  { level: 2, minDaysOverdue: 14, action: 'reminder', feeAmount: 500, blockClient: false },
  { level: 3, minDaysOverdue: 30, action: 'final_notice', feeAmount: 1000, blockClient: false },
  { level: 4, minDaysOverdue: 60, action: 'legal_handover', feeAmount: 0, blockClient: true },
];

describe('dunning level selection', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [13, 1],
    [14, 2],
    [30, 3],
    [59, 3],
    [60, 4],
    [400, 4],
  ])('%d days overdue → level %d', (days, level) => {
    expect(targetLevel(standard, days)).toBe(level);
  });

  it('rises, may skip levels, never falls, and holds for disputes and promises', () => {
    expect(nextLevel(0, 3, false)).toBe(3);
    expect(nextLevel(3, 1, false)).toBe(3);
    expect(nextLevel(1, 4, true)).toBe(1);
  });

  it('charges the fees of every level passed', () => {
    expect(feesBetween(standard, 0, 3)).toBe(1500);
    expect(feesBetween(standard, 2, 3)).toBe(1000);
    expect(feesBetween(standard, 3, 3)).toBe(0);
  });
});

describe('late interest', () => {
  const rates = {
    de_base: [
      { validFrom: '2025-01-01', percent: 2.27 },
      { validFrom: '2025-07-01', percent: 1.27 },
    ],
  };

  it('is simple interest, actual/365, from the day after the due date', () => {
    // 100,000.00 EUR at 2.27 + 9 = 11.27 % for 10 days: 100000 × 11.27 % × 10 / 365 = 308.767… EUR
    expect(lateInterest({ balance: 10_000_000, dueDate: '2025-03-01', asOf: '2025-03-11', rule: 'de_b2b', rates })).toBe(30877);
  });

  it('counts each day at the rate in force on that day across a rate change', () => {
    // 20 days at 11.27 % (2025-06-11 … 06-30) and 10 days at 10.27 % (07-01 … 07-10)
    const expected = Math.round((10_000_000 * (20 * 11.27 + 10 * 10.27)) / (100 * 365));
    expect(lateInterest({ balance: 10_000_000, dueDate: '2025-06-10', asOf: '2025-07-10', rule: 'de_b2b', rates })).toBe(expected);
  });

  it('uses the consumer margin, a fixed rate, or nothing', () => {
    expect(lateInterest({ balance: 36_500, dueDate: '2025-03-01', asOf: '2025-03-02', rule: 'de_b2c', rates })).toBe(Math.round((36_500 * 7.27) / 36_500));
    expect(lateInterest({ balance: 36_500, dueDate: '2025-03-01', asOf: '2025-03-02', rule: 'fixed', fixedRatePercent: 10, rates })).toBe(10);
    expect(lateInterest({ balance: 36_500, dueDate: '2025-03-01', asOf: '2025-06-01', rule: 'none', rates })).toBe(0);
    expect(lateInterest({ balance: 36_500, dueDate: '2025-03-01', asOf: '2025-03-01', rule: 'de_b2b', rates })).toBe(0);
  });

  it('charges the EUR 40 flat fee for B2B rules in EUR only', () => {
    expect(flatLateFee('de_b2b', 'EUR')).toBe(4000);
    expect(flatLateFee('eu_b2b', 'EUR')).toBe(4000);
    expect(flatLateFee('de_b2c', 'EUR')).toBe(0);
    expect(flatLateFee('de_b2b', 'USD')).toBe(0);
  });
});
