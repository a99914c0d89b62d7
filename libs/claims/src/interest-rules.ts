import { CalendarDate } from '@ar/time';

export const INTEREST_RULES = ['none', 'de_b2b', 'de_b2c', 'eu_b2b', 'ru_395', 'fixed'] as const;
export type InterestRule = (typeof INTEREST_RULES)[number];

export const RATE_SERIES_NAMES = ['de_base', 'ecb_mro', 'ru_key'] as const;
export type RateSeriesName = (typeof RATE_SERIES_NAMES)[number];

/** A reference rate from `validFrom` until the next point (annual percent). */
export interface RatePoint {
  validFrom: CalendarDate;
  percent: number;
}

export type RateTable = Partial<Record<RateSeriesName, readonly RatePoint[]>>;

export interface StatutoryRule {
  series: RateSeriesName;
  /** Points above the reference rate. */
  marginPercent: number;
  /**
   * The reference rate is fixed per half-year: the rate in force on 1 January applies to January-June,
   * the rate on 1 July to July-December (Directive 2011/7/EU art. 2(7); § 247 BGB changes the German base
   * rate only on those dates). Otherwise the rate in force on each day applies.
   */
  halfYearly: boolean;
  /** 365 every year, or the days of each day's calendar year (366 in a leap year). */
  dayBasis: 'fixed_365' | 'calendar_year';
  /** Flat compensation per late invoice in EUR minor units (BGB § 288 (5), Directive 2011/7/EU art. 6). */
  flatFeeEur: number;
}

export const STATUTORY_RULES: Record<Exclude<InterestRule, 'none' | 'fixed'>, StatutoryRule> = {
  de_b2b: { series: 'de_base', marginPercent: 9, halfYearly: true, dayBasis: 'fixed_365', flatFeeEur: 4000 }, // BGB § 288 (2), (5)
  de_b2c: { series: 'de_base', marginPercent: 5, halfYearly: true, dayBasis: 'fixed_365', flatFeeEur: 0 }, // BGB § 288 (1)
  eu_b2b: { series: 'ecb_mro', marginPercent: 8, halfYearly: true, dayBasis: 'fixed_365', flatFeeEur: 4000 }, // Directive 2011/7/EU
  ru_395: { series: 'ru_key', marginPercent: 0, halfYearly: false, dayBasis: 'calendar_year', flatFeeEur: 0 }, // Civil Code art. 395
};

/** The latest point on or before the date (points in any order); 0 before the first. */
export function rateInForce(points: readonly RatePoint[], date: CalendarDate): number {
  let best: RatePoint | undefined;
  for (const p of points) if (p.validFrom <= date && (!best || p.validFrom > best.validFrom)) best = p;
  return best?.percent ?? 0;
}

/** The first day of the half-year a date falls in. */
export function halfYearStart(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 4)}-${date.slice(5, 7) < '07' ? '01' : '07'}-01`;
}

/** The flat fee the rule adds once per late invoice, in the invoice currency's minor units (EUR only). */
export function flatLateFee(rule: InterestRule, currency: string): number {
  if (rule === 'none' || rule === 'fixed') return 0;
  return currency === 'EUR' ? STATUTORY_RULES[rule].flatFeeEur : 0;
}
