import 'reflect-metadata';
import { dropDatabase, siblingDatabaseUrl } from './database-admin';
import { createMigrationDataSource, databaseUrlFromEnv } from './data-source';
import { migrate } from './migrate';

/**
 * Fails when an entity changed without a migration: applies every migration to a scratch database,
 * then asks TypeORM what it would still change (the same diff `typeorm migration:generate --check` makes).
 */
async function main(): Promise<void> {
  const base = databaseUrlFromEnv();
  const url = siblingDatabaseUrl(base, `ar_migration_check_${process.pid}_${Date.now()}`);
  try {
    await migrate(url);
    const dataSource = createMigrationDataSource(url);
    await dataSource.initialize();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (pending.upQueries.length > 0) {
      console.error('Entities differ from the migrations. Missing statements:');
      for (const q of pending.upQueries) console.error(`  ${q.query}`);
      process.exitCode = 1;
    } else {
      console.log('Migrations match the entities.');
    }
  } finally {
    await dropDatabase(url);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
