import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarDate } from '@ar/time';
import { AccountMovement } from './account-statement';

/** Every movement on a client's account in one currency up to a date, from the invoicing ledger. */
const MOVEMENTS_SQL = `
  SELECT to_char(issue_date, 'YYYY-MM-DD') AS on, CASE kind WHEN 'interest' THEN 'interest_invoice' ELSE 'invoice' END AS kind,
         number AS text, total AS debit, 0 AS credit, extract(epoch FROM created_at) AS sequence
  FROM invoicing.invoices WHERE client_id = $1 AND currency = $2 AND status <> 'void' AND issue_date <= $3
  UNION ALL
  SELECT to_char(c.issued_on, 'YYYY-MM-DD'), c.kind, i.number, 0, c.amount, extract(epoch FROM c.created_at)
  FROM invoicing.credit_notes c JOIN invoicing.invoices i ON i.id = c.invoice_id
  WHERE c.client_id = $1 AND c.currency = $2 AND c.issued_on <= $3
  UNION ALL
  SELECT to_char(received_on, 'YYYY-MM-DD'), 'payment', coalesce(reference, external_id, ''), 0, amount, extract(epoch FROM created_at)
  FROM invoicing.payments WHERE client_id = $1 AND currency = $2 AND received_on <= $3
  UNION ALL
  SELECT to_char(reversed_on, 'YYYY-MM-DD'), 'reversal', coalesce(reference, external_id, ''), amount, 0, extract(epoch FROM created_at)
  FROM invoicing.payments WHERE client_id = $1 AND currency = $2 AND status = 'reversed' AND reversed_on <= $3
  UNION ALL
  SELECT to_char(a.effective_on, 'YYYY-MM-DD'), 'discount', i.number, greatest(-a.amount, 0), greatest(a.amount, 0), extract(epoch FROM a.created_at)
  FROM invoicing.payment_allocations a JOIN invoicing.invoices i ON i.id = a.invoice_id
  WHERE i.client_id = $1 AND i.currency = $2 AND a.kind = 'discount' AND a.effective_on <= $3`;

/** The movements a statement of account lists, read from invoices, credit notes, payments and the allocation ledger. */
@Injectable()
export class AccountMovementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upTo(clientId: string, currency: string, to: CalendarDate): Promise<AccountMovement[]> {
    const rows: { on: string; kind: AccountMovement['kind']; text: string; debit: string; credit: string; sequence: string }[] = await this.dataSource.query(
      MOVEMENTS_SQL,
      [clientId, currency, to],
    );
    return rows.map((r) => ({ on: r.on, kind: r.kind, text: r.text, debit: Number(r.debit), credit: Number(r.credit), sequence: Number(r.sequence) }));
  }

  /** The currency of the client's latest invoice (EUR without any). */
  async mainCurrency(clientId: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT currency FROM invoicing.invoices WHERE client_id = $1 ORDER BY issue_date DESC, id DESC LIMIT 1`, [clientId]);
    return row?.currency ?? 'EUR';
  }
}
