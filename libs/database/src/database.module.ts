import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@ar/config';
import { baseDataSourceOptions } from './data-source-options';

@Module({})
export class DatabaseModule {
  /** One pooled connection per process; each context registers its entities with TypeOrmModule.forFeature. */
  static forApp(applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...baseDataSourceOptions({ url: config.databaseUrl, poolSize: config.databasePoolSize, applicationName }),
            autoLoadEntities: true,
          }),
        }),
      ],
    };
  }
}
