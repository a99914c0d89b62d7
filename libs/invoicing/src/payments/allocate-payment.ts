import { CashDiscountTerms, settlesWithCashDiscount } from '@ar/money';
import { addDays, CalendarDate } from '@ar/time';

export interface AllocatableInvoice {
  id: string;
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  total: number;
  /** Already settled by payments, credit notes and discounts. */
  settled: number;
  cashDiscount: CashDiscountTerms | null;
}

export interface Allocation {
  invoiceId: string;
  paid: number;
  /** Skonto granted on top of `paid`, settling the invoice in full. */
  discounted: number;
}

export interface AllocationResult {
  allocations: Allocation[];
  unapplied: number;
}

/** Oldest due date first; ties by issue date, then number, so allocation is deterministic. */
export function byDueDate(a: AllocatableInvoice, b: AllocatableInvoice): number {
  return a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number);
}

/**
 * Spreads a payment over invoices in the given order. An invoice still within its cash-discount window
 * is settled in full once the payment brings it to total × (1 − percent); the gap is booked as discount.
 */
export function allocatePayment(amount: number, receivedOn: CalendarDate, invoices: AllocatableInvoice[]): AllocationResult {
  let remaining = amount;
  const allocations: Allocation[] = [];
  for (const invoice of invoices) {
    if (remaining <= 0) break;
    const balance = invoice.total - invoice.settled;
    if (balance <= 0) continue;
    const paid = Math.min(remaining, balance);
    let discounted = 0;
    const terms = invoice.cashDiscount;
    if (paid < balance && terms && receivedOn <= addDays(invoice.issueDate, terms.days)) {
      if (settlesWithCashDiscount(invoice.total, invoice.settled + paid, terms)) discounted = balance - paid;
    }
    allocations.push({ invoiceId: invoice.id, paid, discounted });
    remaining -= paid;
  }
  return { allocations, unapplied: remaining };
}
