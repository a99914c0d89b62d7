import { DomainError } from '@ar/errors';
import type { PayableInvoice } from '../invoices/invoice.repository';
import { quotesInvoiceNumber, selectPaymentTargets } from './payment-targets';

const CLIENT = '00000000-0000-4000-8000-000000000001';
const OTHER_CLIENT = '00000000-0000-4000-8000-000000000002';

const invoice = (id: string, extra: Partial<PayableInvoice> = {}): PayableInvoice => ({
  id,
  number: `2026-${id}`,
  clientId: CLIENT,
  currency: 'EUR',
  status: 'open',
  issueDate: '2026-01-01',
  dueDate: '2026-01-31',
  total: 1000,
  settled: 0,
  cashDiscount: null,
  ...extra,
});

const ids = (invoices: PayableInvoice[]) => invoices.map((i) => i.id);

describe('selectPaymentTargets', () => {
  const open = [invoice('3', { dueDate: '2026-03-31' }), invoice('1', { dueDate: '2026-01-31' }), invoice('2', { dueDate: '2026-02-28', status: 'partially_paid' })];

  it("settles the open invoices of the letter whose RF reference it quotes, oldest due first, before the client's older ones", () => {
    const request = { clientId: CLIENT, currency: 'EUR', reference: 'RF58L2026000042', letterInvoiceIds: ['3', '2'] };
    expect(ids(selectPaymentTargets(request, open))).toEqual(['2', '3']);
    // A letter whose invoices are all settled falls back to the usual order.
    expect(ids(selectPaymentTargets({ ...request, letterInvoiceIds: ['9'] }, open))).toEqual(['1', '2', '3']);
  });

  it('takes the named invoice alone, even when older ones are open', () => {
    expect(ids(selectPaymentTargets({ clientId: CLIENT, currency: 'EUR', invoiceId: '3' }, open))).toEqual(['3']);
  });

  it.each([
    ['another client', invoice('9', { clientId: OTHER_CLIENT }), 'does not belong to client'],
    ['another currency', invoice('9', { currency: 'USD' }), 'is in USD'],
    ['void', invoice('9', { status: 'void' }), 'is void'],
    ['written off', invoice('9', { status: 'written_off' }), 'is written_off'],
  ])('refuses a named invoice of %s with a business-rule error', (_, named, message) => {
    const attempt = () => selectPaymentTargets({ clientId: CLIENT, currency: 'EUR', invoiceId: '9' }, [named]);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(message);
  });

  it('refuses a named invoice that does not exist', () => {
    expect(() => selectPaymentTargets({ clientId: CLIENT, currency: 'EUR', invoiceId: '9' }, open)).toThrow('does not belong to client');
  });

  it('takes the invoice whose number the reference quotes, the longest number when several match', () => {
    const candidates = [...open, invoice('12', { dueDate: '2026-05-31' })];
    expect(ids(selectPaymentTargets({ clientId: CLIENT, currency: 'EUR', reference: 'Payment for 2026-12, thanks' }, candidates))).toEqual(['12']);
  });

  it('matches an invoice number only as a whole token: an invoice numbered 0 does not capture every reference with a zero', () => {
    const zero = invoice('0', { number: '0', dueDate: '2026-12-31' });
    // Falls back to oldest-due-first, as if no number were quoted.
    expect(ids(selectPaymentTargets({ clientId: CLIENT, currency: 'EUR', reference: 'Invoice 2026-000123 paid 100.00' }, [...open, zero]))).toEqual(['1', '2', '3', '0']);
    expect(ids(selectPaymentTargets({ clientId: CLIENT, currency: 'EUR', reference: 'Re: 0' }, [...open, zero]))).toEqual(['0']);
  });

  it.each([
    ['2026-000123', 'Invoice 2026-000123, thanks', true],
    ['2026-000123', 'RE2026-0001234', false],
    ['2026-12', 'Payment for 2026-12, thanks', true],
    ['2026-12', 'Payment for 2026-123', false],
    ['0', '2026-000123', false],
    ['0', 'no. 0', true],
    ['R-1', 'R-1/R-2', true],
    ['12', 'A12B', false],
  ])('quotesInvoiceNumber(%s in %s) is %s', (number, reference, expected) => {
    expect(quotesInvoiceNumber(reference, number)).toBe(expected);
  });

  it('takes a quoted invoice even when it is already paid (the payment becomes credit), but never a void one', () => {
    const paid = invoice('7', { status: 'paid', settled: 1000 });
    expect(ids(selectPaymentTargets({ clientId: CLIENT, currency: 'EUR', reference: 'Re 2026-7' }, [...open, paid]))).toEqual(['7']);
    const voided = invoice('7', { status: 'void' });
    expect(ids(selectPaymentTargets({ clientId: CLIENT, currency: 'EUR', reference: 'Re 2026-7' }, [...open, voided]))).toEqual(['1', '2', '3']);
  });

  it('falls back to the open invoices in the currency, oldest due date first', () => {
    const candidates = [...open, invoice('8', { currency: 'USD' }), invoice('6', { status: 'paid' }), invoice('5', { clientId: OTHER_CLIENT })];
    expect(ids(selectPaymentTargets({ clientId: CLIENT, currency: 'EUR', reference: 'no number here' }, candidates))).toEqual(['1', '2', '3']);
    expect(ids(selectPaymentTargets({ clientId: CLIENT, currency: 'EUR' }, candidates))).toEqual(['1', '2', '3']);
  });
});
