import type { AppConfig } from '@ar/config';
import { formatMoney } from '@ar/money';
import { CalendarDate, daysBetween } from '@ar/time';
import type { InvoiceClaim } from '../claims/invoice-claims.service';
import type { ClientCorrespondence } from '../directory/contracts-directory';
import type { Invoice } from '../invoices/invoice.entity';
import { formatCreditorReference } from './creditor-reference';
import { LetterDocument, Sender } from './letter-document';
import { LetterKind, LetterLanguage, letterLanguage } from './letter-kinds';
import { formatLetterDate, localeOf } from './letter-labels';
import { LetterTemplateText, renderTemplate } from './letter-template';
import { paymentQrPayload } from './payment-qr';

/** The statutory answer period of a Russian pre-trial claim (art. 4(5) of the Arbitrazh Procedure Code). */
export const PRE_TRIAL_ANSWER_DAYS = 30;

export interface DunningLetterInput {
  kind: Exclude<LetterKind, 'statement'>;
  level: number | null;
  language: LetterLanguage;
  number: string;
  reference: string;
  date: CalendarDate;
  payBy: CalendarDate;
  client: ClientCorrespondence;
  /** The billing contact the letter is addressed to, if any. */
  contact: { name: string } | null;
  sender: Sender;
  template: LetterTemplateText;
  /** The claimed invoices with their claim statements as of the letter's date, in one currency. */
  claims: { invoice: Invoice; claim: InvoiceClaim }[];
}

/** Whom a letter to the client addresses: its first billing contact, in that contact's language, else the client's (else English). */
export function addresseeOf(client: ClientCorrespondence): { contact: ClientCorrespondence['billingContacts'][number] | null; language: LetterLanguage } {
  const contact = client.billingContacts[0] ?? null;
  return { contact, language: letterLanguage(contact?.language, client.language) };
}

/** The sender printed on every letter and paid through its QR code, from SENDER_*. */
export function letterSender(sender: AppConfig['sender']): Sender {
  return {
    name: sender.name,
    addressLines: [...sender.addressLines],
    email: null,
    payee: { name: sender.name, iban: sender.iban, bic: sender.bic, bankName: sender.bankName, correspondentAccount: sender.correspondentAccount ?? undefined },
  };
}

/** The letter's window address: the client, the contact, the street, postcode and city, the country. */
export function recipientOf(client: ClientCorrespondence, contact: { name: string } | null): LetterDocument['recipient'] {
  const address = client.postalAddress;
  return {
    name: client.name,
    lines: [...(contact ? [contact.name] : []), ...(address ? [address.street, `${address.postalCode} ${address.city}`] : []), client.country],
  };
}

/** Everything a reminder, final notice or pre-trial claim prints, from the claim statements of its invoices. */
export function composeDunningLetter(input: DunningLetterInput): LetterDocument {
  const currency = input.claims[0].claim.currency;
  const money = (amount: number) => formatMoney(amount, currency, localeOf(input.language));
  const date = (value: string) => formatLetterDate(value, input.language);
  const totals = { outstanding: 0, interest: 0, fees: 0, due: 0 };
  for (const { claim } of input.claims) {
    totals.outstanding += claim.principal.outstanding;
    totals.interest += claim.openInterest;
    totals.fees += claim.openFees;
    totals.due += claim.totalClaimable;
  }
  const view = {
    client: { name: input.client.name },
    contact: { name: input.contact?.name ?? '' },
    letter: {
      number: input.number,
      date: date(input.date),
      payBy: date(input.payBy),
      reference: formatCreditorReference(input.reference),
      level: input.level ?? '',
      answerDays: PRE_TRIAL_ANSWER_DAYS,
    },
    totals: { outstanding: money(totals.outstanding), interest: money(totals.interest), fees: money(totals.fees), due: money(totals.due) },
    sender: { name: input.sender.name },
    invoices: input.claims.map(({ claim }) => ({ number: claim.number, dueDate: date(claim.dueDate), outstanding: money(claim.principal.outstanding) })),
  };
  return {
    kind: input.kind,
    language: input.language,
    sender: input.sender,
    recipient: recipientOf(input.client, input.contact),
    date: input.date,
    number: input.number,
    reference: input.reference,
    subject: renderTemplate(input.template.subject, view).replace(/\s+/g, ' ').trim(),
    body: renderTemplate(input.template.body, view),
    currency,
    invoices: input.claims.map(({ invoice, claim }) => ({
      number: claim.number,
      issueDate: invoice.issueDate,
      dueDate: claim.dueDate,
      amount: claim.principal.total,
      paid: claim.principal.paid + claim.principal.credited + claim.principal.discounted,
      outstanding: claim.principal.outstanding,
      daysOverdue: Math.max(0, daysBetween(claim.dueDate, input.date)),
    })),
    totals,
    payBy: input.payBy,
    interestPeriods: input.claims.flatMap(({ claim }) =>
      claim.periods
        .filter((p) => p.interest > 0)
        .map((p) => ({ invoiceNumber: claim.number, from: p.from, to: p.to, days: p.days, principal: p.principal, ratePercent: p.ratePercent, interest: p.interest })),
    ),
    qrPayload: paymentQrPayload(input.sender.payee, { amount: totals.due, currency, reference: input.reference, purpose: input.number }),
    statement: null,
  };
}
