import { CalendarDate } from '@ar/time';
import { LetterKind, LetterLanguage } from './letter-kinds';
import { LetterLabels } from './letter-labels';
import { Payee } from './payment-qr';

/** Who writes: from configuration (SENDER_*). */
export interface Sender {
  name: string;
  addressLines: string[];
  email: string | null;
  payee: Payee;
}

export interface LetterInvoiceRow {
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  amount: number;
  paid: number;
  outstanding: number;
  daysOverdue: number;
}

export interface LetterInterestRow {
  invoiceNumber: string;
  from: CalendarDate;
  to: CalendarDate;
  days: number;
  principal: number;
  ratePercent: number;
  interest: number;
}

export interface StatementEntry {
  on: CalendarDate;
  kind: keyof LetterLabels['entryKinds'];
  text: string;
  debit: number;
  credit: number;
  balance: number;
}

/** Everything a letter prints, amounts in minor units of `currency`; rendered by renderLetterPdf. */
export interface LetterDocument {
  kind: LetterKind;
  language: LetterLanguage;
  sender: Sender;
  recipient: { name: string; lines: string[] };
  date: CalendarDate;
  number: string;
  /** The RF creditor reference; null on a statement. */
  reference: string | null;
  subject: string;
  body: string;
  currency: string;
  invoices: LetterInvoiceRow[];
  totals: { outstanding: number; interest: number; fees: number; due: number };
  payBy: CalendarDate | null;
  /** Printed on an annex page for final notices and pre-trial claims. */
  interestPeriods: LetterInterestRow[];
  qrPayload: string | null;
  statement: { from: CalendarDate; to: CalendarDate; opening: number; closing: number; entries: StatementEntry[] } | null;
}
