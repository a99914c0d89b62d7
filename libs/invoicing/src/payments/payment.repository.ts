import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { managedClientsCondition } from '@ar/auth';
import { EmbeddedStatement, embedStatements, queryPrepared, SqlParams } from '@ar/database';
import { SettlementChange, settlementUpdateSql } from '../invoices/invoice.repository';
import { PaymentAllocation } from './payment-allocation.entity';
import { Payment } from './payment.entity';

export interface NetAllocation {
  invoiceId: string;
  paid: number;
  discounted: number;
}

export interface PaymentListFilters {
  clientId?: string;
  /** Received on or after / on or before. */
  from?: string;
  to?: string;
  accountManagerId?: string;
}

@Injectable()
export class PaymentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<Payment | null> {
    return this.manager(manager).findOneBy(Payment, { id });
  }

  findByIdForUpdate(id: string, manager: EntityManager): Promise<Payment | null> {
    return manager.findOne(Payment, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findBySourceForUpdate(sourceKey: string, externalId: string, manager: EntityManager): Promise<Payment | null> {
    return manager.findOne(Payment, { where: { sourceKey, externalId }, lock: { mode: 'pessimistic_write' } });
  }

  async save(payment: Payment, manager: EntityManager): Promise<void> {
    await manager.save(Payment, payment);
  }

  /**
   * Records applied payments in one statement: the payments, their ledger rows, the invoices' new
   * amounts and statuses (one change per invoice) and the `also` statements (outbox events, webhook ids)
   * — the hot path of payment ingestion. Each invoice change is guarded by the state it was allocated
   * against (`asRead`): if any invoice changed since, the statement fails as a whole with
   * serialization_failure (40001) and writes nothing, so a caller may allocate from a read without
   * locks. Returns each payment's creation time by id.
   */
  async recordApplied(
    payments: Payment[],
    rows: Omit<PaymentAllocation, 'id' | 'createdAt'>[],
    settlements: SettlementChange[],
    manager: EntityManager,
    also: EmbeddedStatement[] = [],
  ): Promise<Map<string, Date>> {
    const column = <K extends keyof Payment>(key: K) => payments.map((p) => p[key]);
    const params = new SqlParams();
    const paymentColumns = [
      params.add(column('id'), 'uuid[]'),
      params.add(column('clientId'), 'uuid[]'),
      params.add(column('amount'), 'bigint[]'),
      params.add(column('currency'), 'text[]'),
      params.add(column('receivedOn'), 'date[]'),
      params.add(column('reference'), 'text[]'),
      params.add(column('externalId'), 'text[]'),
      params.add(column('sourceKey'), 'text[]'),
      params.add(column('invoiceId'), 'uuid[]'),
      params.add(column('unappliedAmount'), 'bigint[]'),
    ];
    const ledgerColumns = [
      params.add(rows.map((r) => r.paymentId), 'uuid[]'),
      params.add(rows.map((r) => r.invoiceId), 'uuid[]'),
      params.add(rows.map((r) => r.kind), 'varchar[]'),
      params.add(rows.map((r) => r.amount), 'bigint[]'),
      params.add(rows.map((r) => r.effectiveOn), 'date[]'),
    ];
    const settle = settlementUpdateSql(params, settlements, undefined, { guarded: true });
    const embedded = embedStatements(also, params);
    const result = await queryPrepared<{ id: string; created_at: Date }>(
      manager,
      `WITH p AS (
         INSERT INTO invoicing.payments (id, client_id, amount, currency, received_on, reference, external_id, source_key, invoice_id, status, unapplied_amount)
         SELECT id, client_id, amount, currency, received_on, reference, external_id, source_key, invoice_id, 'applied', unapplied_amount
         FROM unnest(${paymentColumns.join(', ')})
           AS u(id, client_id, amount, currency, received_on, reference, external_id, source_key, invoice_id, unapplied_amount)
         RETURNING id, created_at),
       a AS (
         INSERT INTO invoicing.payment_allocations (payment_id, invoice_id, kind, amount, effective_on)
         SELECT * FROM unnest(${ledgerColumns.join(', ')})),
       s AS (${settle})${embedded}
       SELECT id, created_at FROM p WHERE invoicing.expect_row_count('Invoices', (SELECT count(*) FROM s), ${params.add(settlements.length)})`,
      params.values,
    );
    return new Map(result.map((r) => [r.id, r.created_at]));
  }

  /** Appends ledger rows in one statement. */
  async appendAllocations(rows: Omit<PaymentAllocation, 'id' | 'createdAt'>[], manager: EntityManager): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO invoicing.payment_allocations (payment_id, invoice_id, kind, amount, effective_on)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::bigint[], $5::date[])`,
      [rows.map((r) => r.paymentId), rows.map((r) => r.invoiceId), rows.map((r) => r.kind), rows.map((r) => r.amount), rows.map((r) => r.effectiveOn)],
    );
  }

  /** What a payment currently contributes to each invoice (after any earlier reversal rows). */
  async netAllocations(paymentId: string, manager?: EntityManager): Promise<NetAllocation[]> {
    const rows = await this.manager(manager).query(
      `SELECT invoice_id,
              sum(amount) FILTER (WHERE kind = 'payment')::bigint AS paid,
              coalesce(sum(amount) FILTER (WHERE kind = 'discount'), 0)::bigint AS discounted
       FROM invoicing.payment_allocations WHERE payment_id = $1
       GROUP BY invoice_id ORDER BY invoice_id`,
      [paymentId],
    );
    return rows
      .map((r: Record<string, string>) => ({ invoiceId: r.invoice_id, paid: Number(r.paid ?? 0), discounted: Number(r.discounted) }))
      .filter((a: NetAllocation) => a.paid !== 0 || a.discounted !== 0);
  }

  async netAllocationsFor(paymentIds: string[]): Promise<Map<string, NetAllocation[]>> {
    const result = new Map<string, NetAllocation[]>(paymentIds.map((id) => [id, []]));
    if (paymentIds.length === 0) return result;
    const rows = await this.dataSource.query(
      `SELECT payment_id, invoice_id, coalesce(sum(amount) FILTER (WHERE kind = 'payment'), 0)::bigint AS paid,
              coalesce(sum(amount) FILTER (WHERE kind = 'discount'), 0)::bigint AS discounted
       FROM invoicing.payment_allocations WHERE payment_id = ANY($1::uuid[])
       GROUP BY payment_id, invoice_id ORDER BY payment_id, invoice_id`,
      [paymentIds],
    );
    for (const r of rows) {
      if (Number(r.paid) === 0 && Number(r.discounted) === 0) continue;
      result.get(r.payment_id)?.push({ invoiceId: r.invoice_id, paid: Number(r.paid), discounted: Number(r.discounted) });
    }
    return result;
  }

  list(scope: { sql: string; params: unknown[] }, filters: PaymentListFilters, afterId: string | null, limit: number): Promise<Payment[]> {
    const params = new SqlParams(scope.params);
    const where = [scope.sql];
    if (filters.clientId) where.push(`client_id = ${params.add(filters.clientId)}`);
    if (filters.from) where.push(`received_on >= ${params.add(filters.from, 'date')}`);
    if (filters.to) where.push(`received_on <= ${params.add(filters.to, 'date')}`);
    if (filters.accountManagerId) where.push(managedClientsCondition('client_id', params.add([filters.accountManagerId], 'uuid[]')));
    if (afterId) where.push(`id > ${params.add(afterId)}`);
    return this.dataSource.manager
      .query(`SELECT id FROM invoicing.payments WHERE ${where.join(' AND ')} ORDER BY id LIMIT ${params.add(limit)}`, params.values)
      .then(async (rows: { id: string }[]) => {
        if (rows.length === 0) return [];
        const payments = await this.dataSource.manager.find(Payment, { where: rows.map((r) => ({ id: r.id })), order: { id: 'ASC' } });
        return payments;
      });
  }

  /** Unapplied credit per currency of a client's payments that still stand. */
  async unappliedCredit(clientId: string): Promise<Map<string, number>> {
    const rows = await this.dataSource.query(
      `SELECT currency, sum(unapplied_amount)::bigint AS credit FROM invoicing.payments
       WHERE client_id = $1 AND status = 'applied' GROUP BY currency`,
      [clientId],
    );
    return new Map(rows.map((r: { currency: string; credit: string }) => [r.currency, Number(r.credit)]));
  }
}
