import { divideRoundHalfAwayFromZero, toScaledInteger } from '@ar/money';
import { addDays, CalendarDate, daysBetween, isLeapYear } from '@ar/time';
import { halfYearStart, InterestRule, rateInForce, RateSeriesName, RateTable, STATUTORY_RULES } from './interest-rules';

/** What lowered (or, for a reversal, raised again) the principal, effective at the end of its day. */
export interface LedgerEntry {
  on: CalendarDate;
  kind: 'payment' | 'discount' | 'credit_note' | 'write_off' | 'reversal';
  /** Minor units; positive. A reversal adds its amount back. */
  amount: number;
}

export interface InterestInput {
  total: number;
  dueDate: CalendarDate;
  /** The last day that bears interest. */
  asOf: CalendarDate;
  rule: InterestRule;
  /** For `fixed`: the contract's annual rate. */
  fixedRatePercent?: number | null;
  rates: RateTable;
  ledger: readonly LedgerEntry[];
  /** The first day that may bear interest (after days already charged or waived); default dueDate + 1. */
  from?: CalendarDate;
  /** Waiving stops accrual: no day after this bears interest. */
  until?: CalendarDate | null;
}

export interface InterestPeriod {
  from: CalendarDate;
  to: CalendarDate;
  days: number;
  dayBasis: 365 | 366;
  principal: number;
  rule: InterestRule;
  rateSeries: RateSeriesName | null;
  referenceRatePercent: number;
  marginPercent: number;
  ratePercent: number;
  interest: number;
}

const RATE_SCALE = 4;
const SCALE = 10n ** BigInt(RATE_SCALE);

interface DayTerms {
  principal: number;
  dayBasis: 365 | 366;
  rateSeries: RateSeriesName | null;
  reference: bigint;
  margin: bigint;
}

const sameTerms = (a: DayTerms, b: DayTerms) =>
  a.principal === b.principal && a.dayBasis === b.dayBasis && a.reference === b.reference && a.margin === b.margin && a.rateSeries === b.rateSeries;

/** Principal outstanding at the end of each ledger date: total less what was applied on or before it. */
function principalAt(total: number, ledger: readonly LedgerEntry[]): (day: CalendarDate) => number {
  const sorted = [...ledger].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return (day) => {
    let principal = total;
    for (const entry of sorted) {
      if (entry.on > day) break;
      principal += entry.kind === 'reversal' ? entry.amount : -entry.amount;
    }
    return Math.max(0, principal);
  };
}

/** The dates on which something may change: ledger dates, rate changes, half-year and year starts. */
function changeDays(input: InterestInput, first: CalendarDate, last: CalendarDate): CalendarDate[] {
  const days = new Set<CalendarDate>([first]);
  // A payment counts from the end of its own day: that day already bears interest on the lower principal.
  for (const e of input.ledger) days.add(e.on < first ? first : e.on);
  for (const points of Object.values(input.rates)) for (const p of points ?? []) days.add(p.validFrom);
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    days.add(`${String(year).padStart(4, '0')}-01-01`);
    days.add(`${String(year).padStart(4, '0')}-07-01`);
  }
  return [...days].filter((d) => d >= first && d <= last).sort();
}

/**
 * Late interest from the ledger: day `d` (after the due date, up to `asOf`) bears interest on the principal
 * outstanding at the end of `d`, at the rule's rate for `d`. Periods split wherever the principal, the rate or
 * the day basis changes; each period is rounded half away from zero to the minor unit, and the total is the
 * sum of the periods. BigInt throughout. No interest on interest or fees: the principal is the invoice total
 * less payments, discounts and credit notes.
 */
export function interestPeriods(input: InterestInput): InterestPeriod[] {
  if (input.rule === 'none') return [];
  const first = [addDays(input.dueDate, 1), input.from].filter((d): d is CalendarDate => !!d).sort().at(-1) as CalendarDate;
  const last = [input.asOf, input.until].filter((d): d is CalendarDate => !!d).sort()[0];
  if (first > last) return [];
  const principalOn = principalAt(input.total, input.ledger);
  const termsOn = (day: CalendarDate): DayTerms => {
    if (input.rule === 'fixed') {
      return { principal: principalOn(day), dayBasis: 365, rateSeries: null, reference: 0n, margin: toScaledInteger(input.fixedRatePercent ?? 0, RATE_SCALE) };
    }
    const rule = STATUTORY_RULES[input.rule as Exclude<InterestRule, 'none' | 'fixed'>];
    const points = input.rates[rule.series] ?? [];
    const reference = toScaledInteger(rateInForce(points, rule.halfYearly ? halfYearStart(day) : day), RATE_SCALE);
    return {
      principal: principalOn(day),
      dayBasis: rule.dayBasis === 'calendar_year' && isLeapYear(Number(day.slice(0, 4))) ? 366 : 365,
      rateSeries: rule.series,
      reference,
      margin: toScaledInteger(rule.marginPercent, RATE_SCALE),
    };
  };

  // Terms only change on the change days, so walk those rather than every day.
  const starts = changeDays(input, first, last);
  const periods: InterestPeriod[] = [];
  let open: { from: CalendarDate; to: CalendarDate; terms: DayTerms } | undefined;
  const close = () => {
    if (!open) return;
    const { terms } = open;
    const rate = terms.reference + terms.margin;
    const days = daysBetween(open.from, open.to) + 1;
    if (terms.principal > 0 && rate > 0n) {
      const interest = divideRoundHalfAwayFromZero(BigInt(terms.principal) * rate * BigInt(days), 100n * SCALE * BigInt(terms.dayBasis));
      periods.push({
        from: open.from,
        to: open.to,
        days,
        dayBasis: terms.dayBasis,
        principal: terms.principal,
        rule: input.rule,
        rateSeries: terms.rateSeries,
        referenceRatePercent: Number(terms.reference) / Number(SCALE),
        marginPercent: Number(terms.margin) / Number(SCALE),
        ratePercent: Number(rate) / Number(SCALE),
        interest: Number(interest),
      });
    }
    open = undefined;
  };
  for (let i = 0; i < starts.length; i++) {
    const day = starts[i];
    const to = i + 1 < starts.length ? addDays(starts[i + 1], -1) : last;
    const terms = termsOn(day);
    if (open && sameTerms(open.terms, terms)) open.to = to;
    else {
      close();
      open = { from: day, to, terms };
    }
  }
  close();
  return periods;
}

/** The sum of the periods' interest. */
export function totalInterest(periods: readonly InterestPeriod[]): number {
  return periods.reduce((sum, p) => sum + p.interest, 0);
}
