import 'reflect-metadata';
import { Client } from 'pg';
import { loadAppConfig } from '@ar/config';
import { createMigrationDataSource } from './data-source';
import { migrate } from './migrate';

/**
 * Fails when an entity changed without a migration: applies every migration to a scratch database,
 * then asks TypeORM what it would still change (the same diff `typeorm migration:generate --check` makes).
 */
async function main(): Promise<void> {
  const base = new URL(loadAppConfig({ JWT_SECRET: 'unused-by-migrations', ...process.env }).databaseUrl);
  const scratch = `ar_migration_check_${process.pid}_${Date.now()}`;
  const url = new URL(base);
  url.pathname = `/${scratch}`;
  try {
    await migrate(url.toString());
    const dataSource = createMigrationDataSource(url.toString());
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
    const adminUrl = new URL(base);
    adminUrl.pathname = '/postgres';
    const admin = new Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
