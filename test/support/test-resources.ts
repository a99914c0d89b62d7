import { siblingDatabaseUrl } from '../../tools/database-admin';

/** Names for one test run's own database and Redis key prefix, so parallel runs never collide. */
export function newRunResources(baseDatabaseUrl: string): { databaseUrl: string; databaseName: string; keyPrefix: string } {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const databaseName = `ar_test_${runId}`;
  return { databaseUrl: siblingDatabaseUrl(baseDatabaseUrl, databaseName), databaseName, keyPrefix: `artest_${runId}` };
}

export { deleteKeysWithPrefix as deleteRedisKeys } from '../../tools/redis-admin';
export { dropDatabase } from '../../tools/database-admin';
