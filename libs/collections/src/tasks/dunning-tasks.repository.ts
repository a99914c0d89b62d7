import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarDate } from '@ar/time';
import type { RiskClass } from '../solvency/solvency-assessment.entity';
import { heldOn } from '../holds/active-hold.sql';
import { creditCoversOverdue } from '../dunning/client-overdue.sql';
import { ExistingDunningTask, OverdueGroup, PlannedTask } from './dunning-task-plan';
import { TaskType } from './task.entity';

const DUNNING_TASK_TYPES = `('reminder', 'final_notice', 'legal_handover')`;

export interface CancelledTask {
  id: string;
  clientId: string;
  type: TaskType;
  level: number;
  assigneeId: string | null;
}

/** The SQL of the sweep's tasks phase: what it reads about clients' overdue invoices and tasks, and what it writes. */
@Injectable()
export class DunningTasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Clients with an invoice at a dunning level that is still overdue as of the sweep, after `afterClientId`, in id order. */
  async clientsToReview(asOf: CalendarDate, afterClientId: string | null): Promise<string[]> {
    const rows: { client_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT d.client_id FROM collections.invoice_dunning d
       JOIN invoicing.receivables_v1 r ON r.invoice_id = d.invoice_id
       WHERE d.level >= 1 AND r.open_receivable AND r.due_date < $1::date
         AND ($2::uuid IS NULL OR d.client_id > $2::uuid)
       ORDER BY d.client_id`,
      [asOf, afterClientId],
    );
    return rows.map((r) => r.client_id);
  }

  /** The clients' overdue invoices at a dunning level, neither disputed nor held, grouped; the manager and risk class joined per group. */
  async overdueGroups(manager: EntityManager, asOf: CalendarDate, clientIds: string[]): Promise<OverdueGroup[]> {
    const rows: {
      client_id: string; level: number; policy_id: string | null; currency: string; invoice_ids: string[]; amount: string; max_days: number;
      manager_id: string | null; deputy_id: string | null; absent_until: string | null; risk_class: RiskClass | null;
    }[] = await manager.query(
      `WITH overdue AS (
         SELECT d.client_id, d.level, t.dunning_policy_id AS policy_id, r.currency,
                array_agg(d.invoice_id ORDER BY d.invoice_id) AS invoice_ids, sum(r.balance)::bigint AS amount,
                max($1::date - r.due_date) AS max_days
         FROM collections.invoice_dunning d
         JOIN invoicing.receivables_v1 r ON r.invoice_id = d.invoice_id
         JOIN contracts.contract_terms_v1 t ON t.id = r.contract_id
         WHERE d.client_id = ANY($2::uuid[]) AND d.level >= 1
           AND r.open_receivable AND r.due_date < $1::date AND NOT r.disputed
           -- A held invoice is in no call and no letter until its hold ends.
           AND NOT ${heldOn('r.invoice_id', 'r.client_id', '$1::date')}
           AND NOT ${creditCoversOverdue('d.client_id', 'r.currency', '$1::date')}
         GROUP BY d.client_id, d.level, t.dunning_policy_id, r.currency)
       SELECT o.*, c.account_manager_id AS manager_id, u.deputy_id, to_char(u.absent_until, 'YYYY-MM-DD') AS absent_until,
              coalesce(s.risk_class, c.risk_class) AS risk_class
       FROM overdue o
       JOIN contracts.client_directory_v1 c ON c.id = o.client_id
       LEFT JOIN contracts.user_directory_v1 u ON u.id = c.account_manager_id
       LEFT JOIN collections.client_solvency s ON s.client_id = o.client_id`,
      [asOf, clientIds],
    );
    return rows.map((r) => ({
      clientId: r.client_id,
      level: r.level,
      policyId: r.policy_id,
      currency: r.currency,
      invoiceIds: r.invoice_ids,
      amount: Number(r.amount),
      maxDaysOverdue: r.max_days,
      managerId: r.manager_id,
      deputyId: r.deputy_id,
      managerAbsentUntil: r.absent_until,
      riskClass: r.risk_class,
    }));
  }

  /** The clients' open, snoozed and done dunning tasks. */
  /** Of these clients, those with a billing contact to e-mail (from contracts.client_correspondence_v1). */
  async clientsWithBillingEmail(manager: EntityManager, clientIds: string[]): Promise<Set<string>> {
    if (clientIds.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM contracts.client_correspondence_v1 WHERE id = ANY($1::uuid[]) AND jsonb_array_length(billing_contacts) > 0`,
      [clientIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  async existingTasks(manager: EntityManager, clientIds: string[]): Promise<ExistingDunningTask[]> {
    const rows: { id: string; client_id: string; type: TaskType; dunning_level: number; status: ExistingDunningTask['status']; invoice_ids: string[] }[] =
      await manager.query(
        `SELECT id, client_id, type, dunning_level, status, invoice_ids FROM collections.tasks
         WHERE client_id = ANY($1::uuid[]) AND status IN ('open', 'snoozed', 'done') AND type IN ${DUNNING_TASK_TYPES}`,
        [clientIds],
      );
    return rows.map((r) => ({ id: r.id, clientId: r.client_id, type: r.type, level: r.dunning_level, status: r.status, invoiceIds: r.invoice_ids }));
  }

  /** Brings tasks up to date with their plan; a task whose call did not change is not rewritten. */
  async updateTasks(manager: EntityManager, tasks: (PlannedTask & { id: string })[]): Promise<void> {
    if (tasks.length === 0) return;
    await manager.query(
      `UPDATE collections.tasks t SET invoice_ids = u.invoice_ids::uuid[], amount_overdue = u.amount, currency = u.currency, priority = u.priority, updated_at = now()
       FROM (SELECT id, string_to_array(ids, ',') AS invoice_ids, amount, currency, priority
             FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::char(3)[], $5::int[]) AS x(id, ids, amount, currency, priority)) u
       WHERE t.id = u.id
         AND (t.invoice_ids, t.amount_overdue, t.currency, t.priority) IS DISTINCT FROM (u.invoice_ids::uuid[], u.amount, u.currency, u.priority)`,
      [tasks.map((t) => t.id), tasks.map((t) => t.invoiceIds.join(',')), tasks.map((t) => t.amount), tasks.map((t) => t.currency), tasks.map((t) => t.priority)],
    );
  }

  /** Snoozed tasks whose snooze ended by `asOf` are open again. */
  async reopenSnoozed(manager: EntityManager, asOf: CalendarDate): Promise<void> {
    await manager.query(`UPDATE collections.tasks SET status = 'open', updated_at = now() WHERE status = 'snoozed' AND snoozed_until <= $1::date`, [asOf]);
  }

  /** Cancels open and snoozed dunning tasks none of whose invoices is still owed, and returns them. */
  async cancelSettled(manager: EntityManager): Promise<CancelledTask[]> {
    // TypeORM answers UPDATE … RETURNING with [rows, affectedCount].
    const [rows]: [{ id: string; client_id: string; type: TaskType; dunning_level: number; assignee_id: string | null }[], number] = await manager.query(
      `UPDATE collections.tasks t SET status = 'cancelled', updated_at = now()
       WHERE t.status IN ('open', 'snoozed') AND t.type IN ${DUNNING_TASK_TYPES}
         AND NOT EXISTS (SELECT 1 FROM invoicing.receivables_v1 r WHERE r.invoice_id = ANY(t.invoice_ids) AND r.open_receivable)
       RETURNING t.id, t.client_id, t.type, t.dunning_level, t.assignee_id`,
    );
    return rows.map((r) => ({ id: r.id, clientId: r.client_id, type: r.type, level: r.dunning_level, assigneeId: r.assignee_id }));
  }
}
