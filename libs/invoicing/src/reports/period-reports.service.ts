import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { clientScopeCondition, Principal, VisibilityService } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { foldInvoiceMeasures, InvoiceMeasure, InvoicePeriodRow, PaymentPeriodRow, PeriodGroupBy } from './period-reports';

/** The group key of a movement row `m` (client_id, on_date) joined to its client's directory entry `cd`. */
const GROUP_KEYS: Record<PeriodGroupBy, string> = {
  none: `'all'`,
  client: 'm.client_id::text',
  manager: `coalesce(cd.account_manager_id::text, 'unassigned')`,
  month: `to_char(m.on_date, 'YYYY-MM')`,
};

/**
 * Invoices and payments by period (GET /v1/reports/invoices, /v1/reports/payments): counts and sums per currency,
 * per client, manager or month, for the clients the caller sees (a deputy also the absent manager's).
 */
@Injectable()
export class PeriodReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: VisibilityService,
  ) {}

  async invoices(principal: Principal, from: string, to: string, groupBy: PeriodGroupBy): Promise<InvoicePeriodRow[]> {
    checkPeriod(from, to);
    const scope = clientScopeCondition(await this.visibility.scopeFor(principal), 'i.client_id', '$3::uuid[]');
    const rows: { key: string; currency: string; measure: InvoiceMeasure; count: string; amount: string }[] = await this.dataSource.query(
      `WITH m AS (
         SELECT i.client_id, i.currency, i.issue_date AS on_date, CASE WHEN i.status = 'void' THEN 'voided' ELSE 'issued' END AS measure, 1 AS n, i.total AS amount
           FROM invoicing.invoices i WHERE i.issue_date BETWEEN $1::date AND $2::date AND ${scope.sql}
         UNION ALL
         SELECT i.client_id, i.currency, a.effective_on, CASE a.kind WHEN 'payment' THEN 'paid' ELSE 'discounted' END, 0, a.amount
           FROM invoicing.payment_allocations a JOIN invoicing.invoices i ON i.id = a.invoice_id
          WHERE a.effective_on BETWEEN $1::date AND $2::date AND i.status <> 'void' AND ${scope.sql}
         UNION ALL
         SELECT i.client_id, i.currency, i.settled_on, 'paid', 1, 0
           FROM invoicing.invoices i WHERE i.status = 'paid' AND i.settled_on BETWEEN $1::date AND $2::date AND ${scope.sql}
         UNION ALL
         SELECT i.client_id, i.currency, c.issued_on, CASE c.kind WHEN 'write_off' THEN 'writtenOff' ELSE 'credited' END, 1, c.amount
           FROM invoicing.credit_notes c JOIN invoicing.invoices i ON i.id = c.invoice_id
          WHERE c.issued_on BETWEEN $1::date AND $2::date AND i.status <> 'void' AND ${scope.sql})
       SELECT ${GROUP_KEYS[groupBy]} AS key, m.currency, m.measure, sum(m.n)::text AS count, sum(m.amount)::text AS amount
         FROM m LEFT JOIN contracts.client_directory_v1 cd ON cd.id = m.client_id
        GROUP BY 1, 2, 3`,
      [from, to, ...scope.params],
    );
    return foldInvoiceMeasures(rows.map((r) => ({ key: r.key, currency: r.currency, measure: r.measure, count: Number(r.count), amount: Number(r.amount) })));
  }

  async payments(principal: Principal, from: string, to: string, groupBy: PeriodGroupBy): Promise<PaymentPeriodRow[]> {
    checkPeriod(from, to);
    const scope = clientScopeCondition(await this.visibility.scopeFor(principal), 'm.client_id', '$3::uuid[]');
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT ${GROUP_KEYS[groupBy]} AS key, m.currency,
              count(*)::text AS received_count, sum(m.amount)::text AS received_amount,
              count(*) FILTER (WHERE m.status = 'applied' AND m.unapplied_amount < m.amount)::text AS applied_count,
              coalesce(sum(m.amount - m.unapplied_amount) FILTER (WHERE m.status = 'applied'), 0)::text AS applied_amount,
              count(*) FILTER (WHERE m.status = 'applied' AND m.unapplied_amount > 0)::text AS unapplied_count,
              coalesce(sum(m.unapplied_amount) FILTER (WHERE m.status = 'applied'), 0)::text AS unapplied_amount,
              count(*) FILTER (WHERE m.status = 'reversed')::text AS reversed_count,
              coalesce(sum(m.amount) FILTER (WHERE m.status = 'reversed'), 0)::text AS reversed_amount
         FROM (SELECT p.*, p.received_on AS on_date FROM invoicing.payments p WHERE p.received_on BETWEEN $1::date AND $2::date) m
         LEFT JOIN contracts.client_directory_v1 cd ON cd.id = m.client_id
        WHERE ${scope.sql}
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [from, to, ...scope.params],
    );
    const pair = (r: Record<string, string>, measure: string) => ({ count: Number(r[`${measure}_count`]), amount: Number(r[`${measure}_amount`]) });
    return rows.map((r) => ({
      key: r.key, currency: r.currency, received: pair(r, 'received'), applied: pair(r, 'applied'), unapplied: pair(r, 'unapplied'), reversed: pair(r, 'reversed'),
    }));
  }
}

function checkPeriod(from: string, to: string): void {
  if (to < from) throw DomainError.validation('to must not be before from', [{ path: 'to', message: 'before from' }]);
}
