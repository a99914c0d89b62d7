import { DomainError } from '@ar/errors';
import type { PayableInvoice } from '../invoices/invoice.repository';
import { byDueDate } from './allocate-payment';
import { OPEN_STATUSES } from '../invoices/open-receivable';

export interface PaymentTargetRequest {
  clientId: string;
  currency: string;
  invoiceId?: string | null;
  reference?: string | null;
  /** The invoices of the letter whose RF creditor reference the payment quotes (of the same client). */
  letterInvoiceIds?: readonly string[] | null;
}

const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);

const isWordCharacter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Whether the reference quotes the number as a whole token: not inside a longer run of letters and digits
 * (an invoice numbered `0` or `12` is not quoted by `2026-000123`).
 */
export function quotesInvoiceNumber(reference: string, number: string): boolean {
  for (let at = reference.indexOf(number); at !== -1; at = reference.indexOf(number, at + 1)) {
    const before = reference[at - 1];
    const after = reference[at + number.length];
    const startsInsideWord = isWordCharacter(before) && isWordCharacter(number[0]);
    const endsInsideWord = isWordCharacter(after) && isWordCharacter(number[number.length - 1]);
    if (!startsInsideWord && !endsInsideWord) return true;
  }
  return false;
}

/**
 * Which invoices a payment settles, in allocation order: the invoice the payer named; else the open invoices
 * of the letter whose RF reference it quotes, oldest due date first; else the client's
 * invoice whose number the reference quotes as a whole token (the longest number wins); else the client's open invoices
 * in the payment's currency, oldest due date first. `candidates` may hold more than that (the locked
 * superset); anything outside the rule is ignored. A named invoice the payment cannot take is a 422.
 */
export function selectPaymentTargets(request: PaymentTargetRequest, candidates: PayableInvoice[]): PayableInvoice[] {
  if (request.invoiceId) {
    const invoice = candidates.find((i) => i.id === request.invoiceId);
    if (!invoice || invoice.clientId !== request.clientId) {
      throw DomainError.businessRule(`Invoice ${request.invoiceId} does not belong to client ${request.clientId}`);
    }
    if (invoice.currency !== request.currency) {
      throw DomainError.businessRule(`The payment is in ${request.currency} but invoice ${invoice.number} is in ${invoice.currency}`);
    }
    if (invoice.status === 'void' || invoice.status === 'written_off') {
      throw DomainError.businessRule(`Invoice ${invoice.number} is ${invoice.status} and cannot take payments`);
    }
    return [invoice];
  }
  const own = candidates.filter((i) => i.clientId === request.clientId && i.currency === request.currency);
  if (request.letterInvoiceIds?.length) {
    const fromLetter = own.filter((i) => OPEN.has(i.status) && request.letterInvoiceIds?.includes(i.id)).sort(byDueDate);
    if (fromLetter.length > 0) return fromLetter;
  }
  const reference = request.reference;
  if (reference) {
    const quoted = own
      .filter((i) => i.status !== 'void' && quotesInvoiceNumber(reference, i.number))
      .sort((a, b) => b.number.length - a.number.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (quoted.length > 0) return [quoted[0]];
  }
  return own.filter((i) => OPEN.has(i.status)).sort(byDueDate);
}
