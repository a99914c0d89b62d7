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

/** The SQL of promise reviews: the promises due and their resolution. */
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
}
