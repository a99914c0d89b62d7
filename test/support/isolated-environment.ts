import { siblingDatabaseUrl } from '../../tools/database-admin';
import { migrate } from '../../tools/migrate';
import { assertEventContract, checkEmittedEvents } from './event-contract';
import { deleteRedisKeys, dropDatabase } from './test-resources';

export interface IsolatedEnvironment {
  databaseUrl: string;
  queuePrefix: string;
  restore(): Promise<void>;
}

/**
 * Gives one test file its own migrated database and Redis prefix, for tests whose state is global
 * (sweeps only move forward in time). Services started afterwards pick them up from process.env.
 */
export async function isolatedEnvironment(label: string): Promise<IsolatedEnvironment> {
  const previous = { DATABASE_URL: process.env.DATABASE_URL, QUEUE_PREFIX: process.env.QUEUE_PREFIX };
  const current = decodeURIComponent(new URL(previous.DATABASE_URL as string).pathname.slice(1));
  const databaseUrl = siblingDatabaseUrl(previous.DATABASE_URL as string, `${current}_${label}`);
  const queuePrefix = `${previous.QUEUE_PREFIX}_${label}`;
  await migrate(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  process.env.QUEUE_PREFIX = queuePrefix;
  return {
    databaseUrl,
    queuePrefix,
    restore: async () => {
      process.env.DATABASE_URL = previous.DATABASE_URL;
      process.env.QUEUE_PREFIX = previous.QUEUE_PREFIX;
      // The events this file's services emitted are checked against their published schemas before they go.
      const events = await checkEmittedEvents(databaseUrl);
      if (process.env.KEEP_TEST_DATABASE !== '1') await dropDatabase(databaseUrl);
      await deleteRedisKeys(process.env.REDIS_URL as string, queuePrefix);
      assertEventContract(events);
    },
  };
}
