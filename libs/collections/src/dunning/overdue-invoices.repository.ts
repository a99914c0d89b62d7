import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxWriter } from '@ar/outbox';
import { CalendarDate } from '@ar/time';
import { CollectionsEvents } from '../collections-events';
import { PolicyCatalog } from '../policies/policy-catalog';
import { DunningChange, OverdueInvoice } from './dunning-changes';
import { heldOn } from '../holds/active-hold.sql';
import { clientOverdueSql, creditCoversOverdue } from './client-overdue.sql';
import { decodePosition } from './overdue-position';

/** The overdue invoices after a position whose dunning may change, in walk order, and how many were looked at. */
export interface OverdueCandidates {
  overdue: number;
  invoices: { invoiceId: string; dueDate: CalendarDate }[];
  /** Whether the walk stopped at its limit, so more candidates may follow the last one. */
  more: boolean;
}

/**
 * The open overdue invoices after a (due date, id) position: how many, and those whose dunning may change, in
 * walk order, at most $4. Parameters: as of, position due date and id, limit, the policy thresholds (policy ids,
 * levels, minimum days) and the standard policy id for contracts without a policy of their own.
 */
export const OVERDUE_CANDIDATES_SQL = `SELECT count(*) AS overdue, count(*) FILTER (WHERE may_change) AS may_change,
          (array_agg(invoice_id ORDER BY due_date, invoice_id) FILTER (WHERE may_change))[1:$4] AS ids,
          (array_agg(to_char(due_date, 'YYYY-MM-DD') ORDER BY due_date, invoice_id) FILTER (WHERE may_change))[1:$4] AS due_dates
   FROM (
     SELECT r.invoice_id, r.due_date,
            d.level IS NULL OR EXISTS (
              SELECT 1 FROM unnest($5::uuid[], $6::int[], $7::int[]) AS l(policy_id, level, min_days)
              WHERE l.policy_id = CASE WHEN t.dunning_policy_id = ANY($5::uuid[]) THEN t.dunning_policy_id ELSE $8::uuid END
                AND l.level > d.level AND l.min_days <= $1::date - r.due_date) AS may_change
     FROM invoicing.receivables_v1 r
     JOIN contracts.contract_terms_v1 t ON t.id = r.contract_id
     LEFT JOIN collections.invoice_dunning d ON d.invoice_id = r.invoice_id
     WHERE r.open_receivable AND r.due_date < $1::date
       AND ($2::date IS NULL OR (r.due_date, r.invoice_id) > ($2::date, $3::uuid))) walk`;

