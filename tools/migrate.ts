import 'reflect-metadata';
import { createDatabaseIfMissing } from './database-admin';
import { createMigrationDataSource, databaseUrlFromEnv } from './data-source';

/** Creates the database when it does not exist yet, then applies pending migrations. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  await createDatabaseIfMissing(databaseUrl);
  const dataSource = createMigrationDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  migrate(databaseUrlFromEnv())
    .then((applied) => {
      console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
    })
    .catch((error: unknown) => {
      console.error('Migration failed:', error);
      process.exit(1);
    });
}
