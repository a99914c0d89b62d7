import { DataSourceOptions } from 'typeorm';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/** Options shared by the apps, the migration runner and the tests. Schema changes come only from migrations. */
export function baseDataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'ar-followup',
    },
  };
}
