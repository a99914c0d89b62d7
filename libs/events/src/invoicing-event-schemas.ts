import { Type } from '@sinclair/typebox';
import { CalendarDate, Currency, Data, MinorUnits, Nullable, Uuid } from './event-fields';
import { eventSchemas } from './event-definition';

const InvoiceSnapshot = Data({
  invoiceId: Uuid,
  number: Type.String(),
  clientId: Uuid,
  contractId: Uuid,
  currency: Currency,
  total: MinorUnits,
  balance: MinorUnits,
  issueDate: CalendarDate,
  dueDate: CalendarDate,
  status: Type.String(),
  disputed: Type.Boolean(),
  kind: Type.Union([Type.Literal('standard'), Type.Literal('interest')]),
  originalInvoiceId: Nullable(Uuid),
});

const CreditNoteRequest = Data({
  requestId: Uuid,
  invoiceId: Uuid,
  clientId: Uuid,
  amount: MinorUnits,
  currency: Currency,
  reason: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
  requestedBy: Uuid,
  decidedBy: Nullable(Uuid),
  creditNoteId: Nullable(Uuid),
});

const PaymentFields = {
  paymentId: Uuid,
  clientId: Uuid,
  amount: MinorUnits,
  currency: Currency,
  receivedOn: CalendarDate,
  reference: Nullable(Type.String()),
  externalId: Nullable(Type.String()),
  unappliedAmount: MinorUnits,
  allocations: Type.Array(Data({ invoiceId: Uuid, amount: MinorUnits })),
};

const InterestAdjustment = Data({
  adjustmentId: Uuid,
  invoiceId: Uuid,
  clientId: Uuid,
  number: Type.String(),
  currency: Currency,
  through: CalendarDate,
  interest: MinorUnits,
  fees: MinorUnits,
  reason: Nullable(Type.String()),
  actorId: Uuid,
  interestInvoiceId: Nullable(Uuid),
});

const LetterFields = {
  letterId: Uuid,
  number: Type.String(),
  clientId: Uuid,
  kind: Type.Union([Type.Literal('courtesy'), Type.Literal('reminder'), Type.Literal('final_notice'), Type.Literal('pre_trial_claim'), Type.Literal('statement')]),
  level: Nullable(Type.Integer({ minimum: 0, description: '0 for a courtesy reminder before the due date; null on demand' })),
  channel: Type.Union([Type.Literal('email'), Type.Literal('post')]),
  invoiceIds: Type.Array(Uuid),
  currency: Currency,
  totalDue: MinorUnits,
  reference: Nullable(Type.String()),
};

const ids = { invoiceId: '0190a000-0000-7000-8000-000000001001', clientId: '0190a000-0000-7000-8000-000000000001', paymentId: '0190a000-0000-7000-8000-000000002001' };
const invoice = {
  invoiceId: ids.invoiceId, number: '2026-000123', clientId: ids.clientId, contractId: '0190a000-0000-7000-8000-000000000c01', currency: 'EUR',
  total: 119_000, balance: 119_000, issueDate: '2026-03-01', dueDate: '2026-03-31', status: 'open', disputed: false, kind: 'standard', originalInvoiceId: null,
};
const request = {
  requestId: '0190a000-0000-7000-8000-000000003001', invoiceId: ids.invoiceId, clientId: ids.clientId, amount: 10_000, currency: 'EUR',
  reason: 'Two pallets arrived damaged', status: 'pending', requestedBy: '0190a000-0000-7000-8000-0000000000a1', decidedBy: null, creditNoteId: null,
};
const payment = {
  paymentId: ids.paymentId, clientId: ids.clientId, amount: 119_000, currency: 'EUR', receivedOn: '2026-04-02', reference: 'RF18539007547034 2026-000123',
  externalId: 'bank-2026-04-02-0001', unappliedAmount: 0, allocations: [{ invoiceId: ids.invoiceId, amount: 119_000 }],
};
const adjustment = {
  adjustmentId: '0190a000-0000-7000-8000-000000004001', invoiceId: ids.invoiceId, clientId: ids.clientId, number: '2026-000123', currency: 'EUR',
  through: '2026-05-15', interest: 1_857, fees: 4_000, reason: null, actorId: '0190a000-0000-7000-8000-0000000000f1', interestInvoiceId: '0190a000-0000-7000-8000-000000001002',
};

