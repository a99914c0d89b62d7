import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { CalendarDate } from '@ar/time';
import { CollectionsEvents } from '../collections-events';

interface DuePromise {
  id: string;
  client_id: string;
  promised_on: string;
  promised_date: string;
  promised_amount: string;
  currency: string;
  paid: string;
  manager_id: string | null;
}

/**
 * Settles promises whose date has passed: kept when the client paid at least the promised amount in
 * the promise's currency between the promise and its date, otherwise broken — a broken_promise task
 * and a promise.broken event follow.
 */
/** A broken promise comes before any dunning call. */
const BROKEN_PROMISE_PRIORITY = 100;

@Injectable()
export class PromiseReviewPhase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async run(asOf: CalendarDate): Promise<{ kept: number; broken: number }> {
    return this.dataSource.transaction(async (manager) => {
      const due: DuePromise[] = await manager.query(
        `SELECT p.id, p.client_id, to_char(p.promised_on, 'YYYY-MM-DD') AS promised_on, to_char(p.promised_date, 'YYYY-MM-DD') AS promised_date,
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
      const kept = due.filter((p) => Number(p.paid) >= Number(p.promised_amount));
      const broken = due.filter((p) => Number(p.paid) < Number(p.promised_amount));
      if (kept.length) await manager.query(`UPDATE collections.promises SET status = 'kept', resolved_on = $2 WHERE id = ANY($1::uuid[])`, [kept.map((p) => p.id), asOf]);
      if (broken.length) await manager.query(`UPDATE collections.promises SET status = 'broken', resolved_on = $2 WHERE id = ANY($1::uuid[])`, [broken.map((p) => p.id), asOf]);

      const events: NewOutboxEvent<'collections'>[] = kept.map((p) => ({
        type: CollectionsEvents.PromiseKept,
        aggregateId: p.id,
        data: { promiseId: p.id, clientId: p.client_id, promisedDate: p.promised_date, promisedAmount: Number(p.promised_amount), paid: Number(p.paid), currency: p.currency },
      }));
      for (const p of broken) {
        events.push({
          type: CollectionsEvents.PromiseBroken,
          aggregateId: p.id,
          data: { promiseId: p.id, clientId: p.client_id, promisedDate: p.promised_date, promisedAmount: Number(p.promised_amount), paid: Number(p.paid), currency: p.currency },
        });
      }
      // One broken_promise task per client at most: the partial unique index drops the rest.
      const tasks = broken.map((p) => ({ id: uuidv7(), promise: p }));
      const inserted: { id: string; client_id: string; assignee_id: string | null; amount_overdue: string; currency: string }[] = tasks.length
        ? await manager.query(
            `INSERT INTO collections.tasks (id, client_id, assignee_id, type, dunning_level, invoice_ids, amount_overdue, currency, priority, due_on, status, note)
             SELECT x.id, x.client_id, x.assignee_id, 'broken_promise', 0, '{}', x.amount, x.currency, $8, $7::date, 'open', x.note
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::char(3)[], $6::varchar[]) AS x(id, client_id, assignee_id, amount, currency, note)
             ON CONFLICT (client_id, type, dunning_level) WHERE status IN ('open', 'snoozed') DO NOTHING
             RETURNING id, client_id, assignee_id, amount_overdue, currency`,
            [
              tasks.map((t) => t.id),
              tasks.map((t) => t.promise.client_id),
              tasks.map((t) => t.promise.manager_id),
              tasks.map((t) => Number(t.promise.promised_amount) - Number(t.promise.paid)),
              tasks.map((t) => t.promise.currency),
              tasks.map((t) => `Promise of ${t.promise.promised_date} broken`),
              asOf,
              BROKEN_PROMISE_PRIORITY,
            ],
          )
        : [];
      for (const t of inserted) {
        events.push({
          type: CollectionsEvents.TaskCreated,
          aggregateId: t.id,
          data: {
            taskId: t.id, clientId: t.client_id, assigneeId: t.assignee_id, type: 'broken_promise', dunningLevel: 0,
            invoiceIds: [], amountOverdue: Number(t.amount_overdue), currency: t.currency, priority: BROKEN_PROMISE_PRIORITY, dueOn: asOf,
          },
        });
      }
      await this.outbox.append(manager, 'collections', events);
      return { kept: kept.length, broken: broken.length };
    });
  }
}
