/** Exposure at or above this share of the credit limit asks for a credit review. */
export const CREDIT_REVIEW_UTILIZATION = 0.9;
/** A credit review comes before dunning calls of the same size, after broken promises. */
export const CREDIT_REVIEW_PRIORITY = 90;

/** The client's exposure crossed 90 % of its limit since the previous assessment (or at its first). */
export function crossedReviewThreshold(previous: number | null | undefined, current: number | null): boolean {
  return current !== null && current >= CREDIT_REVIEW_UTILIZATION && (previous === null || previous === undefined || previous < CREDIT_REVIEW_UTILIZATION);
}

/** A new client's first invoice is large enough to check its credit first (threshold per currency, minor units). */
export function firstInvoiceNeedsReview(input: { invoices: number; payments: number; total: number; currency: string }, thresholds: ReadonlyMap<string, number>): boolean {
  const threshold = thresholds.get(input.currency);
  return input.invoices === 1 && input.payments === 0 && threshold !== undefined && input.total >= threshold;
}
