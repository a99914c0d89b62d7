import { CalendarDate, daysBetween } from '@ar/time';
import { Invoice, invoiceBalance } from './invoice.entity';

export interface OverdueState {
  overdue: boolean;
  daysOverdue: number;
}

/** Overdue: money still owed, not void or written off, and the as-of date is after the due date. */
export function overdueState(invoice: Pick<Invoice, 'status' | 'dueDate' | 'total' | 'amountPaid' | 'amountCredited' | 'amountDiscounted'>, asOf: CalendarDate): OverdueState {
  const owed = invoiceBalance(invoice) > 0 && invoice.status !== 'void' && invoice.status !== 'written_off';
  const days = daysBetween(invoice.dueDate, asOf);
  return owed && days > 0 ? { overdue: true, daysOverdue: days } : { overdue: false, daysOverdue: 0 };
}
