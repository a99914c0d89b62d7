import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, Not } from 'typeorm';
import { managedClientsCondition } from '@ar/auth';
import { queryPrepared, SqlParams } from '@ar/database';
import { InvoiceLine } from './invoice-line.entity';
import { Invoice, InvoiceStatus } from './invoice.entity';
import { OPEN_STATUS_SQL, openReceivableSql } from './open-receivable';

export interface InvoiceListFilters {
  clientId?: string;
  status?: InvoiceStatus;
  overdue?: boolean;
  asOf: string;
  /** Issued on or after / on or before. */
  from?: string;
  to?: string;
  accountManagerId?: string;
  /** SQL restricting client_id to the caller's clients, using parameter $1 when not 'true'. */
  scope: { sql: string; params: unknown[] };
}

/** An invoice locked for a payment, with what allocation needs to know. */
export interface PayableInvoice {
  id: string;
  number: string;
  clientId: string;
  currency: string;
  status: InvoiceStatus;
  issueDate: string;
  dueDate: string;
  total: number;
  settled: number;
  cashDiscount: { percent: number; days: number } | null;
}

/** What a payment may settle: a named invoice, or the client's invoices in a currency. */
export interface PayableRequest {
  clientId: string;
  currency: string;
  invoiceId?: string | null;
  reference?: string | null;
  /** The payment's origin and its id there, to tell whether it was recorded before. */
  sourceKey: string;
  externalId?: string | null;
}

export interface PayableCandidates {
  client: { accountManagerId: string | null } | null;
  invoices: PayableInvoice[];
  /** A payment with the same source and externalId exists already. */
  alreadyRecorded: boolean;
}

export interface SettlementChange {
  invoiceId: string;
  paid: number;
  discounted: number;
  credited: number;
  /** When this change settles the invoice in full: its settlement date (else the caller's date). */
  settledOn?: string;
  /** The invoice as the writer read it; a guarded update changes it only if it is still so. */
  asRead?: { settled: number; status: InvoiceStatus };
}


/**
 * The UPDATE that applies money movements (at most one change per invoice: paid, discounted and credited
 * amounts and the settlement date, `settledOn` for changes that carry none) and recomputes status and
 * settlement date. Shared by every writer of invoice money so the status rule exists once. `guarded` is for a
 * writer that read the invoices without locking them: it locks them by client, then id (the order every writer
 * of invoice money uses), leaves alone an invoice whose settled amount or status is no longer what was read,
 * and returns the updated ids so that the caller can tell.
 */
