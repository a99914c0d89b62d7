import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { clientScopeCondition, VisibilityScope } from '@ar/auth';
import { CalendarDate } from '@ar/time';
import { DisputeCase } from './dispute-case.entity';

export interface DisputeCaseQuery {
  scope: VisibilityScope;
  status?: 'open' | 'resolved';
  clientId?: string;
  ownerId?: string;
  invoiceId?: string;
  after: string | null;
  limit: number;
}

/** One line of the complaints analysis: cases opened in the period with one reason code and currency. */
export interface DisputeReportRow {
  reasonCode: string;
  currency: string;
  opened: number;
  amount: number;
  open: number;
  resolved: number;
  creditNote: number;
  writeOff: number;
  rejected: number;
  paid: number;
  resolvedAmount: number;
  avgDaysToResolve: number | null;
}

/** The SQL of dispute cases and of the complaints analysis. */
@Injectable()
export class DisputeCaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(cases: DisputeCase[], manager: EntityManager): Promise<void> {
    if (cases.length > 0) await manager.insert(DisputeCase, cases);
  }

  async save(disputeCase: DisputeCase, manager: EntityManager): Promise<void> {
    await manager.save(DisputeCase, disputeCase);
  }

  findById(id: string): Promise<DisputeCase | null> {
    return this.dataSource.manager.findOneBy(DisputeCase, { id });
  }

  lockById(id: string, manager: EntityManager): Promise<DisputeCase | null> {
    return manager.findOne(DisputeCase, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockOpenForInvoice(invoiceId: string, manager: EntityManager): Promise<DisputeCase | null> {
    return manager.findOne(DisputeCase, { where: { invoiceId, status: 'open' }, lock: { mode: 'pessimistic_write' } });
  }

  /** Newest first (ids are time-ordered), `limit + 1` rows, only cases of clients in scope. */
  list(query: DisputeCaseQuery): Promise<DisputeCase[]> {
    const qb = this.dataSource.manager.createQueryBuilder(DisputeCase, 'd').orderBy('d.id', 'DESC').limit(query.limit + 1);
    if (!query.scope.all) {
      const visible = clientScopeCondition(query.scope, 'd.client_id', ':managers');
      qb.andWhere(visible.sql, { managers: visible.params[0] });
    }
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.clientId) qb.andWhere('d.client_id = :clientId', { clientId: query.clientId });
    if (query.ownerId) qb.andWhere('d.owner_id = :ownerId', { ownerId: query.ownerId });
    if (query.invoiceId) qb.andWhere('d.invoice_id = :invoiceId', { invoiceId: query.invoiceId });
    if (query.after) qb.andWhere('d.id < :after', { after: query.after });
    return qb.getMany();
  }

  /** Cases opened from `from` to `to` (inclusive) per reason code and currency; resolutions counted as they stand today. */
  async report(scope: VisibilityScope, from: CalendarDate, to: CalendarDate): Promise<DisputeReportRow[]> {
    const visible = clientScopeCondition(scope, 'client_id', '$3::uuid[]');
    const rows: Record<string, string | null>[] = await this.dataSource.query(
      `SELECT reason_code, currency, count(*) AS opened, sum(amount)::bigint AS amount,
              count(*) FILTER (WHERE status = 'open') AS open, count(*) FILTER (WHERE status = 'resolved') AS resolved,
              count(*) FILTER (WHERE resolution = 'credit_note') AS credit_note, count(*) FILTER (WHERE resolution = 'write_off') AS write_off,
              count(*) FILTER (WHERE resolution = 'rejected') AS rejected, count(*) FILTER (WHERE resolution = 'paid') AS paid,
              coalesce(sum(resolution_amount), 0)::bigint AS resolved_amount,
              round(avg(resolved_on - opened_on) FILTER (WHERE status = 'resolved'), 1) AS avg_days
       FROM invoicing.dispute_cases
       WHERE opened_on BETWEEN $1::date AND $2::date AND ${visible.sql}
       GROUP BY reason_code, currency ORDER BY reason_code, currency`,
      [from, to, ...visible.params],
    );
    return rows.map((r) => ({
      reasonCode: r.reason_code as string,
      currency: r.currency as string,
      opened: Number(r.opened),
      amount: Number(r.amount),
      open: Number(r.open),
      resolved: Number(r.resolved),
      creditNote: Number(r.credit_note),
      writeOff: Number(r.write_off),
      rejected: Number(r.rejected),
      paid: Number(r.paid),
      resolvedAmount: Number(r.resolved_amount),
      avgDaysToResolve: r.avg_days === null ? null : Number(r.avg_days),
    }));
  }
}
