import { flatLateFee, InterestRule, interestPeriods, RateTable, totalInterest } from '@ar/claims';
import { CalendarDate } from '@ar/time';

export { flatLateFee };
export type { RatePoint } from '@ar/claims';
export type LateInterestRule = InterestRule;

/**
 * The sweep's estimate: interest on today's balance for every day since the due date. The rule itself
 * (rates, half-years, day basis, rounding) lives in @ar/claims; the invoice view and the claim statement
 * compute the real figure from the ledger there.
 */
export function lateInterest(input: {
  balance: number;
  dueDate: CalendarDate;
  asOf: CalendarDate;
  rule: LateInterestRule;
  fixedRatePercent?: number | null;
  rates: RateTable;
}): number {
  if (input.balance <= 0) return 0;
  return totalInterest(
    interestPeriods({ total: input.balance, dueDate: input.dueDate, asOf: input.asOf, rule: input.rule, fixedRatePercent: input.fixedRatePercent, rates: input.rates, ledger: [] }),
  );
}
