/**
 * SQL: what a client has overdue in a currency on a date (0 when nothing), from invoicing.receivables_v1. The promise
 * check, a policy's minimum amount and the credit rule below all read this one figure.
 */
export function clientOverdueSql(clientIdSql: string, currencySql: string, asOf: string): string {
  return `(SELECT coalesce(sum(o.balance), 0) FROM invoicing.receivables_v1 o
           WHERE o.client_id = ${clientIdSql} AND o.currency = ${currencySql} AND o.open_receivable AND o.due_date < ${asOf})`;
}

/**
 * SQL: whether the client's unapplied credit in the invoice's currency (invoicing.client_credit_v1) covers all it
 * has overdue in that currency on the date. Such a client owes nothing net, so it is not dunned.
 */
export function creditCoversOverdue(clientIdColumn: string, currencyColumn: string, asOf: string): string {
  return `EXISTS (SELECT 1 FROM invoicing.client_credit_v1 cc
                  WHERE cc.client_id = ${clientIdColumn} AND cc.currency = ${currencyColumn}
                    AND cc.unapplied >= ${clientOverdueSql('cc.client_id', 'cc.currency', asOf)})`;
}
