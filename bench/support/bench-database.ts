import { Client } from 'pg';
import { migrate } from '../../tools/migrate';

/** A fresh, migrated database for one benchmark run, dropped afterwards. */
export async function createBenchDatabase(baseUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(baseUrl);
  const name = `ar_bench_${label}_${Date.now().toString(36)}`;
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new URL(baseUrl);
      admin.pathname = '/postgres';
      const db = new Client({ connectionString: admin.toString() });
      await db.connect();
      await db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await db.end();
    },
  };
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
