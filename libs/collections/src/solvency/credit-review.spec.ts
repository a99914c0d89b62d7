import { crossedReviewThreshold, firstInvoiceNeedsReview } from './credit-review';

describe('credit review rules', () => {
  it('asks for a review when exposure crosses 90 % of the limit, not while it stays above', () => {
    expect(crossedReviewThreshold(0.5, 0.9)).toBe(true);
    expect(crossedReviewThreshold(null, 1.2)).toBe(true);
    expect(crossedReviewThreshold(0.95, 0.97)).toBe(false);
    expect(crossedReviewThreshold(0.5, 0.89)).toBe(false);
    expect(crossedReviewThreshold(0.5, null)).toBe(false);
  });

  it('reviews only the first invoice of a client without payments, from the currency threshold', () => {
    const thresholds = new Map([['EUR', 1_000_000]]);
    expect(firstInvoiceNeedsReview({ invoices: 1, payments: 0, total: 1_000_000, currency: 'EUR' }, thresholds)).toBe(true);
    expect(firstInvoiceNeedsReview({ invoices: 1, payments: 0, total: 999_999, currency: 'EUR' }, thresholds)).toBe(false);
    expect(firstInvoiceNeedsReview({ invoices: 2, payments: 0, total: 5_000_000, currency: 'EUR' }, thresholds)).toBe(false);
    expect(firstInvoiceNeedsReview({ invoices: 1, payments: 1, total: 5_000_000, currency: 'EUR' }, thresholds)).toBe(false);
    expect(firstInvoiceNeedsReview({ invoices: 1, payments: 0, total: 5_000_000, currency: 'JPY' }, thresholds)).toBe(false);
  });
});
