import { currencyExponent, isCurrency } from './currencies';
import { settlesWithCashDiscount } from './cash-discount';
import { AmountLimitExceededError, MAX_AMOUNT } from './amount-limit';
import { invoiceTotals, lineAmounts } from './invoice-line-amounts';
import { divideRoundHalfAwayFromZero, toScaledInteger } from './rounding';

describe('rounding', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [-4n, 3n, -1n],
    [1n, 2n, 1n],
    [0n, 7n, 0n],
  ])('%d / %d rounds half away from zero to %d', (n, d, expected) => {
    expect(divideRoundHalfAwayFromZero(n, d)).toBe(expected);
  });

  it('parses decimals exactly and refuses excess precision', () => {
    expect(toScaledInteger(1.5, 4)).toBe(15000n);
    expect(toScaledInteger('0.0001', 4)).toBe(1n);
    expect(toScaledInteger(19, 2)).toBe(1900n);
    expect(() => toScaledInteger(0.00001, 4)).toThrow(RangeError);
    expect(() => toScaledInteger('1e5', 4)).toThrow(RangeError);
  });
});

describe('invoice line amounts', () => {
  it('multiplies quantity by unit price and rounds half away from zero', () => {
    // 0.5 × 3 cents = 1.5 → 2
    expect(lineAmounts({ quantity: 0.5, unitPrice: 3 }).netAmount).toBe(2);
    // 3 × 33.33 EUR
    expect(lineAmounts({ quantity: 3, unitPrice: 3333 }).netAmount).toBe(9999);
    // 1.3333 × 1000 = 1333.3 → 1333
    expect(lineAmounts({ quantity: 1.3333, unitPrice: 1000 }).netAmount).toBe(1333);
  });

  it('rounds tax per line', () => {
    // 19 % of 1050 = 199.5 → 200
    expect(lineAmounts({ quantity: 1, unitPrice: 1050, taxRatePercent: 19 })).toEqual({ netAmount: 1050, taxAmount: 200 });
    // 7 % of 2 = 0.14 → 0
    expect(lineAmounts({ quantity: 1, unitPrice: 2, taxRatePercent: 7 }).taxAmount).toBe(0);
    // 2.5 % of 20 = 0.5 → 1
    expect(lineAmounts({ quantity: 1, unitPrice: 20, taxRatePercent: 2.5 }).taxAmount).toBe(1);
  });

  it('adds line totals without re-rounding', () => {
    const totals = invoiceTotals([
      { quantity: 1, unitPrice: 1050, taxRatePercent: 19 },
      { quantity: 1, unitPrice: 1050, taxRatePercent: 19 },
    ]);
    expect(totals).toMatchObject({ subtotal: 2100, taxTotal: 400, total: 2500 });
  });
});

describe('amount limit', () => {
  it('sums lines exactly and refuses a total above MAX_AMOUNT instead of rounding it', () => {
    // The attack: 9007 × 999999999999 + 1 × 999999999999 passes 2^53 when summed as numbers.
    expect(() => invoiceTotals([{ quantity: 9007, unitPrice: 999_999_999_999 }, { quantity: 1, unitPrice: 999_999_999_999 }])).toThrow(
      AmountLimitExceededError,
    );
    const atLimit = invoiceTotals([{ quantity: 1, unitPrice: MAX_AMOUNT - 1 }, { quantity: 1, unitPrice: 1 }]);
    expect(atLimit.total).toBe(MAX_AMOUNT);
    expect(() => invoiceTotals([{ quantity: 1, unitPrice: MAX_AMOUNT }, { quantity: 1, unitPrice: 1 }])).toThrow(/lines comes to 10000000000000/);
  });

  it('names the line whose own amount is too large, tax included', () => {
    const error = (() => {
      try {
        invoiceTotals([{ quantity: 1, unitPrice: 1 }, { quantity: 1_000_000_000, unitPrice: 1_000_000_000_000 }]);
      } catch (e) {
        return e as AmountLimitExceededError;
      }
    })();
    expect(error).toBeInstanceOf(AmountLimitExceededError);
    expect(error?.path).toBe('lines[1]');
    expect(() => lineAmounts({ quantity: 1, unitPrice: MAX_AMOUNT, taxRatePercent: 19 })).toThrow(AmountLimitExceededError);
  });

  it('leaves room for 900 amounts at the limit to sum to an exact number', () => {
    expect(Number.isSafeInteger(MAX_AMOUNT * 900)).toBe(true);
  });
});

describe('cash discount', () => {
  const terms = { percent: 2, days: 10 };
  it('settles at exactly total × (1 − percent)', () => {
    expect(settlesWithCashDiscount(10000, 9800, terms)).toBe(true);
    expect(settlesWithCashDiscount(10000, 9799, terms)).toBe(false);
  });

  it('compares without rounding the threshold', () => {
    // 2 % of 10001 leaves 9800.98: 9800 is not enough, 9801 is
    expect(settlesWithCashDiscount(10001, 9800, terms)).toBe(false);
    expect(settlesWithCashDiscount(10001, 9801, terms)).toBe(true);
  });
});

describe('currencies', () => {
  it('knows the minor-unit exponents', () => {
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(isCurrency('EURO')).toBe(false);
    expect(() => currencyExponent('XYZ')).toThrow(RangeError);
  });
});
