import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { clientScopeCondition, Principal, VisibilityService } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { daysBetween } from '@ar/time';
import { ContractsDirectory } from '../directory/contracts-directory';

export type AgingGroupBy = 'none' | 'client' | 'manager';

export interface AgingRow {
  key: string;
  currency: string;
  current: number;
  d1_30: number;
  d31_60: number;
  d61_90: number;
  d91_plus: number;
  total: number;
}

export interface DsoRow {
  currency: string;
  receivables: number;
  sales: number;
  dso: number | null;
}

const GROUP_KEYS: Record<AgingGroupBy, string> = {
  none: `'all'`,
  client: 'b.client_id::text',
  manager: `coalesce(cd.account_manager_id::text, 'unassigned')`,
};

/**
 * SQL: an invoice's balance as of a date, rebuilt from the append-only ledger: only allocations effective and
 * credit notes (and write-offs) issued on or before that date count, so a report for a past date never changes later.
 */
export function balanceAsOfSql(invoiceAlias: string, date: string): string {
  return `${invoiceAlias}.total
             - coalesce((SELECT sum(a.amount) FROM invoicing.payment_allocations a WHERE a.invoice_id = ${invoiceAlias}.id AND a.effective_on <= ${date}), 0)
             - coalesce((SELECT sum(c.amount) FROM invoicing.credit_notes c WHERE c.invoice_id = ${invoiceAlias}.id AND c.issued_on <= ${date}), 0)`;
}

function balancesAsOfSql(scopeSql: string): string {
  return `
    SELECT i.id, i.client_id, i.currency, i.due_date, i.issue_date, i.total, ${balanceAsOfSql('i', '$1::date')} AS balance
    FROM invoicing.invoices i
    WHERE i.issue_date <= $1::date AND i.status <> 'void' AND ${scopeSql}
      -- A write-off in the credit ledger takes the balance to zero from its date on, and not before; only an invoice
      -- written off without one (before the ledger had write-offs) is left out on every date.
      AND NOT (i.status = 'written_off' AND NOT EXISTS (SELECT 1 FROM invoicing.credit_notes w WHERE w.invoice_id = i.id AND w.kind = 'write_off'))`;
}

@Injectable()
export class ReceivablesReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: ContractsDirectory,
    private readonly visibility: VisibilityService,
  ) {}

  async aging(principal: Principal, asOf: string, groupBy: AgingGroupBy): Promise<AgingRow[]> {
    const scope = clientScopeCondition(await this.visibility.scopeFor(principal), 'i.client_id', '$2::uuid[]');
    const rows = await this.dataSource.query(
      `WITH b AS (${balancesAsOfSql(scope.sql)})
       SELECT ${GROUP_KEYS[groupBy]} AS key, b.currency,
              coalesce(sum(b.balance) FILTER (WHERE b.due_date >= $1::date), 0)::bigint AS current,
              coalesce(sum(b.balance) FILTER (WHERE $1::date - b.due_date BETWEEN 1 AND 30), 0)::bigint AS d1_30,
              coalesce(sum(b.balance) FILTER (WHERE $1::date - b.due_date BETWEEN 31 AND 60), 0)::bigint AS d31_60,
              coalesce(sum(b.balance) FILTER (WHERE $1::date - b.due_date BETWEEN 61 AND 90), 0)::bigint AS d61_90,
              coalesce(sum(b.balance) FILTER (WHERE $1::date - b.due_date > 90), 0)::bigint AS d91_plus,
              sum(b.balance)::bigint AS total
       FROM b LEFT JOIN contracts.client_directory_v1 cd ON cd.id = b.client_id
       WHERE b.balance <> 0
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [asOf, ...scope.params],
    );
    return rows.map((r: Record<string, string>) => ({
      key: r.key,
      currency: r.currency,
      current: Number(r.current),
      d1_30: Number(r.d1_30),
      d31_60: Number(r.d31_60),
      d61_90: Number(r.d61_90),
      d91_plus: Number(r.d91_plus),
      total: Number(r.total),
    }));
  }

  /** Days sales outstanding: receivables at the end of the period over the period's sales, times its days. */
  async dso(principal: Principal, from: string, to: string): Promise<{ from: string; to: string; days: number; rows: DsoRow[] }> {
    if (to < from) throw DomainError.validation('to must not be before from', [{ path: 'to', message: 'before from' }]);
    const days = daysBetween(from, to) + 1;
    const scope = clientScopeCondition(await this.visibility.scopeFor(principal), 'i.client_id', '$3::uuid[]');
    const rows = await this.dataSource.query(
      `WITH b AS (${balancesAsOfSql(scope.sql)}),
            receivables AS (SELECT currency, sum(balance)::bigint AS amount FROM b GROUP BY currency),
            sales AS (SELECT currency, sum(total)::bigint AS amount FROM b WHERE issue_date >= $2::date GROUP BY currency)
       SELECT coalesce(r.currency, s.currency) AS currency, coalesce(r.amount, 0) AS receivables, coalesce(s.amount, 0) AS sales
       FROM receivables r FULL JOIN sales s ON s.currency = r.currency ORDER BY 1`,
      [to, from, ...scope.params],
    );
    return {
      from,
      to,
      days,
      rows: rows.map((r: Record<string, string>) => {
        const receivables = Number(r.receivables);
        const sales = Number(r.sales);
        return { currency: r.currency, receivables, sales, dso: sales > 0 ? Math.round((receivables / sales) * days * 10) / 10 : null };
      }),
    };
  }
}

export function agingToCsv(rows: AgingRow[]): string {
  const header = 'key,currency,current,d1_30,d31_60,d61_90,d91_plus,total';
  const escape = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [header, ...rows.map((r) => [escape(r.key), r.currency, r.current, r.d1_30, r.d31_60, r.d61_90, r.d91_plus, r.total].join(','))].join('\n') + '\n';
}
