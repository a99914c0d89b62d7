import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { currencyExponent } from '@ar/money';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { CalendarDate } from '@ar/time';
import { CollectionsEvents } from '../collections-events';
import { PolicyCatalog } from '../policies/policy-catalog';
import type { RiskClass } from '../solvency/solvency-assessment.entity';
import { headOfSalesId, reassignOpenTasks } from './task-assignees';
import { assignee, taskPriority } from './task-rules';
import { TaskType } from './task.entity';

interface GroupRow {
  client_id: string;
  level: number;
  policy_id: string | null;
  currency: string;
  invoice_ids: string[];
  amount: string;
  max_days: number;
  manager_id: string | null;
  deputy_id: string | null;
  absent_until: string | null;
  risk_class: RiskClass | null;
}

interface ExistingTask {
  id: string;
  client_id: string;
  type: TaskType;
  dunning_level: number;
  status: string;
  invoice_ids: string[];
}

interface PlannedTask {
  clientId: string;
  type: TaskType;
  level: number;
  invoiceIds: string[];
  amount: number;
  currency: string;
  maxDays: number;
  assigneeId: string | null;
  riskClass: RiskClass | null;
  priority: number;
}

/**
 * Turns dunning levels into calls: one task per client, type and level, listing that client's overdue
 * invoices at that level. A task already done for the same invoices is not created again.
 */
