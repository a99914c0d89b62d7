export const PERIOD_GROUPS = ['none', 'client', 'manager', 'month'] as const;
export type PeriodGroupBy = (typeof PERIOD_GROUPS)[number];

export interface CountAndAmount {
  count: number;
  /** Minor units. */
  amount: number;
}

/**
 * What happened to a group's invoices in a period, per currency. `issued` and `voided` are the invoices issued in the
 * period (now void or not); the rest are movements dated in the period, on invoices that are not void: payments
 * applied (net of reversals; `count` is the invoices paid in full), cash discounts, credit notes and write-offs.
 * Closing receivables = opening + issued − paid − discounted − credited − writtenOff, as the aging report has them.
 */
export interface InvoicePeriodRow {
  key: string;
  currency: string;
  issued: CountAndAmount;
  voided: CountAndAmount;
  paid: CountAndAmount;
  discounted: CountAndAmount;
  credited: CountAndAmount;
  writtenOff: CountAndAmount;
}

/**
 * The payments received in a period, per group and currency: `received` = `applied` (to invoices) + `unapplied`
 * (credit left with the client) + `reversed`; counts are payments (a payment partly applied counts in both).
 */
export interface PaymentPeriodRow {
  key: string;
  currency: string;
  received: CountAndAmount;
  applied: CountAndAmount;
  unapplied: CountAndAmount;
  reversed: CountAndAmount;
}

const INVOICE_MEASURES = ['issued', 'voided', 'paid', 'discounted', 'credited', 'writtenOff'] as const;
const PAYMENT_MEASURES = ['received', 'applied', 'unapplied', 'reversed'] as const;

export type InvoiceMeasure = (typeof INVOICE_MEASURES)[number];

/** Rows of (key, currency, measure, count, amount) folded into one row per key and currency, every measure present. */
export function foldInvoiceMeasures(rows: { key: string; currency: string; measure: InvoiceMeasure; count: number; amount: number }[]): InvoicePeriodRow[] {
  const byGroup = new Map<string, InvoicePeriodRow>();
  for (const r of rows) {
    const id = `${r.key}\u0000${r.currency}`;
    let row = byGroup.get(id);
    if (!row) {
      row = { key: r.key, currency: r.currency, ...zeroes(INVOICE_MEASURES) } as InvoicePeriodRow;
      byGroup.set(id, row);
    }
    row[r.measure].count += r.count;
    row[r.measure].amount += r.amount;
  }
  return [...byGroup.values()].sort((a, b) => (a.key === b.key ? a.currency.localeCompare(b.currency) : a.key < b.key ? -1 : 1));
}

function zeroes<M extends string>(measures: readonly M[]): Record<M, CountAndAmount> {
  return Object.fromEntries(measures.map((m) => [m, { count: 0, amount: 0 }])) as Record<M, CountAndAmount>;
}

const escapeCsv = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const snake = (measure: string) => measure.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function toCsv<R extends { key: string; currency: string }>(rows: R[], measures: readonly (keyof R & string)[]): string {
  const header = ['key', 'currency', ...measures.flatMap((m) => [`${snake(m)}_count`, `${snake(m)}_amount`])].join(',');
  const lines = rows.map((r) =>
    [escapeCsv(r.key), r.currency, ...measures.flatMap((m) => [(r[m] as CountAndAmount).count, (r[m] as CountAndAmount).amount])].join(','),
  );
  return [header, ...lines].join('\n') + '\n';
}

/** One line per group and currency; amounts in minor units. */
export function invoicePeriodToCsv(rows: InvoicePeriodRow[]): string {
  return toCsv(rows, INVOICE_MEASURES);
}

export function paymentPeriodToCsv(rows: PaymentPeriodRow[]): string {
  return toCsv(rows, PAYMENT_MEASURES);
}
