import { Client } from 'pg';
import { dropDatabase, siblingDatabaseUrl } from '../../tools/database-admin';
import { migrate } from '../../tools/migrate';

/** A fresh, migrated database for one benchmark run, dropped afterwards. */
export async function createBenchDatabase(baseUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = siblingDatabaseUrl(baseUrl, `ar_bench_${label}_${Date.now().toString(36)}`);
  await migrate(url);
  return { url, drop: () => dropDatabase(url) };
}

export async function withClient<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
