import { interestPeriods, totalInterest } from './claim';
import { flatLateFee, halfYearStart } from './interest-rules';

const periodsOf = (periods: ReturnType<typeof interestPeriods>) => periods.map((p) => [p.from, p.to, p.days, p.dayBasis, p.principal, p.ratePercent, p.interest]);

describe('late interest from the ledger: the worked examples', () => {
  it('1. de_b2b, paid in two parts across a base-rate change: 256.83 plus the EUR 40 flat fee', () => {
    const periods = interestPeriods({
      total: 1_000_000,
      dueDate: '2025-05-15',
      asOf: '2025-12-31',
      rule: 'de_b2b',
      rates: { de_base: [{ validFrom: '2025-01-01', percent: 2.27 }, { validFrom: '2025-07-01', percent: 1.27 }] },
      ledger: [
        { on: '2025-07-10', kind: 'payment', amount: 400_000 },
        { on: '2025-09-01', kind: 'payment', amount: 600_000 },
      ],
    });
    expect(periodsOf(periods)).toEqual([
      ['2025-05-16', '2025-06-30', 46, 365, 1_000_000, 11.27, 14_203],
      ['2025-07-01', '2025-07-09', 9, 365, 1_000_000, 10.27, 2_532],
      ['2025-07-10', '2025-08-31', 53, 365, 600_000, 10.27, 8_948],
    ]);
    expect(totalInterest(periods)).toBe(25_683);
    expect(periods[0]).toMatchObject({ rule: 'de_b2b', rateSeries: 'de_base', referenceRatePercent: 2.27, marginPercent: 9 });
    expect(flatLateFee('de_b2b', 'EUR')).toBe(4_000);
  });

  it('2. ru_395 across a year end: 366 days in 2024, 365 in 2025: 29,325.18', () => {
    const periods = interestPeriods({
      total: 100_000_000,
      dueDate: '2024-12-20',
      asOf: '2025-06-30',
      rule: 'ru_395',
      rates: { ru_key: [{ validFrom: '2024-10-28', percent: 21 }] },
      ledger: [{ on: '2025-02-10', kind: 'payment', amount: 100_000_000 }],
    });
    expect(periodsOf(periods)).toEqual([
      ['2024-12-21', '2024-12-31', 11, 366, 100_000_000, 21, 631_148],
      ['2025-01-01', '2025-02-09', 40, 365, 100_000_000, 21, 2_301_370],
    ]);
    expect(totalInterest(periods)).toBe(2_932_518);
    expect(flatLateFee('ru_395', 'RUB')).toBe(0);
  });

  it('3. eu_b2b: the ECB rate of 1 January holds for the half-year, whatever cuts follow: 91.64', () => {
    const periods = interestPeriods({
      total: 500_000,
      dueDate: '2025-02-28',
      asOf: '2025-12-31',
      rule: 'eu_b2b',
      rates: {
        ecb_mro: [
          { validFrom: '2024-12-18', percent: 3.15 },
          { validFrom: '2025-02-05', percent: 2.9 },
          { validFrom: '2025-03-12', percent: 2.65 },
          { validFrom: '2025-04-23', percent: 2.4 },
        ],
      },
      ledger: [{ on: '2025-04-30', kind: 'payment', amount: 500_000 }],
    });
    expect(periodsOf(periods)).toEqual([['2025-03-01', '2025-04-29', 60, 365, 500_000, 11.15, 9_164]]);
  });
});

describe('late interest rules', () => {
  it('fixes eu_b2b and de_* rates per half-year but follows ru_395 day by day', () => {
    expect(halfYearStart('2025-06-30')).toBe('2025-01-01');
    expect(halfYearStart('2025-07-01')).toBe('2025-07-01');
    const rates = { ecb_mro: [{ validFrom: '2025-01-01', percent: 3 }, { validFrom: '2025-03-01', percent: 2 }, { validFrom: '2025-07-01', percent: 1 }], ru_key: [{ validFrom: '2025-01-01', percent: 20 }, { validFrom: '2025-03-01', percent: 10 }] };
    const base = { total: 365_000, dueDate: '2025-01-31', asOf: '2025-07-31', rates, ledger: [] };
    expect(interestPeriods({ ...base, rule: 'eu_b2b' }).map((p) => [p.from, p.to, p.ratePercent])).toEqual([
      ['2025-02-01', '2025-06-30', 11],
      ['2025-07-01', '2025-07-31', 9],
    ]);
    expect(interestPeriods({ ...base, rule: 'ru_395' }).map((p) => [p.from, p.to, p.ratePercent])).toEqual([
      ['2025-02-01', '2025-02-28', 20],
      ['2025-03-01', '2025-07-31', 10],
    ]);
  });

  it('lets a part-payment lower only the days from its own date on, and a reversal raise them again', () => {
    const periods = interestPeriods({
      total: 365_000,
      dueDate: '2026-01-31',
      asOf: '2026-03-31',
      rule: 'fixed',
      fixedRatePercent: 10,
      rates: {},
      ledger: [
        { on: '2026-02-10', kind: 'payment', amount: 165_000 },
        { on: '2026-03-01', kind: 'reversal', amount: 165_000 },
        { on: '2026-03-21', kind: 'credit_note', amount: 365_000 },
      ],
    });
    // 365,000 at 10 % is 100 a day; 200,000 is 54.79... a day.
    expect(periodsOf(periods)).toEqual([
      ['2026-02-01', '2026-02-09', 9, 365, 365_000, 10, 900],
      ['2026-02-10', '2026-02-28', 19, 365, 200_000, 10, 1_041],
      ['2026-03-01', '2026-03-20', 20, 365, 365_000, 10, 2_000],
    ]);
  });

  it('accrues from a given day and stops at a waiver', () => {
    const input = { total: 365_000, dueDate: '2026-01-31', asOf: '2026-03-31', rule: 'fixed' as const, fixedRatePercent: 10, rates: {}, ledger: [] };
    expect(totalInterest(interestPeriods(input))).toBe(5_900);
    expect(totalInterest(interestPeriods({ ...input, from: '2026-03-01' }))).toBe(3_100);
    expect(totalInterest(interestPeriods({ ...input, until: '2026-02-10' }))).toBe(1_000);
    expect(interestPeriods({ ...input, asOf: '2026-01-31' })).toEqual([]);
    expect(interestPeriods({ ...input, rule: 'none' })).toEqual([]);
  });

  it('bears no interest on a day whose principal is nil, and charges no flat fee outside EUR or for b2c', () => {
    const periods = interestPeriods({
      total: 100_000,
      dueDate: '2026-01-31',
      asOf: '2026-02-28',
      rule: 'de_b2c',
      rates: { de_base: [{ validFrom: '2026-01-01', percent: 1.27 }] },
      ledger: [{ on: '2026-01-15', kind: 'payment', amount: 100_000 }],
    });
    expect(periods).toEqual([]);
    expect(flatLateFee('de_b2c', 'EUR')).toBe(0);
    expect(flatLateFee('eu_b2b', 'USD')).toBe(0);
  });
});

describe('late interest on an unchanged balance', () => {
  const lateInterest = ({ balance, ...rest }: { balance: number } & Omit<Parameters<typeof interestPeriods>[0], 'total' | 'ledger'>) =>
    totalInterest(interestPeriods({ total: balance, ledger: [], ...rest }));

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
