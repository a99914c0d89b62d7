/**
 * SQL: whether a dunning hold covers the invoice on the date — one of the invoice's own or one of its client's,
 * not released and not yet at its `until` (the day dunning runs again). The sweep's rule and the holds list share it.
 */
export function heldOn(invoiceIdColumn: string, clientIdColumn: string, asOf: string): string {
  return `EXISTS (SELECT 1 FROM collections.dunning_holds h
                  WHERE h.released_at IS NULL AND h.until > ${asOf}
                    AND (h.invoice_id = ${invoiceIdColumn} OR (h.invoice_id IS NULL AND h.client_id = ${clientIdColumn})))`;
}
