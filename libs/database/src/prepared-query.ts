import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const statementNames = new Map<string, string>();

/** One name per statement text; Postgres keeps the parsed statement under it on each connection. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `ar_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * `manager.query` as a named prepared statement: each connection parses the text once, and Postgres may
 * reuse its plan. For the few hot statements whose text comes in a handful of fixed shapes, with every
 * value passed as a parameter (a text built from values would prepare a new statement per call).
 * Runs in the manager's transaction when it has one, else on a connection from the pool.
 */
export async function queryPrepared<T>(manager: EntityManager, text: string, params: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner as PostgresQueryRunner | undefined;
  const client: PgQueryable = runner && !runner.isReleased ? await runner.connect() : (manager.connection.driver as PostgresDriver).master;
  const result = await client.query({ name: statementName(text), text, values: params });
  return result.rows as T[];
}