const letter = {
  letterId: '0190a000-0000-7000-8000-000000006101', number: 'L-2026-000042', clientId: '0190a000-0000-7000-8000-000000000001', kind: 'reminder', level: 1,
  channel: 'email', invoiceIds: ['0190a000-0000-7000-8000-000000001001'], currency: 'EUR', totalDue: 119_000, reference: 'RF58L2026000042',
};


const DisputeCaseData = Data({
  caseId: Uuid,
  invoiceId: Uuid,
  clientId: Uuid,
  currency: Currency,
  amount: MinorUnits,
  reasonCode: Type.Union(['price', 'quantity', 'quality', 'not_received', 'duplicate', 'other'].map((c) => Type.Literal(c))),
  reason: Type.String(),
  ownerId: Nullable(Uuid),
  dueOn: CalendarDate,
  status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
  resolution: Nullable(Type.Union(['credit_note', 'write_off', 'rejected', 'paid'].map((c) => Type.Literal(c)))),
  resolutionAmount: Nullable(MinorUnits),
  proposedResolution: Nullable(Type.Union([Type.Literal('credit_note'), Type.Literal('write_off')])),
  proposedAmount: Nullable(MinorUnits),
  openedOn: CalendarDate,
  resolvedOn: Nullable(CalendarDate),
});
const disputeCase = {
  caseId: '0190a000-0000-7000-8000-00000000b001', invoiceId: '0190a000-0000-7000-8000-000000001001', clientId: '0190a000-0000-7000-8000-000000000001',
  currency: 'EUR', amount: 119_000, reasonCode: 'quality', reason: 'Goods arrived damaged', ownerId: '0190a000-0000-7000-8000-0000000000a1',
  dueOn: '2026-04-29', status: 'open', resolution: null, resolutionAmount: null, proposedResolution: null, proposedAmount: null, openedOn: '2026-04-15', resolvedOn: null,
};

