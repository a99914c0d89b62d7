import 'tsconfig-paths/register';
import { migrate } from '../../tools/migrate';
import { newRunResources } from './test-resources';

/**
 * Creates this run's database (migrated exactly as production is) and Redis prefix. Test workers
 * inherit the variables set here.
 */
export default async function globalSetup(): Promise<void> {
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { databaseUrl, keyPrefix } = newRunResources(base);
  await migrate(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  process.env.QUEUE_PREFIX = keyPrefix;
  process.env.REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.JWT_SECRET = 'test-secret-for-the-test-run-only';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.RATE_LIMIT_PER_MINUTE = '1000000';
  process.env.COLLECTIONS_SWEEP_CRON = 'off';
  process.env.WEBHOOK_RETRY_BASE_MS = '50';
  process.env.MAIL_RETRY_BASE_MS = '50';
  process.env.MAIL_SEND_TIMEOUT_MS = '1000';
  // The tests' subscribers listen on loopback, which the default policy (public) refuses.
  process.env.WEBHOOK_TARGETS = 'any';
  process.env.TZ = 'UTC';
}
