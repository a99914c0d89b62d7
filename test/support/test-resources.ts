import { siblingDatabaseUrl } from '../../tools/database-admin';
import Redis from 'ioredis';

/** Names for one test run's own database and Redis key prefix, so parallel runs never collide. */
export function newRunResources(baseDatabaseUrl: string): { databaseUrl: string; databaseName: string; keyPrefix: string } {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const databaseName = `ar_test_${runId}`;
  return { databaseUrl: siblingDatabaseUrl(baseDatabaseUrl, databaseName), databaseName, keyPrefix: `artest_${runId}` };
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

export { dropDatabase } from '../../tools/database-admin';