/** The SQL of the sweep's overdue phase: which invoices may change, their state, and the dunning rows and events it writes. */
@Injectable()
export class OverdueInvoicesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * One set-based pass over the open overdue invoices after `after`: those not yet overdue for us, or past the
   * threshold of a level above theirs, are the only ones whose dunning can change. A day without changes thus
   * costs this one read.
   */
  async candidates(asOf: CalendarDate, after: string | null, policies: PolicyCatalog, limit: number): Promise<OverdueCandidates> {
    const position = decodePosition(after);
    const thresholds = policies.thresholds();
    const [row]: { overdue: string; may_change: string; ids: string[] | null; due_dates: string[] | null }[] = await this.dataSource.query(
      OVERDUE_CANDIDATES_SQL,
      [asOf, position?.dueDate ?? null, position?.invoiceId ?? null, limit, thresholds.policyIds, thresholds.levels, thresholds.minDays, thresholds.standardPolicyId],
    );
    const ids = row.ids ?? [];
    const dueDates = row.due_dates ?? [];
    return { overdue: Number(row.overdue), invoices: ids.map((invoiceId, i) => ({ invoiceId, dueDate: dueDates[i] })), more: Number(row.may_change) > ids.length };
  }

  /** The listed invoices that are still open and overdue now (a payment may have settled one since), in walk order. */
  async overdueInvoices(manager: EntityManager, asOf: CalendarDate, invoiceIds: string[], withClientOverdue = false): Promise<OverdueInvoice[]> {
    const rows: {
      invoice_id: string; client_id: string; number: string; currency: string; due_date: string; balance: string; disputed: boolean;
      dunning_policy_id: string | null; level: number | null; fee_amount: string | null; held: boolean; client_overdue: string | null;
    }[] = await manager.query(
      `SELECT r.invoice_id, r.client_id, r.number, r.currency, to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.balance, r.disputed,
              t.dunning_policy_id,
              d.level, d.fee_amount,
              EXISTS (SELECT 1 FROM collections.promises p
                      WHERE p.client_id = r.client_id AND p.status = 'active' AND p.promised_date >= $1::date)
                OR ${heldOn('r.invoice_id', 'r.client_id', '$1::date')}
                OR ${creditCoversOverdue('r.client_id', 'r.currency', '$1::date')} AS held,
              CASE WHEN $3::boolean THEN ${clientOverdueSql('r.client_id', 'r.currency', '$1::date')} END AS client_overdue
       FROM invoicing.receivables_v1 r
       JOIN contracts.contract_terms_v1 t ON t.id = r.contract_id
       LEFT JOIN collections.invoice_dunning d ON d.invoice_id = r.invoice_id
       WHERE r.invoice_id = ANY($2::uuid[]) AND r.open_receivable AND r.due_date < $1::date
       ORDER BY r.due_date, r.invoice_id`,
      [asOf, invoiceIds, withClientOverdue],
    );
    return rows.map((r) => ({
      invoiceId: r.invoice_id,
      clientId: r.client_id,
      number: r.number,
      currency: r.currency,
      dueDate: r.due_date,
      balance: Number(r.balance),
      disputed: r.disputed,
      policyId: r.dunning_policy_id,
      level: r.level,
      feeAmount: Number(r.fee_amount ?? 0),
      held: r.held,
      clientOverdue: r.client_overdue === null ? null : Number(r.client_overdue),
    }));
  }

  /**
   * One statement: the dunning rows and, built from the same rows, the events announcing them (an invoice's
   * overdue event before its level change, in id order).
   */
  async writeChanges(manager: EntityManager, changes: DunningChange[], asOf: CalendarDate, sweepId: string): Promise<void> {
    if (changes.length === 0) return;
    const ids = this.outbox.newIds(changes.reduce((n, c) => n + Number(c.isNew) + Number(c.raised), 0));
    let next = 0;
    const eventIds = changes.map((c) => ({ overdue: c.isNew ? ids[next++] : null, level: c.raised ? ids[next++] : null }));
    await manager.query(
      `WITH u AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::smallint[], $5::bigint[], $6::boolean[],
                              $7::text[], $8::text[], $9::bigint[], $10::int[], $11::uuid[], $12::uuid[])
           AS u(invoice_id, client_id, previous_level, level, fee, raised, number, currency, balance, days_overdue, overdue_event_id, level_event_id)),
       d AS (
         INSERT INTO collections.invoice_dunning (invoice_id, client_id, level, fee_amount, first_overdue_on, level_changed_on, as_of)
         SELECT u.invoice_id, u.client_id, u.level, u.fee, $13::date, CASE WHEN u.raised THEN $13::date END, $13::date FROM u
         ON CONFLICT (invoice_id) DO UPDATE SET
           level = GREATEST(collections.invoice_dunning.level, EXCLUDED.level),
           -- Interest is never stored: the claim computes it from the ledger (@ar/claims).
           interest_amount = 0,
           fee_amount = EXCLUDED.fee_amount,
           level_changed_on = CASE WHEN EXCLUDED.level > collections.invoice_dunning.level THEN EXCLUDED.as_of
                                   ELSE collections.invoice_dunning.level_changed_on END,
           as_of = EXCLUDED.as_of,
           updated_at = now()
         WHERE collections.invoice_dunning.as_of <= EXCLUDED.as_of),
       e AS (
         SELECT u.*, jsonb_build_object('invoiceId', u.invoice_id, 'clientId', u.client_id, 'number', u.number, 'currency', u.currency,
                  'balance', u.balance, 'daysOverdue', u.days_overdue, 'asOf', $13::text, 'sweepId', $14::text, 'dunningLevel', u.level) AS base
         FROM u)
       ${this.outbox.insertSelectSql(
         'collections',
         `SELECT overdue_event_id, $15::text, invoice_id, base, $17::timestamptz FROM e WHERE overdue_event_id IS NOT NULL
          UNION ALL
          SELECT level_event_id, $16::text, invoice_id, base || jsonb_build_object('previousLevel', previous_level), $17::timestamptz FROM e WHERE level_event_id IS NOT NULL`,
       )}`,
      [
        changes.map((c) => c.invoice.invoiceId),
        changes.map((c) => c.invoice.clientId),
        changes.map((c) => c.previousLevel),
        changes.map((c) => c.level),
        changes.map((c) => c.fee),
        changes.map((c) => c.raised),
        changes.map((c) => c.invoice.number),
        changes.map((c) => c.invoice.currency),
        changes.map((c) => c.invoice.balance),
        changes.map((c) => c.daysOverdue),
        eventIds.map((e) => e.overdue),
        eventIds.map((e) => e.level),
        asOf,
        sweepId,
        CollectionsEvents.InvoiceOverdue,
        CollectionsEvents.InvoiceDunningLevelChanged,
        this.outbox.occurredAt(),
      ],
    );
  }
}
