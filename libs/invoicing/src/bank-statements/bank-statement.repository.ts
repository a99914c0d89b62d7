import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BankEntry, BankEntryStatus, BankStatement, PayerAccount } from './bank-statement.entity';

export interface InvoiceByNumber {
  id: string;
  number: string;
  clientId: string;
  currency: string;
  balance: number;
  dueDate: string;
}

/** What matching needs of an invoice: whose it is, in what currency, and what it still owes. */
const INVOICE_COLUMNS = `id, number, client_id, currency, (total - amount_paid - amount_credited - amount_discounted)::text AS balance, to_char(due_date, 'YYYY-MM-DD') AS due_date`;

const toInvoiceByNumber = (r: Record<string, string>): InvoiceByNumber => ({
  id: r.id, number: r.number, clientId: r.client_id, currency: r.currency, balance: Number(r.balance), dueDate: r.due_date,
});

/** Imported statements and entries, learnt payer accounts, and the invoice lookups matching needs. */
@Injectable()
export class BankStatementRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insertStatement(statement: BankStatement, manager: EntityManager): Promise<void> {
    await manager.insert(BankStatement, statement);
  }

  /** Inserts the entries not seen before, in one statement; answers how many were new. */
  async insertEntries(entries: BankEntry[], manager: EntityManager): Promise<number> {
    if (entries.length === 0) return 0;
    const rows = entries.map((e) => ({
      id: e.id, statement_id: e.statementId, entry_key: e.entryKey, account: e.account, booking_date: e.bookingDate, amount: e.amount,
      is_return: e.isReturn, amount_text: e.amountText, currency: e.currency, transactions: e.transactions, status: e.status,
    }));
    // TypeORM answers INSERT … RETURNING with the rows alone.
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO invoicing.bank_entries (id, statement_id, entry_key, account, booking_date, amount, is_return, amount_text, currency, transactions, status)
       SELECT id, statement_id, entry_key, account, booking_date, amount, is_return, amount_text, currency, transactions, status
       FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, statement_id uuid, entry_key varchar, account varchar, booking_date date, amount bigint,
                                              is_return boolean, amount_text varchar, currency char(3), transactions jsonb, status varchar)
       ON CONFLICT (entry_key) DO NOTHING RETURNING id`,
      [JSON.stringify(rows)],
    );
    return inserted.length;
  }

  findStatement(id: string): Promise<BankStatement | null> {
    return this.dataSource.manager.findOneBy(BankStatement, { id });
  }

  async saveStatement(statement: BankStatement, manager?: EntityManager): Promise<void> {
    await this.manager(manager).save(BankStatement, statement);
  }

  pendingEntries(statementId: string, limit: number): Promise<BankEntry[]> {
    return this.dataSource.manager.find(BankEntry, { where: { statementId, status: 'pending' }, order: { id: 'ASC' }, take: limit });
  }

  findEntry(id: string, manager?: EntityManager): Promise<BankEntry | null> {
    return this.manager(manager).findOneBy(BankEntry, { id });
  }

  lockEntry(id: string, manager: EntityManager): Promise<BankEntry | null> {
    return manager.findOne(BankEntry, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveEntry(entry: BankEntry, manager?: EntityManager): Promise<void> {
    await this.manager(manager).save(BankEntry, entry);
  }

  listEntries(status: BankEntryStatus | undefined, afterId: string | null, limit: number): Promise<BankEntry[]> {
    const query = this.dataSource.manager.createQueryBuilder(BankEntry, 'e').orderBy('e.id', 'DESC').limit(limit);
    if (status) query.andWhere('e.status = :status', { status });
    if (afterId) query.andWhere('e.id < :afterId', { afterId });
    return query.getMany();
  }

  /** The applied credit entry one of whose transactions has this end-to-end id (what a return refers to). */
  async appliedByEndToEndId(endToEndId: string, manager: EntityManager): Promise<BankEntry | null> {
    return manager
      .createQueryBuilder(BankEntry, 'e')
      .where('e.is_return = false AND e.status IN (:...statuses)', { statuses: ['matched', 'partly_matched'] })
      .andWhere('e.transactions @> :probe::jsonb', { probe: JSON.stringify([{ endToEndId }]) })
      .orderBy('e.id', 'DESC')
      .getOne();
  }

  async statusCounts(statementId: string): Promise<Record<string, number>> {
    const rows: { status: string; n: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS n FROM invoicing.bank_entries WHERE statement_id = $1 GROUP BY status`,
      [statementId],
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** Invoices with these numbers (any client), with what they still owe. */
  async invoicesByNumber(numbers: string[]): Promise<InvoiceByNumber[]> {
    if (numbers.length === 0) return [];
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT ${INVOICE_COLUMNS}
       FROM invoicing.invoices WHERE number = ANY($1::text[]) AND status <> 'void'`,
      [numbers],
    );
    return rows.map(toInvoiceByNumber);
  }

  /** A client's open invoices in a currency with their balances, and its total overdue as of a date. */
  async openInvoices(clientId: string, currency: string): Promise<InvoiceByNumber[]> {
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT ${INVOICE_COLUMNS}
       FROM invoicing.invoices WHERE client_id = $1 AND currency = $2 AND status IN ('open', 'partially_paid')
         AND total - amount_paid - amount_credited - amount_discounted > 0 ORDER BY due_date, id`,
      [clientId, currency],
    );
    return rows.map(toInvoiceByNumber);
  }

  /** The clients these IBANs were learnt for. */
  async clientsByIban(ibans: string[]): Promise<Map<string, string>> {
    if (ibans.length === 0) return new Map();
    const rows: { iban: string; client_id: string }[] = await this.dataSource.query(`SELECT iban, client_id FROM invoicing.payer_accounts WHERE iban = ANY($1::text[])`, [ibans]);
    return new Map(rows.map((r) => [r.iban, r.client_id]));
  }

  /** The open invoices of these clients (any currency), oldest due first. */
  async openInvoicesOf(clientIds: string[]): Promise<InvoiceByNumber[]> {
    if (clientIds.length === 0) return [];
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT ${INVOICE_COLUMNS}
       FROM invoicing.invoices WHERE client_id = ANY($1::uuid[]) AND status IN ('open', 'partially_paid')
         AND total - amount_paid - amount_credited - amount_discounted > 0 ORDER BY due_date, id`,
      [clientIds],
    );
    return rows.map(toInvoiceByNumber);
  }

  /** Writes the outcome of many entries in one statement. */
  async saveOutcomes(entries: Pick<BankEntry, 'id' | 'status' | 'reasons' | 'paymentIds'>[], manager: EntityManager): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `UPDATE invoicing.bank_entries e SET status = u.status, reasons = u.reasons, payment_ids = u.payment_ids
       FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, status varchar, reasons text[], payment_ids uuid[]) WHERE e.id = u.id`,
      [JSON.stringify(entries.map((e) => ({ id: e.id, status: e.status, reasons: e.reasons, payment_ids: e.paymentIds })))],
    );
  }

  /** Learns several payer accounts in one statement (the last client wins for an IBAN). */
  async learnPayerAccounts(accounts: Map<string, string>, manager: EntityManager): Promise<void> {
    if (accounts.size === 0) return;
    await manager.query(
      `INSERT INTO invoicing.payer_accounts (iban, client_id, learnt_at) SELECT iban, client_id, now() FROM unnest($1::text[], $2::uuid[]) AS u(iban, client_id)
       ON CONFLICT (iban) DO UPDATE SET client_id = EXCLUDED.client_id, learnt_at = now()`,
      [[...accounts.keys()], [...accounts.values()]],
    );
  }

  /** Clients whose name contains the payer's name or is contained in it (case ignored), at most `limit`. */
  async clientsNamed(name: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM contracts.client_directory_v1
       WHERE length($1) >= 3 AND (lower(name) LIKE '%' || lower($1) || '%' OR lower($1) LIKE '%' || lower(name) || '%')
       ORDER BY id LIMIT $2`,
      [name.replace(/[%_\\]/g, ''), limit],
    );
    return rows.map((r) => r.id);
  }

  /** Open invoices (any client) whose balance is exactly this amount, at most `limit`. */
  async openInvoicesOfAmount(amount: number, currency: string, limit: number): Promise<InvoiceByNumber[]> {
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT ${INVOICE_COLUMNS}
       FROM invoicing.invoices WHERE currency = $2 AND status IN ('open', 'partially_paid') AND total - amount_paid - amount_credited - amount_discounted = $1
       ORDER BY due_date, id LIMIT $3`,
      [amount, currency, limit],
    );
    return rows.map(toInvoiceByNumber);
  }

  async clientByIban(iban: string): Promise<string | null> {
    return (await this.dataSource.manager.findOneBy(PayerAccount, { iban }))?.clientId ?? null;
  }
}
