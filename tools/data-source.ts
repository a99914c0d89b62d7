import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '@ar/config';
import { COLLECTIONS_ENTITIES, COLLECTIONS_MIGRATIONS } from '@ar/collections';
import { CONTRACTS_ENTITIES, CONTRACTS_MIGRATIONS } from '@ar/contracts';
import { baseDataSourceOptions } from '@ar/database';
import { PLATFORM_MIGRATIONS } from '@ar/http';
import { INVOICING_ENTITIES, INVOICING_MIGRATIONS } from '@ar/invoicing';
import { OUTBOX_MIGRATIONS } from '@ar/outbox';

/** Every context's entities and migrations: used by `npm run migrate` and the TypeORM CLI. */
export const ALL_ENTITIES = [...CONTRACTS_ENTITIES, ...INVOICING_ENTITIES, ...COLLECTIONS_ENTITIES];
export const ALL_MIGRATIONS = [...PLATFORM_MIGRATIONS, ...CONTRACTS_MIGRATIONS, ...INVOICING_MIGRATIONS, ...COLLECTIONS_MIGRATIONS, ...OUTBOX_MIGRATIONS];

export function createMigrationDataSource(databaseUrl: string): DataSource {
  return new DataSource({
    ...baseDataSourceOptions({ url: databaseUrl, poolSize: 2, applicationName: 'ar-migrate' }),
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
  });
}

/** DATABASE_URL as the services validate it; the tools need only the database, not JWT_SECRET. */
export function databaseUrlFromEnv(): string {
  return loadAppConfig({ JWT_SECRET: 'unused-by-migrations', ...process.env }).databaseUrl;
}

// The TypeORM CLI (`migration:generate`, `migration:revert`) loads this default export.
export default createMigrationDataSource(databaseUrlFromEnv());
