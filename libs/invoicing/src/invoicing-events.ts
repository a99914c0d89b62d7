/** Event types the invoicing context writes to its outbox. Renaming one breaks subscribers. */
export const InvoicingEvents = {
  InvoiceIssued: 'invoice.issued',
  InvoicePaid: 'invoice.paid',
  InvoiceReopened: 'invoice.reopened',
  InvoiceVoided: 'invoice.voided',
  InvoiceDisputed: 'invoice.disputed',
  InvoiceDisputeResolved: 'invoice.dispute_resolved',
  CreditNoteIssued: 'credit_note.issued',
  CreditNoteRequested: 'credit_note.requested',
  CreditNoteRequestApproved: 'credit_note.request_approved',
  CreditNoteRequestRejected: 'credit_note.request_rejected',
  InterestCharged: 'invoice.interest_charged',
  InterestWaived: 'invoice.interest_waived',
  PaymentReceived: 'payment.received',
  PaymentReversed: 'payment.reversed',
} as const;
