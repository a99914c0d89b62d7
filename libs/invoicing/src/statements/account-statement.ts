import { CalendarDate } from '@ar/time';

export type StatementEntryKind = 'invoice' | 'interest_invoice' | 'credit_note' | 'write_off' | 'payment' | 'reversal' | 'discount';

/** One movement on the client's account: what raised the debt (debit) or lowered it (credit), minor units. */
export interface AccountMovement {
  on: CalendarDate;
  kind: StatementEntryKind;
  /** The invoice number, or the payment's reference. */
  text: string;
  debit: number;
  credit: number;
  /** Orders movements of one day: invoices before what settles them. */
  sequence: number;
}

export interface AccountStatement {
  currency: string;
  from: CalendarDate;
  to: CalendarDate;
  /** What the client owed at the start of `from` (negative: credit in the client's favour). */
  opening: number;
  closing: number;
  debits: number;
  credits: number;
  entries: (Omit<AccountMovement, 'sequence'> & { balance: number })[];
}

const ORDER: Record<StatementEntryKind, number> = { invoice: 0, interest_invoice: 0, reversal: 1, credit_note: 2, write_off: 2, discount: 3, payment: 4 };

/**
 * The statement of a period from every movement up to its end: the opening balance sums what came before,
 * each entry carries the running balance, and closing = opening + debits − credits.
 */
export function accountStatement(currency: string, from: CalendarDate, to: CalendarDate, movements: AccountMovement[]): AccountStatement {
  const sorted = movements
    .filter((m) => m.on <= to)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : ORDER[a.kind] - ORDER[b.kind] || a.sequence - b.sequence));
  let balance = 0;
  let debits = 0;
  let credits = 0;
  const entries: AccountStatement['entries'] = [];
  let opening = 0;
  for (const m of sorted) {
    balance += m.debit - m.credit;
    if (m.on < from) {
      opening = balance;
      continue;
    }
    debits += m.debit;
    credits += m.credit;
    entries.push({ on: m.on, kind: m.kind, text: m.text, debit: m.debit, credit: m.credit, balance });
  }
  return { currency, from, to, opening, closing: opening + debits - credits, debits, credits, entries };
}

export function statementToCsv(statement: AccountStatement): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const rows = [
    'date,kind,text,debit,credit,balance,currency',
    `${statement.from},opening_balance,,,,${statement.opening},${statement.currency}`,
    ...statement.entries.map((e) => [e.on, e.kind, quote(e.text), e.debit, e.credit, e.balance, statement.currency].join(',')),
    `${statement.to},closing_balance,,,,${statement.closing},${statement.currency}`,
  ];
  return `${rows.join('\n')}\n`;
}
