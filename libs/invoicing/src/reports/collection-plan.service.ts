import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { clientScopeCondition, Principal, VisibilityService } from '@ar/auth';
import { addDays, BusinessCalendar, CalendarDate } from '@ar/time';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { ExpectedPayment, planMonth, PlannedInvoice } from './collection-plan';
import { balanceAsOfSql } from './receivables-reports.service';

export type CollectionPlanGroupBy = 'manager' | 'client';

export interface CollectionPlanRow {
  key: string;
  currency: string;
  expected: number;
  fromInvoices: number;
  fromPromises: number;
  fromInstalments: number;
  collected: number;
  /** expected − collected: what is still to come in (negative when more came in than planned). */
  gap: number;
}

export interface CollectionPlan {
  month: string;
  from: CalendarDate;
  to: CalendarDate;
  /** The date whose balances the plan starts from: the day before the month, or today for a month still ahead. */
  plannedAsOf: CalendarDate;
  groupBy: CollectionPlanGroupBy;
  rows: CollectionPlanRow[];
}

/**
 * The monthly collection plan: per manager (or client) and currency, the cash expected in the month (collection-plan
 * rule) from what was owed when the month began, the promises and the instalments (collections.expected_payments_v1),
 * next to the payments actually received in it and the gap. Visibility as everywhere: a deputy's plan includes the
 * absent manager's clients.
 */
@Injectable()
export class CollectionPlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoiceRepository,
    private readonly visibility: VisibilityService,
    private readonly calendar: BusinessCalendar,
  ) {}

  async plan(principal: Principal, month: string, groupBy: CollectionPlanGroupBy): Promise<CollectionPlan> {
    const start = `${month}-01`;
    const end = addDays(`${nextMonth(month)}-01`, -1);
    const dayBefore = addDays(start, -1);
    const today = this.calendar.today();
    const plannedAsOf = dayBefore < today ? dayBefore : today;
    const scope = await this.visibility.scopeFor(principal);
    const visible = clientScopeCondition(scope, 'i.client_id', '$3::uuid[]');

    const invoiceRows: { client_id: string; currency: string; due_date: string; owed: string; in_plan: boolean }[] = await this.dataSource.query(
      `SELECT i.client_id, i.currency, to_char(i.due_date, 'YYYY-MM-DD') AS due_date,
              CASE WHEN i.issue_date > $1::date THEN i.total ELSE ${balanceAsOfSql('i', '$1::date')} END AS owed,
              EXISTS (SELECT 1 FROM collections.expected_payments_v1 e WHERE e.source = 'instalment' AND i.id = ANY(e.invoice_ids)) AS in_plan
       FROM invoicing.invoices i
       WHERE i.issue_date <= $2::date AND i.status NOT IN ('void', 'written_off') AND i.due_date <= $2::date AND ${visible.sql}
         AND (i.issue_date > $1::date OR i.settled_on IS NULL OR i.settled_on > $1::date)`,
      [plannedAsOf, end, ...visible.params],
    );
    const invoices: PlannedInvoice[] = invoiceRows.map((r) => ({ clientId: r.client_id, currency: r.currency, dueDate: r.due_date, owed: Number(r.owed), inPlan: r.in_plan }));

    const expectedScope = clientScopeCondition(scope, 'e.client_id', '$1::uuid[]');
    const expectedRows: { source: 'promise' | 'instalment'; client_id: string; currency: string; expected_on: string; amount: string }[] = await this.dataSource.query(
      `SELECT e.source, e.client_id, e.currency, to_char(e.expected_on, 'YYYY-MM-DD') AS expected_on, e.amount
       FROM collections.expected_payments_v1 e WHERE ${expectedScope.sql}`,
      expectedScope.params,
    );
    const expected: ExpectedPayment[] = expectedRows.map((r) => ({ source: r.source, clientId: r.client_id, currency: r.currency, expectedOn: r.expected_on, amount: Number(r.amount) }));

    const delays = await this.invoices.typicalDelays([...new Set(invoices.map((i) => i.clientId))], plannedAsOf);
    const lines = planMonth({ start, end }, invoices, expected, delays, addDays(plannedAsOf, 1));

    const paymentScope = clientScopeCondition(scope, 'p.client_id', '$3::uuid[]');
    const collectedRows: { client_id: string; currency: string; collected: string }[] = await this.dataSource.query(
      `SELECT p.client_id, p.currency, sum(p.amount)::bigint AS collected FROM invoicing.payments p
       WHERE p.received_on BETWEEN $1::date AND $2::date AND (p.status = 'applied' OR p.reversed_on > $2::date) AND ${paymentScope.sql}
       GROUP BY p.client_id, p.currency`,
      [start, end, ...paymentScope.params],
    );

    const clientIds = [...new Set([...lines.map((l) => l.clientId), ...collectedRows.map((r) => r.client_id)])];
    const managers = groupBy === 'manager' ? await this.managersOf(clientIds) : new Map<string, string>();
    const keyOf = (clientId: string) => (groupBy === 'client' ? clientId : (managers.get(clientId) ?? 'unassigned'));
    const rows = new Map<string, CollectionPlanRow>();
    const row = (clientId: string, currency: string) => {
      const key = `${keyOf(clientId)}|${currency}`;
      const found = rows.get(key) ?? { key: keyOf(clientId), currency, expected: 0, fromInvoices: 0, fromPromises: 0, fromInstalments: 0, collected: 0, gap: 0 };
      rows.set(key, found);
      return found;
    };
    for (const l of lines) {
      const r = row(l.clientId, l.currency);
      r.fromInvoices += l.fromInvoices;
      r.fromPromises += l.fromPromises;
      r.fromInstalments += l.fromInstalments;
      r.expected += l.fromInvoices + l.fromPromises + l.fromInstalments;
    }
    for (const c of collectedRows) row(c.client_id, c.currency).collected += Number(c.collected);
    for (const r of rows.values()) r.gap = r.expected - r.collected;
    return {
      month, from: start, to: end, plannedAsOf, groupBy,
      rows: [...rows.values()].sort((a, b) => a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency)),
    };
  }

  private async managersOf(clientIds: string[]): Promise<Map<string, string>> {
    if (clientIds.length === 0) return new Map();
    const rows: { id: string; account_manager_id: string | null }[] = await this.dataSource.query(
      `SELECT id, account_manager_id FROM contracts.client_directory_v1 WHERE id = ANY($1::uuid[])`,
      [clientIds],
    );
    return new Map(rows.map((r) => [r.id, r.account_manager_id ?? 'unassigned']));
  }
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
