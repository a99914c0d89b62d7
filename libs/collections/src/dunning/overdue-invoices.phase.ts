import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@ar/config';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { CalendarDate, daysBetween } from '@ar/time';
import { CollectionsEvents } from '../collections-events';
import { flatLateFee, lateInterest, LateInterestRule } from '../interest/late-interest';
import { RateTable } from '../interest/reference-rates.service';
import { PolicyCatalog } from '../policies/policy-catalog';
import { feesBetween, nextLevel, targetLevel } from './dunning-level';

export interface OverdueBatchResult {
  lastInvoiceId: string | null;
  scanned: number;
  newlyOverdue: number;
  levelChanges: number;
}

interface OverdueRow {
  invoice_id: string;
  client_id: string;
  number: string;
  currency: string;
  due_date: string;
  balance: string;
  disputed: boolean;
  dunning_policy_id: string | null;
  late_interest_rule: LateInterestRule;
  late_interest_rate_percent: string | null;
  level: number | null;
  fee_amount: string | null;
  held: boolean;
}

/**
 * One keyset batch of overdue invoices as of a date: raise dunning levels, accrue interest and fees,
 * and announce what changed, all in one transaction. Running a batch twice changes nothing more.
 */
@Injectable()
export class OverdueInvoicesPhase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
  ) {}

  async runBatch(
    asOf: CalendarDate,
    afterInvoiceId: string | null,
    policies: PolicyCatalog,
    rates: RateTable,
    sweepId: string,
    persistProgress: (manager: EntityManager, result: OverdueBatchResult) => Promise<void>,
  ): Promise<OverdueBatchResult> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OverdueRow[] = await manager.query(
        `SELECT r.invoice_id, r.client_id, r.number, r.currency, to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.balance, r.disputed,
                t.dunning_policy_id, t.late_interest_rule, t.late_interest_rate_percent,
                d.level, d.fee_amount,
                EXISTS (SELECT 1 FROM collections.promises p
                        WHERE p.client_id = r.client_id AND p.status = 'active' AND p.promised_date >= $1::date) AS held
         FROM invoicing.receivables_v1 r
         JOIN contracts.contract_terms_v1 t ON t.id = r.contract_id
         LEFT JOIN collections.invoice_dunning d ON d.invoice_id = r.invoice_id
         WHERE r.status IN ('open', 'partially_paid') AND r.balance > 0 AND r.due_date < $1::date
           AND ($2::uuid IS NULL OR r.invoice_id > $2::uuid)
         ORDER BY r.invoice_id
         LIMIT $3`,
        [asOf, afterInvoiceId, this.config.sweepBatchSize],
      );
      if (rows.length === 0) return { lastInvoiceId: null, scanned: 0, newlyOverdue: 0, levelChanges: 0 };

      const events: NewOutboxEvent[] = [];
      const updates = rows.map((row) => {
        const levels = policies.levels(row.dunning_policy_id);
        const days = daysBetween(row.due_date, asOf);
        const current = row.level ?? 0;
        const level = nextLevel(current, targetLevel(levels, days), row.disputed || row.held);
        const isNew = row.level === null;
        const balance = Number(row.balance);
        const fee =
          Number(row.fee_amount ?? 0) + feesBetween(levels, current, level) + (isNew ? flatLateFee(row.late_interest_rule, row.currency) : 0);
        const interest = lateInterest({
          balance,
          dueDate: row.due_date,
          asOf,
          rule: row.late_interest_rule,
          fixedRatePercent: row.late_interest_rate_percent === null ? null : Number(row.late_interest_rate_percent),
          rates,
        });
        const base = { invoiceId: row.invoice_id, clientId: row.client_id, number: row.number, currency: row.currency, balance, daysOverdue: days, asOf, sweepId };
        if (isNew) events.push({ type: CollectionsEvents.InvoiceOverdue, aggregateId: row.invoice_id, data: { ...base, dunningLevel: level } });
        if (level > current) {
          events.push({ type: CollectionsEvents.InvoiceDunningLevelChanged, aggregateId: row.invoice_id, data: { ...base, previousLevel: current, dunningLevel: level } });
        }
        return { row, level, fee, interest, raised: level > current, isNew };
      });

      await manager.query(
        `INSERT INTO collections.invoice_dunning (invoice_id, client_id, level, interest_amount, fee_amount, first_overdue_on, level_changed_on, as_of)
         SELECT u.invoice_id, u.client_id, u.level, u.interest, u.fee, $7::date, CASE WHEN u.raised THEN $7::date END, $7::date
         FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::bigint[], $5::bigint[], $6::boolean[])
              AS u(invoice_id, client_id, level, interest, fee, raised)
         ON CONFLICT (invoice_id) DO UPDATE SET
           level = GREATEST(collections.invoice_dunning.level, EXCLUDED.level),
           interest_amount = EXCLUDED.interest_amount,
           fee_amount = EXCLUDED.fee_amount,
           level_changed_on = CASE WHEN EXCLUDED.level > collections.invoice_dunning.level THEN EXCLUDED.as_of
                                   ELSE collections.invoice_dunning.level_changed_on END,
           as_of = EXCLUDED.as_of,
           updated_at = now()
         WHERE collections.invoice_dunning.as_of <= EXCLUDED.as_of`,
        [
          updates.map((u) => u.row.invoice_id),
          updates.map((u) => u.row.client_id),
          updates.map((u) => u.level),
          updates.map((u) => u.interest),
          updates.map((u) => u.fee),
          updates.map((u) => u.raised),
          asOf,
        ],
      );
      await this.outbox.append(manager, 'collections', events);
      const result = {
        lastInvoiceId: rows[rows.length - 1].invoice_id,
        scanned: rows.length,
        newlyOverdue: updates.filter((u) => u.isNew).length,
        levelChanges: updates.filter((u) => u.raised).length,
      };
      // The checkpoint commits with the batch, so a resumed sweep neither repeats nor skips it.
      await persistProgress(manager, result);
      return result;
    });
  }
}