@Injectable()
export class DunningTasksPhase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

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

  /** Plans and reconciles the dunning tasks of a batch of clients (from clientsToReview) in one transaction. */
  async runBatch(
    asOf: CalendarDate,
    clientIds: string[],
    policies: PolicyCatalog,
    persistProgress: (manager: EntityManager, result: { created: number }) => Promise<void>,
  ): Promise<{ created: number }> {
    return this.dataSource.transaction(async (manager) => {
      const headOfSales = await headOfSalesId(manager);

      // Invoices are grouped first; who the client's manager is and its risk class are joined per group, not per invoice.
      const groups: GroupRow[] = await manager.query(
        `WITH overdue AS (
           SELECT d.client_id, d.level, t.dunning_policy_id AS policy_id, r.currency,
                  array_agg(d.invoice_id ORDER BY d.invoice_id) AS invoice_ids, sum(r.balance)::bigint AS amount,
                  max($1::date - r.due_date) AS max_days
           FROM collections.invoice_dunning d
           JOIN invoicing.receivables_v1 r ON r.invoice_id = d.invoice_id
           JOIN contracts.contract_terms_v1 t ON t.id = r.contract_id
           WHERE d.client_id = ANY($2::uuid[]) AND d.level >= 1
             AND r.open_receivable AND r.due_date < $1::date AND NOT r.disputed
           GROUP BY d.client_id, d.level, t.dunning_policy_id, r.currency)
         SELECT o.*, c.account_manager_id AS manager_id, u.deputy_id, to_char(u.absent_until, 'YYYY-MM-DD') AS absent_until,
                coalesce(s.risk_class, c.risk_class) AS risk_class
         FROM overdue o
         JOIN contracts.client_directory_v1 c ON c.id = o.client_id
         LEFT JOIN contracts.user_directory_v1 u ON u.id = c.account_manager_id
         LEFT JOIN collections.client_solvency s ON s.client_id = o.client_id`,
        [asOf, clientIds],
      );
      const planned = this.plan(groups, policies, asOf, headOfSales);
      const existing: ExistingTask[] = await manager.query(
        `SELECT id, client_id, type, dunning_level, status, invoice_ids FROM collections.tasks
         WHERE client_id = ANY($1::uuid[]) AND status IN ('open', 'snoozed', 'done') AND type IN ('reminder', 'final_notice', 'legal_handover')`,
        [clientIds],
      );
      const result = { created: await this.apply(manager, planned, existing, asOf) };
      await persistProgress(manager, result);
      return result;
    });
  }

  /** Cancels open dunning tasks none of whose invoices is still owed; reopens snoozed tasks that are due. */
  async closeSettled(asOf: CalendarDate): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE collections.tasks SET status = 'open', updated_at = now() WHERE status = 'snoozed' AND snoozed_until <= $1::date`, [asOf]);
      // TypeORM answers UPDATE … RETURNING with [rows, affectedCount].
      const [cancelled]: [{ id: string; client_id: string; type: string; dunning_level: number; assignee_id: string | null }[], number] = await manager.query(
        `UPDATE collections.tasks t SET status = 'cancelled', updated_at = now()
         WHERE t.status IN ('open', 'snoozed') AND t.type IN ('reminder', 'final_notice', 'legal_handover')
           AND NOT EXISTS (SELECT 1 FROM invoicing.receivables_v1 r
                           WHERE r.invoice_id = ANY(t.invoice_ids) AND r.open_receivable)
         RETURNING t.id, t.client_id, t.type, t.dunning_level, t.assignee_id`,
      );
      await this.outbox.append(
        manager,
        'collections',
        cancelled.map((t) => ({
          type: CollectionsEvents.TaskCancelled,
          aggregateId: t.id,
          data: { taskId: t.id, clientId: t.client_id, type: t.type, dunningLevel: t.dunning_level, assigneeId: t.assignee_id, reason: 'invoices settled' },
        })),
      );
      return cancelled.length;
    });
  }

  private plan(groups: GroupRow[], policies: PolicyCatalog, asOf: CalendarDate, headOfSales: string | null): PlannedTask[] {
    const byKey = new Map<string, PlannedTask>();
    for (const g of groups) {
      const action = policies.level(g.policy_id, g.level)?.action ?? 'reminder';
      const key = `${g.client_id}|${action}|${g.level}`;
      const amount = Number(g.amount);
      const task = byKey.get(key);
      if (task) {
        task.invoiceIds.push(...g.invoice_ids);
        task.maxDays = Math.max(task.maxDays, g.max_days);
        // One task, one currency: the one with most at stake.
        if (g.currency === task.currency) task.amount += amount;
        else if (amount > task.amount) Object.assign(task, { currency: g.currency, amount });
        continue;
      }
      byKey.set(key, {
        clientId: g.client_id,
        type: action,
        level: g.level,
        invoiceIds: [...g.invoice_ids],
        amount,
        currency: g.currency,
        maxDays: g.max_days,
        assigneeId: assignee({ managerId: g.manager_id, managerDeputyId: g.deputy_id, managerAbsentUntil: g.absent_until, headOfSalesId: headOfSales }, asOf),
        riskClass: g.risk_class,
        priority: 0,
      });
    }
    for (const t of byKey.values()) {
      t.invoiceIds.sort();
      t.priority = taskPriority({ amountOverdueMinor: t.amount, currencyExponent: currencyExponent(t.currency), maxDaysOverdue: t.maxDays, riskClass: t.riskClass, level: t.level });
    }
    return [...byKey.values()];
  }

  private async apply(manager: EntityManager, planned: PlannedTask[], existing: ExistingTask[], asOf: CalendarDate): Promise<number> {
    const key = (clientId: string, type: string, level: number) => `${clientId}|${type}|${level}`;
    const open = new Map(existing.filter((t) => t.status !== 'done').map((t) => [key(t.client_id, t.type, t.dunning_level), t]));
    const done = existing.filter((t) => t.status === 'done');
    const toUpdate: (PlannedTask & { id: string })[] = [];
    const toCreate: (PlannedTask & { id: string })[] = [];
    for (const p of planned) {
      const current = open.get(key(p.clientId, p.type, p.level));
      if (current) {
        toUpdate.push({ ...p, id: current.id });
        continue;
      }
      const alreadyWorked = done.some(
        (t) => t.client_id === p.clientId && t.type === p.type && t.dunning_level === p.level && p.invoiceIds.every((id) => t.invoice_ids.includes(id)),
      );
      if (!alreadyWorked) toCreate.push({ ...p, id: uuidv7() });
    }
    if (toUpdate.length > 0) {
      await manager.query(
        `UPDATE collections.tasks t SET invoice_ids = u.invoice_ids::uuid[], amount_overdue = u.amount, currency = u.currency, priority = u.priority, updated_at = now()
         FROM (SELECT id, string_to_array(ids, ',') AS invoice_ids, amount, currency, priority
               FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::char(3)[], $5::int[]) AS x(id, ids, amount, currency, priority)) u
         WHERE t.id = u.id
           -- A task whose call did not change is not rewritten.
           AND (t.invoice_ids, t.amount_overdue, t.currency, t.priority) IS DISTINCT FROM (u.invoice_ids::uuid[], u.amount, u.currency, u.priority)`,
        [toUpdate.map((t) => t.id), toUpdate.map((t) => t.invoiceIds.join(',')), toUpdate.map((t) => t.amount), toUpdate.map((t) => t.currency), toUpdate.map((t) => t.priority)],
      );
    }
    await reassignOpenTasks(manager, new Map(planned.map((t) => [t.clientId, t.assigneeId])));
    if (toCreate.length === 0) return 0;
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO collections.tasks (id, client_id, assignee_id, type, dunning_level, invoice_ids, amount_overdue, currency, priority, due_on, status)
       SELECT x.id, x.client_id, x.assignee_id, x.type, x.level, string_to_array(x.ids, ',')::uuid[], x.amount, x.currency, x.priority, $10::date, 'open'
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::smallint[], $6::text[], $7::bigint[], $8::char(3)[], $9::int[])
            AS x(id, client_id, assignee_id, type, level, ids, amount, currency, priority)
       ON CONFLICT (client_id, type, dunning_level) WHERE status IN ('open', 'snoozed') DO NOTHING
       RETURNING id`,
      [
        toCreate.map((t) => t.id),
        toCreate.map((t) => t.clientId),
        toCreate.map((t) => t.assigneeId),
        toCreate.map((t) => t.type),
        toCreate.map((t) => t.level),
        toCreate.map((t) => t.invoiceIds.join(',')),
        toCreate.map((t) => t.amount),
        toCreate.map((t) => t.currency),
        toCreate.map((t) => t.priority),
        asOf,
      ],
    );
    const insertedIds = new Set(inserted.map((r) => r.id));
    const events: NewOutboxEvent<'collections'>[] = toCreate
      .filter((t) => insertedIds.has(t.id))
      .map((t) => ({
        type: CollectionsEvents.TaskCreated,
        aggregateId: t.id,
        data: { taskId: t.id, clientId: t.clientId, assigneeId: t.assigneeId, type: t.type, dunningLevel: t.level, invoiceIds: t.invoiceIds, amountOverdue: t.amount, currency: t.currency, priority: t.priority, dueOn: asOf },
      }));
    await this.outbox.append(manager, 'collections', events);
    return events.length;
  }
}
