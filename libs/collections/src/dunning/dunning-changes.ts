import { CalendarDate, daysBetween } from '@ar/time';
import { PolicyCatalog } from '../policies/policy-catalog';
import { feesBetween, nextLevel, targetLevel } from './dunning-level';

/** An overdue invoice as the sweep sees it: its receivable, its policy and its dunning state so far (level null: not dunned yet). */
export interface OverdueInvoice {
  invoiceId: string;
  clientId: string;
  number: string;
  currency: string;
  dueDate: CalendarDate;
  balance: number;
  disputed: boolean;
  policyId: string | null;
  level: number | null;
  feeAmount: number;
  /** The client promised to pay by a date not yet passed, a dunning hold covers the invoice, or the client's credit covers its overdue balance. */
  held: boolean;
  /** What the client has overdue in the invoice's currency (read only when a policy sets minimum amounts). */
  clientOverdue: number | null;
}

/** What a sweep changes for one invoice: it falls overdue for us (isNew) and/or its level rises (raised). */
export interface DunningChange {
  invoice: OverdueInvoice;
  daysOverdue: number;
  previousLevel: number;
  level: number;
  fee: number;
  isNew: boolean;
  raised: boolean;
}

/**
 * The dunning rule for a batch of overdue invoices as of a date: the level is the highest whose threshold the
 * days overdue reached, it only rises, and not while the invoice is disputed, its client's promise holds, a dunning hold covers it or the client owes
 * less overdue in the currency than the policy's minimum amount;
 * each level passed adds its fee. Only invoices that fall overdue or change level are returned. The statutory
 * flat fee and late interest are not here: the claim computes them from the ledger when read (@ar/claims).
 */
export function dunningChanges(invoices: OverdueInvoice[], policies: PolicyCatalog, asOf: CalendarDate): DunningChange[] {
  return invoices
    .map((invoice) => {
      const levels = policies.levels(invoice.policyId);
      const daysOverdue = daysBetween(invoice.dueDate, asOf);
      const previousLevel = invoice.level ?? 0;
      const belowMinimum = invoice.clientOverdue !== null && invoice.clientOverdue < policies.minimumAmount(invoice.policyId, invoice.currency);
      const level = nextLevel(previousLevel, targetLevel(levels, daysOverdue), invoice.disputed || invoice.held || belowMinimum);
      const fee = invoice.feeAmount + feesBetween(levels, previousLevel, level);
      return { invoice, daysOverdue, previousLevel, level, fee, isNew: invoice.level === null, raised: level > previousLevel };
    })
    .filter((c) => c.isNew || c.raised);
}
