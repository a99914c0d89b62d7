import { addDays, CalendarDate } from '@ar/time';

/** An invoice that may be paid in the month: what it owed when the plan was set and when it fell or falls due. */
export interface PlannedInvoice {
  clientId: string;
  currency: string;
  dueDate: CalendarDate;
  owed: number;
  /** Covered by an active instalment plan, whose instalments are expected instead. */
  inPlan: boolean;
}

export interface ExpectedPayment {
  source: 'promise' | 'instalment';
  clientId: string;
  currency: string;
  expectedOn: CalendarDate;
  amount: number;
}

export interface CollectionPlanLine {
  clientId: string;
  currency: string;
  fromInvoices: number;
  fromPromises: number;
  fromInstalments: number;
}

/**
 * The cash expected from each client in a month: invoices whose predicted payment date (due date plus the
 * client's typical delay; not before `earliest`, the day after the balances were taken, since what is late is
 * expected from then on) falls in it, unless an instalment plan covers them or,
 * for invoices already overdue when the month starts, an active promise of the client stands for them; plus the
 * promises and instalments expected in the month.
 */
export function planMonth(
  month: { start: CalendarDate; end: CalendarDate },
  invoices: PlannedInvoice[],
  expected: ExpectedPayment[],
  delays: ReadonlyMap<string, number>,
  earliest: CalendarDate = month.start,
): CollectionPlanLine[] {
  const lines = new Map<string, CollectionPlanLine>();
  const line = (clientId: string, currency: string) => {
    const key = `${clientId}|${currency}`;
    const found = lines.get(key) ?? { clientId, currency, fromInvoices: 0, fromPromises: 0, fromInstalments: 0 };
    lines.set(key, found);
    return found;
  };
  const inMonth = (date: CalendarDate) => date >= month.start && date <= month.end;
  const promised = new Set(expected.filter((e) => e.source === 'promise').map((e) => `${e.clientId}|${e.currency}`));
  for (const invoice of invoices) {
    if (invoice.inPlan || invoice.owed <= 0) continue;
    if (invoice.dueDate < month.start && promised.has(`${invoice.clientId}|${invoice.currency}`)) continue;
    const predicted = addDays(invoice.dueDate, Math.round(delays.get(invoice.clientId) ?? 0));
    if (inMonth(predicted < earliest ? earliest : predicted)) line(invoice.clientId, invoice.currency).fromInvoices += invoice.owed;
  }
  for (const e of expected) {
    if (!inMonth(e.expectedOn) || e.amount <= 0) continue;
    if (e.source === 'promise') line(e.clientId, e.currency).fromPromises += e.amount;
    else line(e.clientId, e.currency).fromInstalments += e.amount;
  }
  return [...lines.values()];
}
