import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { InvoiceLine } from './invoice-line.entity';
import { Invoice, InvoiceStatus } from './invoice.entity';

export interface InvoiceListFilters {
  clientId?: string;
  status?: InvoiceStatus;
  overdue?: boolean;
  asOf: string;
  /** SQL restricting client_id to the caller's clients, using parameter $1 when not 'true'. */
  scope: { sql: string; params: unknown[] };
}

export interface SettlementChange {
  invoiceId: string;
  paid: number;
  discounted: number;
  credited: number;
}

const OPEN = `status IN ('open', 'partially_paid')`;

@Injectable()
export class InvoiceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<Invoice | null> {
    return this.manager(manager).findOne(Invoice, { where: { id }, relations: { lines: true }, order: { lines: { position: 'ASC' } } });
  }

  findByIdForUpdate(id: string, manager: EntityManager): Promise<Invoice | null> {
    return manager.findOne(Invoice, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Next generated number of the year, e.g. 2026-000123; the row lock serialises concurrent issuers. */
  async nextNumber(year: number, manager: EntityManager): Promise<string> {
    const rows: { last_value: number }[] = await manager.query(
      `INSERT INTO invoicing.invoice_number_sequences (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = invoicing.invoice_number_sequences.last_value + 1
       RETURNING last_value`,
      [year],
    );
    return `${year}-${String(rows[0].last_value).padStart(6, '0')}`;
  }

  async insertWithLines(invoice: Invoice, lines: InvoiceLine[], manager: EntityManager): Promise<void> {
    await manager.insert(Invoice, invoice);
    await manager.insert(InvoiceLine, lines);
  }

  async save(invoice: Invoice, manager: EntityManager): Promise<Invoice> {
    return manager.save(Invoice, invoice);
  }

  /** Open balance of a client in one currency: what a new invoice adds to. */
  async openExposure(clientId: string, currency: string, manager?: EntityManager): Promise<number> {
    const rows = await this.manager(manager).query(
      `SELECT coalesce(sum(total - amount_paid - amount_credited - amount_discounted), 0)::bigint AS exposure
       FROM invoicing.invoices WHERE client_id = $1 AND currency = $2 AND ${OPEN}`,
      [clientId, currency],
    );
    return Number(rows[0].exposure);
  }

  /** Locks the client's open invoices in one currency, always in id order so concurrent payers never deadlock. */
  lockOpenForClient(clientId: string, currency: string, manager: EntityManager): Promise<Invoice[]> {
    return manager
      .createQueryBuilder(Invoice, 'i')
      .where('i.client_id = :clientId AND i.currency = :currency', { clientId, currency })
      .andWhere(`i.${OPEN}`)
      .orderBy('i.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  lockByIds(ids: string[], manager: EntityManager): Promise<Invoice[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(Invoice, 'i')
      .where('i.id IN (:...ids)', { ids })
      .orderBy('i.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Locks the client's invoice whose number appears in a payment reference (the longest match wins). */
  lockByNumberInReference(clientId: string, currency: string, reference: string, manager: EntityManager): Promise<Invoice | null> {
    return manager
      .createQueryBuilder(Invoice, 'i')
      .where('i.client_id = :clientId AND i.currency = :currency', { clientId, currency })
      .andWhere(`i.status <> 'void' AND strpos(:reference, i.number) > 0`, { reference })
      .orderBy('length(i.number)', 'DESC')
      .addOrderBy('i.id', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Applies money movements to many invoices in one statement and recomputes status and settlement date. */
  async applySettlements(changes: SettlementChange[], settledOn: string, manager: EntityManager): Promise<void> {
    if (changes.length === 0) return;
    await manager.query(
      `UPDATE invoicing.invoices i
       SET amount_paid = i.amount_paid + c.paid,
           amount_discounted = i.amount_discounted + c.discounted,
           amount_credited = i.amount_credited + c.credited,
           status = CASE
             WHEN i.status IN ('void', 'written_off') THEN i.status
             WHEN i.total = i.amount_paid + c.paid + i.amount_credited + c.credited + i.amount_discounted + c.discounted THEN 'paid'
             WHEN i.amount_paid + c.paid > 0 OR i.amount_credited + c.credited > 0 THEN 'partially_paid'
             ELSE 'open' END,
           settled_on = CASE
             WHEN i.total = i.amount_paid + c.paid + i.amount_credited + c.credited + i.amount_discounted + c.discounted
               THEN coalesce(i.settled_on, $5::date)
             ELSE NULL END,
           updated_at = now()
       FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::bigint[]) AS c(invoice_id, paid, discounted, credited)
       WHERE i.id = c.invoice_id`,
      [changes.map((c) => c.invoiceId), changes.map((c) => c.paid), changes.map((c) => c.discounted), changes.map((c) => c.credited), settledOn],
    );
  }

  async list(filters: InvoiceListFilters, afterId: string | null, limit: number): Promise<Invoice[]> {
    const params: unknown[] = [...filters.scope.params];
    const where = [filters.scope.sql];
    const add = (sql: (i: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (afterId) add((i) => `id > $${i}`, afterId);
    if (filters.clientId) add((i) => `client_id = $${i}`, filters.clientId);
    if (filters.status) add((i) => `status = $${i}`, filters.status);
    if (filters.overdue !== undefined) {
      const overdueSql = (i: number) =>
        `(${OPEN} AND total - amount_paid - amount_credited - amount_discounted > 0 AND due_date < $${i}::date)`;
      add((i) => (filters.overdue ? overdueSql(i) : `NOT ${overdueSql(i)}`), filters.asOf);
    }
    params.push(limit);
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM invoicing.invoices WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.length}`,
      params,
    );
    if (ids.length === 0) return [];
    const invoices = await this.dataSource.manager.find(Invoice, {
      where: ids.map((r) => ({ id: r.id })),
      relations: { lines: true },
    });
    const byId = new Map(invoices.map((i) => [i.id, i]));
    return ids.map((r) => byId.get(r.id) as Invoice).map((i) => ({ ...i, lines: [...(i.lines ?? [])].sort((a, b) => a.position - b.position) }) as Invoice);
  }
}
