import { Client } from 'pg';

/** The same server's maintenance database, for creating and dropping others. */
function adminUrl(databaseUrl: string): { admin: string; name: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  return { admin: url.toString(), name };
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function onAdmin<T>(databaseUrl: string, work: (db: Client, name: string) => Promise<T>): Promise<T> {
  const { admin, name } = adminUrl(databaseUrl);
  const db = new Client({ connectionString: admin });
  await db.connect();
  try {
    return await work(db, name);
  } finally {
    await db.end();
  }
}

export function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  return onAdmin(databaseUrl, async (db, name) => {
    const exists = await db.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await db.query(`CREATE DATABASE ${quoted(name)}`);
  });
}

export function dropDatabase(databaseUrl: string): Promise<void> {
  return onAdmin(databaseUrl, async (db, name) => {
    await db.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  });
}

/** The URL of another database on the same server. */
export function siblingDatabaseUrl(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
