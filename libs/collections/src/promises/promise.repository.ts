import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarDate } from '@ar/time';

/** A promise whose date has passed, with what the client paid in its currency between the promise and its date. */
export interface DuePromise {
  id: string;
  clientId: string;
  promisedDate: CalendarDate;
  promisedAmount: number;
  currency: string;
  paid: number;
  managerId: string | null;
}

/** A broken_promise task to create: for whom, how much is still owed of the promise, and why. */
export interface BrokenPromiseTask {
  id: string;
  clientId: string;
  assigneeId: string | null;
  amount: number;
  currency: string;
  note: string;
}

/** The SQL of promise reviews: the promises due, their resolution, and the tasks broken ones create. */
@Injectable()
export class PromiseRepository {
  /** Active promises whose date passed before `asOf`, locked, with the applied payments between promise and date. */
  async lockDue(manager: EntityManager, asOf: CalendarDate): Promise<DuePromise[]> {
    const rows: {
      id: string; client_id: string; promised_date: string; promised_amount: string; currency: string; manager_id: string | null; paid: string;
    }[] = await manager.query(
      `SELECT p.id, p.client_id, to_char(p.promised_date, 'YYYY-MM-DD') AS promised_date,
              p.promised_amount, p.currency, c.account_manager_id AS manager_id,
              coalesce((SELECT sum(pay.amount) FROM invoicing.payments_v1 pay
                        WHERE pay.client_id = p.client_id AND pay.currency = p.currency AND pay.status = 'applied'
                          AND pay.received_on BETWEEN p.promised_on AND p.promised_date), 0) AS paid
       FROM collections.promises p
       LEFT JOIN contracts.client_directory_v1 c ON c.id = p.client_id
       WHERE p.status = 'active' AND p.promised_date < $1::date
       ORDER BY p.id FOR UPDATE OF p`,
      [asOf],
    );
    return rows.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      promisedDate: r.promised_date,
      promisedAmount: Number(r.promised_amount),
      currency: r.currency,
      paid: Number(r.paid),
      managerId: r.manager_id,
    }));
  }

  async resolve(manager: EntityManager, ids: string[], status: 'kept' | 'broken', asOf: CalendarDate): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`UPDATE collections.promises SET status = $2, resolved_on = $3 WHERE id = ANY($1::uuid[])`, [ids, status, asOf]);
  }

  /**
   * Creates broken_promise tasks due on `asOf`, one per client at most (the partial unique index drops the rest),
   * and returns those created.
   */
  async insertBrokenPromiseTasks(manager: EntityManager, tasks: BrokenPromiseTask[], priority: number, asOf: CalendarDate): Promise<BrokenPromiseTask[]> {
    if (tasks.length === 0) return [];
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO collections.tasks (id, client_id, assignee_id, type, dunning_level, invoice_ids, amount_overdue, currency, priority, due_on, status, note)
       SELECT x.id, x.client_id, x.assignee_id, 'broken_promise', 0, '{}', x.amount, x.currency, $8, $7::date, 'open', x.note
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::char(3)[], $6::varchar[]) AS x(id, client_id, assignee_id, amount, currency, note)
       ON CONFLICT (client_id, type, dunning_level) WHERE status IN ('open', 'snoozed') DO NOTHING
       RETURNING id`,
      [
        tasks.map((t) => t.id),
        tasks.map((t) => t.clientId),
        tasks.map((t) => t.assigneeId),
        tasks.map((t) => t.amount),
        tasks.map((t) => t.currency),
        tasks.map((t) => t.note),
        asOf,
        priority,
      ],
    );
    const ids = new Set(inserted.map((r) => r.id));
    return tasks.filter((t) => ids.has(t.id));
  }
}