/** What the invoicing context announces. */
export const INVOICING_EVENT_SCHEMAS = eventSchemas({
  'invoice.issued': { description: 'An invoice was issued (also an interest invoice, kind "interest").', data: InvoiceSnapshot, example: invoice },
  'invoice.paid': {
    description: 'An invoice was settled in full, by a payment (paymentId, discount taken) or a credit note (paymentId null).',
    data: Data({
      invoiceId: Uuid, number: Type.String(), clientId: Uuid, currency: Currency, total: MinorUnits, balance: MinorUnits,
      paymentId: Nullable(Uuid), discounted: MinorUnits,
    }),
    example: { invoiceId: ids.invoiceId, number: '2026-000123', clientId: ids.clientId, currency: 'EUR', total: 119_000, balance: 0, paymentId: ids.paymentId, discounted: 0 },
  },
  'invoice.reopened': {
    description: 'A payment that had settled (part of) the invoice was reversed; the invoice is owed again.',
    data: Data({ invoiceId: Uuid, paymentId: Uuid }),
    example: { invoiceId: ids.invoiceId, paymentId: ids.paymentId },
  },
  'invoice.voided': { description: 'An invoice was voided.', data: InvoiceSnapshot, example: { ...invoice, status: 'void', balance: 0 } },
  'invoice.disputed': { description: 'The client disputes the invoice.', data: InvoiceSnapshot, example: { ...invoice, disputed: true } },
  'invoice.dispute_resolved': { description: 'The dispute on the invoice was resolved.', data: InvoiceSnapshot, example: invoice },
  'invoice.interest_charged': { description: 'Late interest and fees were charged on an interest invoice.', data: InterestAdjustment, example: adjustment },
  'invoice.interest_waived': {
    description: 'Late interest and fees open on the invoice were waived; no more accrue.',
    data: InterestAdjustment,
    example: { ...adjustment, reason: 'Goodwill after the delivery delay', interestInvoiceId: null },
  },
  'credit_note.issued': {
    description: 'A credit note lowered what the invoice asks.',
    data: Data({ creditNoteId: Uuid, invoiceId: Uuid, clientId: Uuid, amount: MinorUnits, currency: Currency, reason: Type.String() }),
    example: { creditNoteId: '0190a000-0000-7000-8000-000000005001', invoiceId: ids.invoiceId, clientId: ids.clientId, amount: 10_000, currency: 'EUR', reason: 'Two pallets arrived damaged' },
  },
  'credit_note.requested': { description: 'An account manager asked finance for a credit note.', data: CreditNoteRequest, example: request },
  'credit_note.request_approved': {
    description: 'Finance approved a credit note request and issued the note.',
    data: CreditNoteRequest,
    example: { ...request, status: 'approved', decidedBy: '0190a000-0000-7000-8000-0000000000f1', creditNoteId: '0190a000-0000-7000-8000-000000005001' },
  },
  'credit_note.request_rejected': {
    description: 'Finance rejected a credit note request.',
    data: CreditNoteRequest,
    example: { ...request, status: 'rejected', decidedBy: '0190a000-0000-7000-8000-0000000000f1' },
  },
  'payment.received': { description: 'A payment was recorded and applied to the invoices listed.', data: Data(PaymentFields), example: payment },
  'payment.reversed': {
    description: 'A payment was reversed (returned, bounced); what it had settled is owed again.',
    data: Data({ ...PaymentFields, reversedOn: CalendarDate }),
    example: { ...payment, reversedOn: '2026-04-09' },
  },
  'dispute_case.opened': {
    description: 'A dispute case was opened for an invoice (by a person, or from a collections call that ended in a dispute); the invoice is disputed.',
    data: DisputeCaseData,
    example: disputeCase,
  },
  'dispute_case.resolution_proposed': {
    description: 'An account manager proposed resolving a dispute case by credit note or write-off; finance approves or declines it.',
    data: DisputeCaseData,
    example: { ...disputeCase, proposedResolution: 'credit_note', proposedAmount: 20_000 },
  },
  'dispute_case.resolved': {
    description: 'A dispute case was resolved: credit_note or write_off (booked), rejected (dunning resumes) or paid (closed when the invoice was paid).',
    data: DisputeCaseData,
    example: { ...disputeCase, status: 'resolved', resolution: 'credit_note', resolutionAmount: 20_000, resolvedOn: '2026-04-20' },
  },
  'credit.applied': {
    description: "The client's unapplied credit (what overpayments left) was applied to its open invoices, by finance or automatically.",
    data: Data({
      clientId: Uuid, currency: Currency, amount: MinorUnits, appliedOn: CalendarDate,
      allocations: Type.Array(Type.Object({ paymentId: Uuid, invoiceId: Uuid, amount: MinorUnits }, { additionalProperties: false })),
    }),
    example: {
      clientId: ids.clientId, currency: 'EUR', amount: 19_000, appliedOn: '2026-04-10',
      allocations: [{ paymentId: ids.paymentId, invoiceId: ids.invoiceId, amount: 19_000 }],
    },
  },
  'invoice.written_off': {
    description: 'Finance wrote off what cannot be collected on the invoice (all of it: balance 0 and status written_off; or part).',
    data: Data({
      writeOffId: Uuid, invoiceId: Uuid, clientId: Uuid, number: Type.String(), amount: MinorUnits, currency: Currency, balance: MinorUnits,
      reason: Type.String(), writtenOffBy: Uuid,
    }),
    example: {
      writeOffId: '0190a000-0000-7000-8000-00000000e001', invoiceId: ids.invoiceId, clientId: ids.clientId, number: '2026-000123', amount: 119_000,
      currency: 'EUR', balance: 0, reason: 'Debtor insolvent, no assets', writtenOffBy: '0190a000-0000-7000-8000-0000000000f1',
    },
  },
  'bank_statement.received': {
    description: 'A bank statement (camt) was imported; its new booked credit entries wait to be matched and applied.',
    data: Data({ statementId: Uuid, entries: Type.Integer({ minimum: 0 }) }),
    example: { statementId: '0190a000-0000-7000-8000-000000009001', entries: 42 },
  },
  'letter.queued': {
    description: 'A letter waits to be e-mailed (the worker sends it; subscribers hear of letter.sent or letter.failed).',
    data: Data(LetterFields),
    example: letter,
  },
  'letter.sent': {
    description: 'A letter was handed to the mail server for the client\'s billing contact.',
    data: Data({ ...LetterFields, recipientEmail: Type.String(), sentAt: Type.String({ format: 'date-time' }) }),
    example: { ...letter, recipientEmail: 'buchhaltung@muster.example', sentAt: '2026-04-15T06:01:02.000Z' },
  },
  'letter.failed': {
    description: 'A letter could not be e-mailed (refused by the mail server, retries exhausted, or interrupted); it is not retried.',
    data: Data({ ...LetterFields, reason: Type.String() }),
    example: { ...letter, reason: '550 5.1.1 mailbox unavailable' },
  },
});
