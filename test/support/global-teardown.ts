import 'tsconfig-paths/register';
import { deleteRedisKeys, dropDatabase } from './test-resources';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASE !== '1') await dropDatabase(process.env.DATABASE_URL as string);
  await deleteRedisKeys(process.env.REDIS_URL as string, process.env.QUEUE_PREFIX as string);
}
