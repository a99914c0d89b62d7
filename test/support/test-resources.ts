import Redis from 'ioredis';
import { Client } from 'pg';

/** Names for one test run's own database and Redis key prefix, so parallel runs never collide. */
export function newRunResources(baseDatabaseUrl: string): { databaseUrl: string; databaseName: string; keyPrefix: string } {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const url = new URL(baseDatabaseUrl);
  const databaseName = `ar_test_${runId}`;
  url.pathname = `/${databaseName}`;
  return { databaseUrl: url.toString(), databaseName, keyPrefix: `artest_${runId}` };
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
