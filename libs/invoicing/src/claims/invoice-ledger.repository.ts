import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { LedgerEntry } from '@ar/claims';
import { InterestAdjustment } from './interest-adjustment.entity';

/** A ledger entry with what it came from, for the claim statement. */
export interface InvoiceLedgerEntry extends LedgerEntry {
  paymentId: string | null;
  creditNoteId: string | null;
}

/**
 * Reads what lowered each invoice's principal and when, from the append-only allocation ledger (a reversal
 * is a negative allocation on its own date) and the credit notes.
 */
@Injectable()
export class InvoiceLedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async entriesFor(invoiceIds: readonly string[]): Promise<Map<string, InvoiceLedgerEntry[]>> {
    const byInvoice = new Map<string, InvoiceLedgerEntry[]>(invoiceIds.map((id) => [id, []]));
    if (invoiceIds.length === 0) return byInvoice;
    const rows: { invoice_id: string; source: 'allocation' | 'credit_note'; kind: string; amount: string; on: string; ref: string }[] = await this.dataSource.query(
      `SELECT invoice_id, 'allocation' AS source, kind, amount, to_char(effective_on, 'YYYY-MM-DD') AS on, payment_id::text AS ref
         FROM invoicing.payment_allocations WHERE invoice_id = ANY($1::uuid[])
       UNION ALL
       SELECT invoice_id, 'credit_note', kind, amount, to_char(issued_on, 'YYYY-MM-DD'), id::text
         FROM invoicing.credit_notes WHERE invoice_id = ANY($1::uuid[])
       ORDER BY 5, 1`,
      [invoiceIds],
    );
    for (const r of rows) {
      const amount = Number(r.amount);
      const fromPayment = r.source === 'allocation';
      byInvoice.get(r.invoice_id)?.push({
        on: r.on,
        kind: amount < 0 ? 'reversal' : (r.kind as LedgerEntry['kind']),
        amount: Math.abs(amount),
        paymentId: fromPayment ? r.ref : null,
        creditNoteId: fromPayment ? null : r.ref,
      });
    }
    return byInvoice;
  }

  /** The charges and waivers of each invoice's interest, oldest first. */
  async adjustmentsFor(invoiceIds: readonly string[]): Promise<Map<string, InterestAdjustment[]>> {
    const byInvoice = new Map<string, InterestAdjustment[]>();
    if (invoiceIds.length === 0) return byInvoice;
    const rows = await this.dataSource.manager.find(InterestAdjustment, { where: { invoiceId: In([...invoiceIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    for (const row of rows) byInvoice.set(row.invoiceId, [...(byInvoice.get(row.invoiceId) ?? []), row]);
    return byInvoice;
  }
}
