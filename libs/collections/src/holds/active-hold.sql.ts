/**
 * SQL: whether dunning of the invoice is held on the date — by a dunning hold of the invoice's own or of its
 * client's, not released and not yet at its `until` (the day dunning runs again), or by an active instalment plan
 * that covers the invoice.
 */
export function heldOn(invoiceIdColumn: string, clientIdColumn: string, asOf: string): string {
  return `(EXISTS (SELECT 1 FROM collections.dunning_holds h
                   WHERE h.released_at IS NULL AND h.until > ${asOf}
                     AND (h.invoice_id = ${invoiceIdColumn} OR (h.invoice_id IS NULL AND h.client_id = ${clientIdColumn})))
           OR EXISTS (SELECT 1 FROM collections.instalment_plans ip
                      WHERE ip.client_id = ${clientIdColumn} AND ip.status = 'active' AND ${invoiceIdColumn} = ANY(ip.invoice_ids)))`;
}
