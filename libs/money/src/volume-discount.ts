import { addDays } from '@ar/time';
import { divideRoundHalfAwayFromZero, toScaledInteger } from './rounding';

/** From `from` (minor units of net invoiced in the period), `percent` off. */
export interface VolumeTier {
  from: number;
  percent: number;
}

export const VOLUME_PERIODS = ['calendar_year', 'contract_year'] as const;
export const VOLUME_SETTLEMENTS = ['invoice', 'year_end_rebate'] as const;

/**
 * A contract's discounts by volume: the net invoiced in the period (calendar or contract year) reaches tiers; either
 * each invoice gets a discount line for its part in each tier (`invoice`), or a credit note settles the year's
 * discount once the year closes (`year_end_rebate`).
 */
export interface VolumeDiscountTerms {
  period: (typeof VOLUME_PERIODS)[number];
  settlement: (typeof VOLUME_SETTLEMENTS)[number];
  tiers: VolumeTier[];
}

/** One stretch of volume at one rate. */
export interface VolumeSlice {
  /** The volume where the stretch starts and ends, in minor units. */
  from: number;
  to: number;
  percent: number;
}

const PERCENT_SCALE = 4;
const PERCENT_DENOMINATOR = 100n * 10n ** BigInt(PERCENT_SCALE);

/** Problems with a tier list, empty when it is valid: ascending `from`, percents in (0, 100). */
export function volumeTierProblems(tiers: readonly VolumeTier[]): string[] {
  const problems: string[] = [];
  if (tiers.length === 0) problems.push('at least one tier');
  tiers.forEach((tier, i) => {
    if (!Number.isSafeInteger(tier.from) || tier.from < 0) problems.push(`tiers[${i}].from must be a whole number of minor units, at least 0`);
    if (!(tier.percent > 0 && tier.percent < 100)) problems.push(`tiers[${i}].percent must be above 0 and below 100`);
    if (i > 0 && tier.from <= tiers[i - 1].from) problems.push(`tiers[${i}].from must be above tiers[${i - 1}].from`);
  });
  return problems;
}

/** The tier reached at a volume, or null below the first. */
export function tierAt(tiers: readonly VolumeTier[], volume: number): VolumeTier | null {
  let reached: VolumeTier | null = null;
  for (const tier of tiers) if (volume >= tier.from) reached = tier;
  return reached;
}

/**
 * The stretches of [before, before + amount) and the rate of each: a tier reached in the middle of the amount gives
 * its rate only to the part above its threshold. Below the first tier nothing is discounted.
 */
export function volumeSlices(tiers: readonly VolumeTier[], before: number, amount: number): VolumeSlice[] {
  const slices: VolumeSlice[] = [];
  const end = before + Math.max(0, amount);
  tiers.forEach((tier, i) => {
    const next = tiers[i + 1]?.from ?? Number.POSITIVE_INFINITY;
    const from = Math.max(before, tier.from);
    const to = Math.min(end, next);
    if (to > from) slices.push({ from, to, percent: tier.percent });
  });
  return slices;
}

/** Σ stretch × percent, exact (scaled by 10^6); round once with {@link roundVolumeDiscount}. */
export function volumeDiscountNumerator(slices: readonly VolumeSlice[]): bigint {
  return slices.reduce((sum, s) => sum + BigInt(s.to - s.from) * toScaledInteger(s.percent, PERCENT_SCALE), 0n);
}

/** The discount in minor units, rounded half away from zero. */
export function roundVolumeDiscount(numerator: bigint): number {
  return Number(divideRoundHalfAwayFromZero(numerator, PERCENT_DENOMINATOR));
}

/** The discount the tiers give the whole volume of a period (what a year-end rebate pays). */
export function periodVolumeDiscount(tiers: readonly VolumeTier[], volume: number): number {
  return roundVolumeDiscount(volumeDiscountNumerator(volumeSlices(tiers, 0, volume)));
}

/** The period a date falls in: the calendar year, or the contract year counted from `startsOn`. */
export function volumePeriod(period: VolumeDiscountTerms['period'], startsOn: string, date: string): { from: string; to: string } {
  if (period === 'calendar_year') return { from: `${date.slice(0, 4)}-01-01`, to: `${date.slice(0, 4)}-12-31` };
  let year = Number(date.slice(0, 4));
  if (anniversary(startsOn, year) > date) year -= 1;
  return { from: anniversary(startsOn, year), to: addDays(anniversary(startsOn, year + 1), -1) };
}

/** The period before the one a date falls in (the one a year-end rebate settles on that date). */
export function previousVolumePeriod(period: VolumeDiscountTerms['period'], startsOn: string, date: string): { from: string; to: string } {
  return volumePeriod(period, startsOn, addDays(volumePeriod(period, startsOn, date).from, -1));
}

/** startsOn's month and day in `year` (29 February becomes 28 February outside leap years). */
function anniversary(startsOn: string, year: number): string {
  const [, month, day] = startsOn.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
