import { addDays, CalendarDate } from '@ar/time';
import { Invoice, invoiceBalance } from './invoice.entity';

/**
 * When an open invoice is likely to be paid: its due date plus its client's typical delay (the amount-weighted mean
 * days late over the past year, invoicing.days_late_v1), whole days; never before `asOf`, since what is still owed
 * is not paid in the past. Null for an invoice that owes nothing.
 */
export function predictedPaymentDate(
  invoice: Pick<Invoice, 'status' | 'dueDate' | 'total' | 'amountPaid' | 'amountCredited' | 'amountDiscounted'>,
  typicalDelayDays: number,
  asOf: CalendarDate,
): CalendarDate | null {
  if (!['open', 'partially_paid'].includes(invoice.status) || invoiceBalance(invoice) <= 0) return null;
  const predicted = addDays(invoice.dueDate, Math.round(typicalDelayDays));
  return predicted < asOf ? asOf : predicted;
}
