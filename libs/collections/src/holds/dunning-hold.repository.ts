import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { clientScopeCondition, VisibilityScope } from '@ar/auth';
import { CalendarDate } from '@ar/time';
import { DunningHold } from './dunning-hold.entity';

export interface HoldListQuery {
  scope: VisibilityScope;
  clientId?: string;
  invoiceId?: string;
  /** true: only holds in force today; false: only those released or run out. */
  active?: boolean;
  today: CalendarDate;
  after: string | null;
  limit: number;
}

/** The SQL of dunning holds, and the invoice a hold names (from invoicing.receivables_v1). */
@Injectable()
export class DunningHoldRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(hold: DunningHold, manager: EntityManager): Promise<void> {
    await manager.insert(DunningHold, hold);
  }

  async save(hold: DunningHold, manager: EntityManager): Promise<void> {
    await manager.save(DunningHold, hold);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<DunningHold | null> {
    return manager.findOneBy(DunningHold, { id });
  }

  lockById(id: string, manager: EntityManager): Promise<DunningHold | null> {
    return manager.findOne(DunningHold, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Newest first (ids are time-ordered), `limit + 1` rows, only holds of clients in scope. */
  list(query: HoldListQuery): Promise<DunningHold[]> {
    const qb = this.dataSource.manager.createQueryBuilder(DunningHold, 'h').orderBy('h.id', 'DESC').limit(query.limit + 1);
    if (!query.scope.all) {
      const visible = clientScopeCondition(query.scope, 'h.client_id', ':managers');
      qb.andWhere(visible.sql, { managers: visible.params[0] });
    }
    if (query.clientId) qb.andWhere('h.client_id = :clientId', { clientId: query.clientId });
    if (query.invoiceId) qb.andWhere('h.invoice_id = :invoiceId', { invoiceId: query.invoiceId });
    if (query.active === true) qb.andWhere('h.released_at IS NULL AND h.until > :today', { today: query.today });
    if (query.active === false) qb.andWhere('(h.released_at IS NOT NULL OR h.until <= :today)', { today: query.today });
    if (query.after) qb.andWhere('h.id < :after', { after: query.after });
    return qb.getMany();
  }

  /** The invoice's client and whether it is still owed, or null when there is no such invoice. */
  async invoice(invoiceId: string): Promise<{ clientId: string; open: boolean } | null> {
    const rows: { client_id: string; open_receivable: boolean }[] = await this.dataSource.query(
      `SELECT client_id, open_receivable FROM invoicing.receivables_v1 WHERE invoice_id = $1`,
      [invoiceId],
    );
    return rows.length === 0 ? null : { clientId: rows[0].client_id, open: rows[0].open_receivable };
  }
}