export function settlementUpdateSql(params: SqlParams, changes: SettlementChange[], settledOn?: string, { guarded = false } = {}): string {
  if (changes.some((c) => (c.settledOn ?? settledOn) === undefined)) throw new Error('Every settlement change needs a settlement date');
  if (guarded && changes.some((c) => !c.asRead)) throw new Error('A guarded settlement change needs the invoice as read');
  const ids = params.add(changes.map((c) => c.invoiceId), 'uuid[]');
  const columns = [
    ids,
    params.add(changes.map((c) => c.paid), 'bigint[]'),
    params.add(changes.map((c) => c.discounted), 'bigint[]'),
    params.add(changes.map((c) => c.credited), 'bigint[]'),
    params.add(changes.map((c) => c.settledOn ?? settledOn), 'date[]'),
    ...(guarded ? [params.add(changes.map((c) => c.asRead?.settled), 'bigint[]'), params.add(changes.map((c) => c.asRead?.status), 'text[]')] : []),
  ];
  return `UPDATE invoicing.invoices i
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
               THEN coalesce(i.settled_on, c.settled_on)
             ELSE NULL END,
           updated_at = now()
       FROM unnest(${columns.join(', ')})
         AS c(invoice_id, paid, discounted, credited, settled_on${guarded ? ', read_settled, read_status' : ''})
       WHERE i.id = c.invoice_id${
         guarded
           ? `
         AND i.amount_paid + i.amount_credited + i.amount_discounted = c.read_settled AND i.status = c.read_status
         AND i.id IN (SELECT l.id FROM invoicing.invoices l WHERE l.id = ANY(${ids}) ORDER BY l.client_id, l.id FOR UPDATE)
       RETURNING i.id`
           : ''
       }`;
}

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
  /** A client's invoices due before a date and not void: those that may have been late by then. */
  byIds(ids: string[]): Promise<Invoice[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.dataSource.manager.find(Invoice, { where: { id: In(ids) }, order: { dueDate: 'ASC', id: 'ASC' } });
  }

  dueBefore(clientId: string, date: string): Promise<Invoice[]> {
    return this.dataSource.manager.find(Invoice, { where: { clientId, dueDate: LessThan(date), status: Not('void') }, order: { dueDate: 'ASC', id: 'ASC' } });
  }

  /**
   * What a contract invoiced in a period (standard invoices that are not void), holding the contract's volume lock
   * until the caller's transaction ends: `volume` is the net before volume discounts, `subtotal` and `total` as issued.
   */
  async lockedPeriodVolume(contractId: string, period: { from: string; to: string }, manager: EntityManager): Promise<{ volume: number; subtotal: number; total: number }> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('invoicing.volume:' || $1, 0))`, [contractId]);
    const [row]: { volume: string; subtotal: string; total: string }[] = await manager.query(
      `SELECT COALESCE(sum(subtotal + COALESCE((volume_discount->>'discount')::bigint, 0)), 0)::text AS volume,
              COALESCE(sum(subtotal), 0)::text AS subtotal, COALESCE(sum(total), 0)::text AS total
         FROM invoicing.invoices
        WHERE contract_id = $1 AND kind = 'standard' AND status <> 'void' AND issue_date BETWEEN $2 AND $3`,
      [contractId, period.from, period.to],
    );
    return { volume: Number(row.volume), subtotal: Number(row.subtotal), total: Number(row.total) };
  }

  /** A contract's invoices that still owe something, locked. */
  lockOpenOfContract(contractId: string, manager: EntityManager): Promise<Invoice[]> {
    return manager
      .createQueryBuilder(Invoice, 'i')
      .where('i.contract_id = :contractId', { contractId })
      .andWhere(`i.status IN ('open', 'partially_paid')`)
      .orderBy('i.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

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
       FROM invoicing.invoices WHERE client_id = $1 AND currency = $2 AND ${OPEN_STATUS_SQL}`,
      [clientId, currency],
    );
    return Number(rows[0].exposure);
  }

  /** Locks invoices by client, then id: the order every writer of invoice money uses, so payers never deadlock. */
  lockByIds(ids: string[], manager: EntityManager): Promise<Invoice[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(Invoice, 'i')
      .where('i.id IN (:...ids)', { ids })
      .orderBy('i.clientId', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Locks, in id order, those of the invoices that are open and not disputed yet. */
  lockOpenUndisputed(ids: string[], manager: EntityManager): Promise<Invoice[]> {
    return manager
      .createQueryBuilder(Invoice, 'i')
      .where('i.id IN (:...ids)', { ids })
      .andWhere('NOT i.disputed')
      .andWhere(`i.${OPEN_STATUS_SQL}`)
      .orderBy('i.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  async markDisputed(ids: string[], reason: string, manager: EntityManager): Promise<void> {
    await manager.update(Invoice, { id: In(ids) }, { disputed: true, disputeReason: reason });
  }

  /** Applies money movements to many invoices in one statement and recomputes status and settlement date. */
  async applySettlements(changes: SettlementChange[], settledOn: string, manager: EntityManager): Promise<void> {
    if (changes.length === 0) return;
    const params = new SqlParams();
    await manager.query(settlementUpdateSql(params, changes, settledOn), params.values);
  }

  /** Each client's typical delay in days (invoicing.days_late_v1; clients without settled invoices are absent). */
  async typicalDelays(clientIds: string[], asOf: string): Promise<Map<string, number>> {
    if (clientIds.length === 0) return new Map();
    const rows: { client_id: string; avg_days_late: string | null }[] = await this.dataSource.query(
      `SELECT client_id, avg_days_late FROM invoicing.days_late_v1($1::uuid[], $2::date)`,
      [[...new Set(clientIds)], asOf],
    );
    return new Map(rows.map((r) => [r.client_id, Number(r.avg_days_late ?? 0)]));
  }

  /** Counts a write-off (already applied as a credit) and marks an invoice it left with nothing owed `written_off`. */
  async recordWriteOff(invoiceId: string, amount: number, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE invoicing.invoices SET amount_written_off = amount_written_off + $2,
              status = CASE WHEN status = 'paid' THEN 'written_off' ELSE status END, updated_at = now()
       WHERE id = $1`,
      [invoiceId, amount],
    );
  }

  /**
   * For each payment, reads the paying client (through `contracts.client_directory_v1`) and locks, in one
   * round trip for the whole batch, the invoices it may settle with their contracts' cash-discount
   * terms: the named invoice; else the client's invoices in the currency whose number the reference
   * quotes, or its open ones when it quotes none. Which of them the payment takes is `selectPaymentTargets`'s rule.
   * It also tells whether each payment's (source, externalId) was recorded before.
   * Requests are locked in client order and each client's invoices in id order (the order every writer
   * of invoice money uses), so concurrent payers never deadlock. `client` is null for an unknown client.
   */
  lockPayable(requests: PayableRequest[], manager: EntityManager): Promise<PayableCandidates[]> {
    return this.payable(requests, manager, { lock: true });
  }

  /** What `lockPayable` finds, read without locks: for a writer that checks, when it writes, that nothing changed. */
  readPayable(requests: PayableRequest[]): Promise<PayableCandidates[]> {
    return this.payable(requests, this.dataSource.manager, { lock: false });
  }

  private async payable(requests: PayableRequest[], manager: EntityManager, { lock }: { lock: boolean }): Promise<PayableCandidates[]> {
    const order = requests.map((_, index) => index).sort((a, b) => requests[a].clientId.localeCompare(requests[b].clientId) || a - b);
    // The named invoice; else the client's invoices the reference quotes, if there are any; else its open
    // invoices. One index scan each, and no row the rule cannot pick travels or gets locked.
    // The arrays come in through a subquery (OFFSET 0 keeps it one) so that the planner cannot see their
    // length: for a small batch a custom plan would always look cheaper than the cached generic one, and
    // Postgres would plan this statement again on every call, which takes longer than running it.
    const quotes = (alias: string) => `${alias}.status <> 'void' AND strpos(r.reference, ${alias}.number) > 0`;
    const rows = await queryPrepared<Record<string, any>>(
      manager,
      `SELECT r.ord, c.id AS client_id_found, c.account_manager_id, p.id IS NOT NULL AS already_recorded, x.*
       FROM (SELECT $1::int[] AS ord, $2::uuid[] AS client_id, $3::text[] AS currency, $4::uuid[] AS invoice_id, $5::text[] AS reference,
                    $6::text[] AS source_key, $7::text[] AS external_id OFFSET 0) a
       CROSS JOIN LATERAL unnest(a.ord, a.client_id, a.currency, a.invoice_id, a.reference, a.source_key, a.external_id)
         WITH ORDINALITY AS r(ord, client_id, currency, invoice_id, reference, source_key, external_id, position)
       LEFT JOIN invoicing.payments p ON p.source_key = r.source_key AND p.external_id = r.external_id
       LEFT JOIN contracts.client_directory_v1 c ON c.id = r.client_id
       CROSS JOIN LATERAL (
         SELECT EXISTS (SELECT 1 FROM invoicing.invoices q WHERE r.invoice_id IS NULL AND q.client_id = r.client_id
                          AND q.currency = r.currency AND ${quotes('q')}) AS quoted) q
       LEFT JOIN LATERAL (
         SELECT i.id, i.number, i.client_id, i.currency, i.status, i.total,
                to_char(i.issue_date, 'YYYY-MM-DD') AS issue_date, to_char(i.due_date, 'YYYY-MM-DD') AS due_date,
                i.amount_paid + i.amount_credited + i.amount_discounted AS settled,
                t.cash_discount_percent, t.cash_discount_days
         FROM invoicing.invoices i LEFT JOIN contracts.contract_terms_v1 t ON t.id = i.contract_id
         WHERE c.id IS NOT NULL AND (
           i.id = r.invoice_id
           OR (r.invoice_id IS NULL AND i.client_id = r.client_id AND i.currency = r.currency
               AND CASE WHEN q.quoted THEN ${quotes('i')} ELSE i.${OPEN_STATUS_SQL} END))
         ORDER BY i.id${lock ? ' FOR UPDATE OF i' : ''}) x ON true
       ORDER BY r.position, x.id`,
      [
        order,
        order.map((i) => requests[i].clientId),
        order.map((i) => requests[i].currency),
        order.map((i) => requests[i].invoiceId ?? null),
        order.map((i) => requests[i].reference ?? null),
        order.map((i) => requests[i].sourceKey),
        order.map((i) => requests[i].externalId ?? null),
      ],
    );
    const result: PayableCandidates[] = requests.map(() => ({ client: null, invoices: [], alreadyRecorded: false }));
    for (const r of rows) {
      const entry = result[r.ord];
      entry.alreadyRecorded = r.already_recorded;
      if (r.client_id_found === null) continue;
      entry.client = { accountManagerId: r.account_manager_id };
      if (r.id === null) continue;
      entry.invoices.push({
        id: r.id,
        number: r.number,
        clientId: r.client_id,
        currency: r.currency,
        status: r.status,
        issueDate: r.issue_date,
        dueDate: r.due_date,
        total: Number(r.total),
        settled: Number(r.settled),
        cashDiscount:
          r.cash_discount_percent !== null && r.cash_discount_days !== null
            ? { percent: Number(r.cash_discount_percent), days: Number(r.cash_discount_days) }
            : null,
      });
    }
    return result;
  }

  async list(filters: InvoiceListFilters, afterId: string | null, limit: number): Promise<Invoice[]> {
    const params = new SqlParams(filters.scope.params);
    const where = [filters.scope.sql];
    if (afterId) where.push(`id > ${params.add(afterId)}`);
    if (filters.clientId) where.push(`client_id = ${params.add(filters.clientId)}`);
    if (filters.status) where.push(`status = ${params.add(filters.status)}`);
    if (filters.from) where.push(`issue_date >= ${params.add(filters.from, 'date')}`);
    if (filters.to) where.push(`issue_date <= ${params.add(filters.to, 'date')}`);
    if (filters.accountManagerId) where.push(managedClientsCondition('client_id', params.add([filters.accountManagerId], 'uuid[]')));
    if (filters.overdue !== undefined) {
      const overdue = `(${openReceivableSql()} AND due_date < ${params.add(filters.asOf, 'date')})`;
      where.push(filters.overdue ? overdue : `NOT ${overdue}`);
    }
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM invoicing.invoices WHERE ${where.join(' AND ')} ORDER BY id LIMIT ${params.add(limit)}`,
      params.values,
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
