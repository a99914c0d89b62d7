import { Client } from 'pg';

/** Direct reads for assertions that nothing was written; tests never write behind the API's back. */
export async function withDatabase<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

export async function countRows(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  return withDatabase(async (db) => {
    const result = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
    return result.rows[0].n as number;
  });
}
