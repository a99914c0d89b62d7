/**
 * SQL: whether the client's unapplied credit in the invoice's currency (invoicing.client_credit_v1) covers all it
 * has overdue in that currency on the date. Such a client owes nothing net, so it is not dunned.
 */
export function creditCoversOverdue(clientIdColumn: string, currencyColumn: string, asOf: string): string {
  return `EXISTS (SELECT 1 FROM invoicing.client_credit_v1 cc
                  WHERE cc.client_id = ${clientIdColumn} AND cc.currency = ${currencyColumn}
                    AND cc.unapplied >= (SELECT coalesce(sum(o.balance), 0) FROM invoicing.receivables_v1 o
                                         WHERE o.client_id = cc.client_id AND o.currency = cc.currency
                                           AND o.open_receivable AND o.due_date < ${asOf}))`;
}
