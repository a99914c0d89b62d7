import { Client } from 'pg';
import { createHash } from 'node:crypto';
import { seededUuidSql } from '../../tools/portfolio-seed';

/** Deterministic ids so the load generator can address seeded rows without reading them back. */
export function seededUuid(kind: string, n: number): string {
  const md5 = createHash('md5').update(`${kind}${n}`).digest('hex');
  // Same version (4) and variant (8) nibbles as seededUuidSql, so the ids are valid RFC 9562 uuids.
  const hex = `${md5.slice(0, 12)}4${md5.slice(13, 16)}8${md5.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Users, clients, active contracts and open invoices, written set-based with generate_series. */
export async function seedReceivables(db: Client, clients: number, invoices: number): Promise<void> {
  const manager = seededUuid('manager', 1);
  await db.query(`INSERT INTO contracts.users (id, name, email, role) VALUES ($1, 'Bench manager', 'bench@example.test', 'account_manager')`, [manager]);
  await db.query(
    `INSERT INTO contracts.clients (id, name, country, type, account_manager_id, status)
     SELECT ${seededUuidSql("'client' || g")}, 'Client ' || g, 'DE', 'business', $1, 'active' FROM generate_series(1, $2) g`,
    [manager, clients],
  );
  await db.query(
    `INSERT INTO contracts.contracts (id, client_id, number, currency, payment_term_days, starts_on, status)
     SELECT ${seededUuidSql("'contract' || g")}, ${seededUuidSql("'client' || g")}, 'K-' || g, 'EUR', 30, '2025-01-01', 'active'
     FROM generate_series(1, $1) g`,
    [clients],
  );
  await db.query(
    `INSERT INTO invoicing.invoices (id, number, client_id, contract_id, currency, issue_date, due_date, subtotal, tax_total, total, status)
     SELECT ${seededUuidSql("'invoice' || g")}, 'B-' || g, ${seededUuidSql("'client' || c")}, ${seededUuidSql("'contract' || c")}, 'EUR',
            '2026-01-01', '2026-01-31', 10000 + g % 5000, 0, 10000 + g % 5000, 'open'
     FROM generate_series(1, $1) g, LATERAL (SELECT (g - 1) % $2 + 1 AS c) x`,
    [invoices, clients],
  );
  await db.query('ANALYZE');
}

/**
 * A year of settled business before the open invoices: `paid` invoices issued in 2025, each paid in full
 * by one bank payment with its ledger entry. A receivables database with 100,000 open invoices has such a
 * history; without it the payments table starts empty, and Postgres plans the per-connection prepared
 * statements for an empty table until the next ANALYZE.
 */
export async function seedPaidHistory(db: Client, clients: number, invoices: number): Promise<void> {
  const invoice = seededUuidSql("'paid-invoice' || g");
  const payment = seededUuidSql("'paid-payment' || g");
  const client = seededUuidSql("'client' || c");
  const paidOn = `date '2025-01-01' + (g % 330)::int + 20`;
  await db.query(
    `INSERT INTO invoicing.invoices (id, number, client_id, contract_id, currency, issue_date, due_date, subtotal, tax_total, total,
                                     amount_paid, status, settled_on)
     SELECT ${invoice}, 'P-' || g, ${client}, ${seededUuidSql("'contract' || c")}, 'EUR',
            date '2025-01-01' + (g % 330)::int, date '2025-01-31' + (g % 330)::int, 10000 + g % 5000, 0, 10000 + g % 5000,
            10000 + g % 5000, 'paid', ${paidOn}
     FROM generate_series(1, $1) g, LATERAL (SELECT (g - 1) % $2 + 1 AS c) x`,
    [invoices, clients],
  );
  await db.query(
    `INSERT INTO invoicing.payments (id, client_id, amount, currency, received_on, reference, external_id, source_key, invoice_id, status, unapplied_amount)
     SELECT ${payment}, ${client}, 10000 + g % 5000, 'EUR', ${paidOn}, 'Invoice P-' || g, 'HIST-' || g, 'previous-bank-connector',
            ${invoice}, 'applied', 0
     FROM generate_series(1, $1) g, LATERAL (SELECT (g - 1) % $2 + 1 AS c) x`,
    [invoices, clients],
  );
  await db.query(
    `INSERT INTO invoicing.payment_allocations (payment_id, invoice_id, kind, amount, effective_on)
     SELECT ${payment}, ${invoice}, 'payment', 10000 + g % 5000, ${paidOn} FROM generate_series(1, $1) g`,
    [invoices],
  );
  await db.query('ANALYZE');
}

export function clientOfInvoice(invoice: number, clients: number): number {
  return ((invoice - 1) % clients) + 1;
}
