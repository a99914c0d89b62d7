import { toScaledInteger } from './rounding';

export interface CashDiscountTerms {
  percent: number;
  days: number;
}

/**
 * Skonto: within `days` of issue, bringing the settled amount to at least total × (1 − percent)
 * settles the invoice in full. Compared exactly, without rounding the threshold.
 */
export function settlesWithCashDiscount(total: number, settledAfterPayment: number, terms: CashDiscountTerms): boolean {
  const percent = toScaledInteger(terms.percent, 4); // percent × 10^4
  return BigInt(settledAfterPayment) * 1_000_000n >= BigInt(total) * (1_000_000n - percent);
}
