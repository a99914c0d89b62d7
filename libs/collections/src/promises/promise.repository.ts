import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { clientScopeCondition, VisibilityScope } from '@ar/auth';
import { CalendarDate } from '@ar/time';
import { PromiseStatus, PromiseToPay } from './promise-to-pay.entity';

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

export interface PromiseListQuery {
  scope: VisibilityScope;
  clientId?: string;
  status?: PromiseStatus;
  after: string | null;
  limit: number;
}

/** A promise with what the client paid towards it so far (applied payments in its currency since it was made, up to its date and tolerance). */
export interface PromiseProgress {
  promise: PromiseToPay;
  paid: number;
}

/** The SQL of promises: lists, the promises due and their resolution. */
@Injectable()
export class PromiseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first (ids are time-ordered), `limit + 1` rows, only promises of clients in scope, each with what was paid. */
  async list(query: PromiseListQuery, toleranceDays: number): Promise<PromiseProgress[]> {
    const qb = this.dataSource.manager.createQueryBuilder(PromiseToPay, 'p').orderBy('p.id', 'DESC').limit(query.limit + 1);
    if (!query.scope.all) {
      const visible = clientScopeCondition(query.scope, 'p.client_id', ':managers');
      qb.andWhere(visible.sql, { managers: visible.params[0] });
    }
    if (query.clientId) qb.andWhere('p.client_id = :clientId', { clientId: query.clientId });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.after) qb.andWhere('p.id < :after', { after: query.after });
    return this.withProgress(await qb.getMany(), toleranceDays);
  }

  async findById(id: string, toleranceDays: number): Promise<PromiseProgress | null> {
    const promise = await this.dataSource.manager.findOneBy(PromiseToPay, { id });
    return promise ? (await this.withProgress([promise], toleranceDays))[0] : null;
  }

  lockById(id: string, manager: EntityManager): Promise<PromiseToPay | null> {
    return manager.findOne(PromiseToPay, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async cancel(manager: EntityManager, id: string, by: string, reason: string, on: CalendarDate): Promise<void> {
    await manager.update(PromiseToPay, { id }, { status: 'cancelled', cancelledBy: by, cancelReason: reason, resolvedOn: on });
  }

  private async withProgress(promises: PromiseToPay[], toleranceDays: number): Promise<PromiseProgress[]> {
    if (promises.length === 0) return [];
    const rows: { id: string; paid: string }[] = await this.dataSource.query(
      `SELECT p.id, coalesce((SELECT sum(pay.amount) FROM invoicing.payments_v1 pay
                              WHERE pay.client_id = p.client_id AND pay.currency = p.currency AND pay.status = 'applied'
                                AND pay.received_on BETWEEN p.promised_on AND p.promised_date + $2::int), 0) AS paid
       FROM collections.promises p WHERE p.id = ANY($1::uuid[])`,
      [promises.map((p) => p.id), toleranceDays],
    );
    const paid = new Map(rows.map((r) => [r.id, Number(r.paid)]));
    return promises.map((promise) => ({ promise, paid: paid.get(promise.id) ?? 0 }));
  }
  /**
   * Active promises whose date plus the tolerance passed before `asOf`, locked, with the applied payments between
   * the promise and that day.
   */
  async lockDue(manager: EntityManager, asOf: CalendarDate, toleranceDays: number): Promise<DuePromise[]> {
    const rows: {
      id: string; client_id: string; promised_date: string; promised_amount: string; currency: string; manager_id: string | null; paid: string;
    }[] = await manager.query(
      `SELECT p.id, p.client_id, to_char(p.promised_date, 'YYYY-MM-DD') AS promised_date,
              p.promised_amount, p.currency, c.account_manager_id AS manager_id,
              coalesce((SELECT sum(pay.amount) FROM invoicing.payments_v1 pay
                        WHERE pay.client_id = p.client_id AND pay.currency = p.currency AND pay.status = 'applied'
                          AND pay.received_on BETWEEN p.promised_on AND p.promised_date + $2::int), 0) AS paid
       FROM collections.promises p
       LEFT JOIN contracts.client_directory_v1 c ON c.id = p.client_id
       WHERE p.status = 'active' AND p.promised_date + $2::int < $1::date
       ORDER BY p.id FOR UPDATE OF p`,
      [asOf, toleranceDays],
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
