import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarDate } from '@ar/time';
import { InstalmentPlan, PlanStatus } from './instalment-plan.entity';

/** An invoice a plan may cover, as invoicing publishes it (receivables_v1). */
export interface PlanInvoice {
  invoiceId: string;
  clientId: string;
  currency: string;
  balance: number;
  open: boolean;
}

/** The SQL of instalment plans, and what the plans' invoices still owe. */
@Injectable()
export class InstalmentPlanRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(plan: InstalmentPlan, manager: EntityManager): Promise<void> {
    await manager.insert(InstalmentPlan, plan);
  }

  findById(id: string): Promise<InstalmentPlan | null> {
    return this.dataSource.manager.findOneBy(InstalmentPlan, { id });
  }

  lockById(id: string, manager: EntityManager): Promise<InstalmentPlan | null> {
    return manager.findOne(InstalmentPlan, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Newest first, `limit + 1` rows. */
  listForClient(clientId: string, status: PlanStatus | undefined, after: string | null, limit: number): Promise<InstalmentPlan[]> {
    const qb = this.dataSource.manager.createQueryBuilder(InstalmentPlan, 'p').where('p.client_id = :clientId', { clientId }).orderBy('p.id', 'DESC').limit(limit + 1);
    if (status) qb.andWhere('p.status = :status', { status });
    if (after) qb.andWhere('p.id < :after', { after });
    return qb.getMany();
  }

  async invoices(manager: EntityManager, invoiceIds: string[]): Promise<PlanInvoice[]> {
    const rows: { invoice_id: string; client_id: string; currency: string; balance: string; open_receivable: boolean }[] = await manager.query(
      `SELECT invoice_id, client_id, currency, balance, open_receivable FROM invoicing.receivables_v1 WHERE invoice_id = ANY($1::uuid[])`,
      [invoiceIds],
    );
    return rows.map((r) => ({ invoiceId: r.invoice_id, clientId: r.client_id, currency: r.currency, balance: Number(r.balance), open: r.open_receivable }));
  }

  /** Of these invoices, those already in an active plan. */
  async inActivePlans(manager: EntityManager, invoiceIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT DISTINCT unnest(invoice_ids) AS id FROM collections.instalment_plans WHERE status = 'active' AND invoice_ids && $1::uuid[]`,
      [invoiceIds],
    );
    const wanted = new Set(invoiceIds);
    return rows.map((r) => r.id).filter((id) => wanted.has(id));
  }

  /** What each plan's invoices still owe now (settled, void or written-off invoices owe nothing). */
  async outstanding(planIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    if (planIds.length === 0) return new Map();
    const rows: { id: string; owed: string }[] = await manager.query(
      `SELECT p.id, coalesce((SELECT sum(r.balance) FROM invoicing.receivables_v1 r WHERE r.invoice_id = ANY(p.invoice_ids) AND r.open_receivable), 0) AS owed
       FROM collections.instalment_plans p WHERE p.id = ANY($1::uuid[])`,
      [planIds],
    );
    return new Map(rows.map((r) => [r.id, Number(r.owed)]));
  }

  /** Active plans, locked, for the sweep's review. */
  lockActive(manager: EntityManager): Promise<InstalmentPlan[]> {
    return manager.find(InstalmentPlan, { where: { status: 'active' }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  async resolve(manager: EntityManager, id: string, status: Exclude<PlanStatus, 'active'>, on: CalendarDate, reason: string | null): Promise<void> {
    await manager.update(InstalmentPlan, { id }, { status, resolvedOn: on, statusReason: reason });
  }
}
