import { Client } from 'pg';

export interface PortfolioSize {
  clients: number;
  invoices: number;
  /** The sweep date the overdue spread is built around. */
  asOf: string;
}

/** Deterministic ids (valid RFC 9562 v4 layout) so two databases seeded alike hold the same rows. */
export function seededUuidSql(expression: string): string {
  return `(overlay(overlay(md5(${expression}) placing '4' from 13) placing '8' from 17))::uuid`;
}

/**
 * Writes a receivables portfolio set-based with generate_series: managers, clients, active contracts
 * (half under BGB § 288 B2B interest) and open invoices of which every fifth is overdue, spread over
 * 1-120 days so that all dunning levels occur. For benchmarks and crash tests; never for production.
 */
export async function seedPortfolio(db: Client, size: PortfolioSize): Promise<void> {
  await db.query(
    `INSERT INTO contracts.users (id, name, email, role)
     SELECT ${seededUuidSql("'manager' || g")}, 'Manager ' || g, 'manager' || g || '@example.test', 'account_manager' FROM generate_series(1, 100) g
     UNION ALL SELECT ${seededUuidSql("'head'")}, 'Head of sales', 'head@example.test', 'head_of_sales'`,
  );
  await db.query(
    `INSERT INTO contracts.clients (id, name, country, type, account_manager_id, status, credit_limit_amount, credit_limit_currency)
     SELECT ${seededUuidSql("'client' || g")}, 'Client ' || g, 'DE', 'business', ${seededUuidSql("'manager' || (g % 100 + 1)")}, 'active',
            5000000, 'EUR'
     FROM generate_series(1, $1) g`,
    [size.clients],
  );
  await db.query(
    `INSERT INTO contracts.contracts (id, client_id, number, currency, payment_term_days, starts_on, status, late_interest_rule)
     SELECT ${seededUuidSql("'contract' || g")}, ${seededUuidSql("'client' || g")}, 'K-' || g, 'EUR', 30, '2020-01-01', 'active',
            CASE WHEN g % 2 = 0 THEN 'de_b2b' ELSE 'none' END
     FROM generate_series(1, $1) g`,
    [size.clients],
  );
  await db.query(
    `INSERT INTO invoicing.invoices (id, number, client_id, contract_id, currency, issue_date, due_date, subtotal, tax_total, total, status)
     SELECT ${seededUuidSql("'invoice' || g")}, 'S-' || g, ${seededUuidSql("'client' || c")}, ${seededUuidSql("'contract' || c")}, 'EUR',
            due - 30, due, amount, 0, amount, 'open'
     FROM generate_series(1, $1) g,
          LATERAL (SELECT (g - 1) % $2 + 1 AS c, 10000 + (g::bigint * 7919) % 90000 AS amount,
                          CASE WHEN g % 5 = 0 THEN $3::date - (1 + (g::bigint * 7919) % 120)::int ELSE $3::date + (g % 30) END AS due) x`,
    [size.invoices, size.clients, size.asOf],
  );
  await db.query('ANALYZE');
}
