import { divideRoundHalfAwayFromZero, toScaledInteger } from '@ar/money';
import { addDays, CalendarDate, daysBetween } from '@ar/time';
import type { RateSeries } from './reference-rate.entity';

export type LateInterestRule = 'none' | 'de_b2b' | 'de_b2c' | 'eu_b2b' | 'ru_395' | 'fixed';

export interface RatePoint {
  validFrom: CalendarDate;
  percent: number;
}

/** Which reference series a rule follows, the points above it, and its flat fee (EUR minor units). */
export const RULES: Record<Exclude<LateInterestRule, 'none' | 'fixed'>, { series: RateSeries; marginPercent: number; flatFeeEur: number }> = {
  de_b2b: { series: 'de_base', marginPercent: 9, flatFeeEur: 4000 }, // BGB § 288 (2), (5)
  de_b2c: { series: 'de_base', marginPercent: 5, flatFeeEur: 0 }, // BGB § 288 (1)
  eu_b2b: { series: 'ecb_mro', marginPercent: 8, flatFeeEur: 4000 }, // Directive 2011/7/EU
  ru_395: { series: 'ru_key', marginPercent: 0, flatFeeEur: 0 }, // Civil Code art. 395
};

const RATE_SCALE = 4;

/** The rate in force on a date: the latest point on or before it (points sorted ascending). */
function rateOn(points: RatePoint[], date: CalendarDate): number {
  let rate = points.length > 0 ? points[0].percent : 0;
  for (const p of points) {
    if (p.validFrom <= date) rate = p.percent;
    else break;
  }
  return rate;
}

/**
 * Simple interest, actual/365, day by day on the overdue balance from the day after the due date up
 * to and including `asOf`, at the rate in force on each day. Exact until the one final rounding.
 */
export function lateInterest(input: {
  balance: number;
  dueDate: CalendarDate;
  asOf: CalendarDate;
  rule: LateInterestRule;
  fixedRatePercent?: number | null;
  rates: Partial<Record<RateSeries, RatePoint[]>>;
}): number {
  const days = daysBetween(input.dueDate, input.asOf);
  if (input.rule === 'none' || days <= 0 || input.balance <= 0) return 0;
  let rateDays = 0n; // Σ annual percent × 10^4 over the overdue days
  if (input.rule === 'fixed') {
    rateDays = toScaledInteger(input.fixedRatePercent ?? 0, RATE_SCALE) * BigInt(days);
  } else {
    const { series, marginPercent } = RULES[input.rule];
    const points = input.rates[series] ?? [];
    const margin = toScaledInteger(marginPercent, RATE_SCALE);
    // Walk rate periods rather than single days: the rate only changes at validFrom dates.
    let day = addDays(input.dueDate, 1);
    while (day <= input.asOf) {
      const next = points.find((p) => p.validFrom > day);
      const periodEnd = next && next.validFrom <= input.asOf ? addDays(next.validFrom, -1) : input.asOf;
      const span = daysBetween(day, periodEnd) + 1;
      const percent = toScaledInteger(rateOn(points, day), RATE_SCALE) + margin;
      rateDays += (percent > 0n ? percent : 0n) * BigInt(span);
      day = addDays(periodEnd, 1);
    }
  }
  const interest = divideRoundHalfAwayFromZero(BigInt(input.balance) * rateDays, 100n * 365n * 10n ** BigInt(RATE_SCALE));
  return Number(interest);
}

/** The flat fee the rule adds once per late invoice (EUR 40 under BGB § 288 (5) and Directive 2011/7/EU). */
export function flatLateFee(rule: LateInterestRule, currency: string): number {
  if (rule === 'none' || rule === 'fixed') return 0;
  return currency === 'EUR' ? RULES[rule].flatFeeEur : 0;
}
