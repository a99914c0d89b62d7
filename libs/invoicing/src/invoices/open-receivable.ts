/**
 * An open receivable: an invoice still owed, open or partly paid with a balance left. This is its one
 * definition inside invoicing; other contexts read it as `invoicing.receivables_v1.open_receivable`.
 */
export const OPEN_STATUSES = ['open', 'partially_paid'] as const;

/** The status half, which the partial indexes on open invoices are declared with. */
export const OPEN_STATUS_SQL = `status IN ('open', 'partially_paid')`;

/** The whole rule as SQL over `invoicing.invoices` (optionally qualified by a table alias). */
export function openReceivableSql(alias?: string): string {
  const c = alias ? `${alias}.` : '';
  return `${c}${OPEN_STATUS_SQL} AND ${c}total - ${c}amount_paid - ${c}amount_credited - ${c}amount_discounted > 0`;
}
