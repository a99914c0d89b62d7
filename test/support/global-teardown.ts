import 'tsconfig-paths/register';
import { assertEventContract, checkEmittedEvents } from './event-contract';
import { deleteRedisKeys, dropDatabase } from './test-resources';

/**
 * Checks the events the run emitted against their published schemas, then drops the run's database and Redis
 * keys. A run that emitted an event its schema does not describe fails here.
 */
export default async function globalTeardown(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL as string;
  let report;
  try {
    report = await checkEmittedEvents(databaseUrl);
  } finally {
    if (process.env.KEEP_TEST_DATABASE !== '1') await dropDatabase(databaseUrl);
    await deleteRedisKeys(process.env.REDIS_URL as string, process.env.QUEUE_PREFIX as string);
  }
  assertEventContract(report);
  console.log(`event contract: ${report.checked} emitted events of ${report.types} types match their published schemas`);
}
