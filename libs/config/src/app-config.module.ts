import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { loadAppConfig } from './load-app-config';
import { validateEnvironment } from './validate-environment';

// ConfigModule loads an optional .env file into process.env and validates it at start-up;
// AppConfig is the typed view of the same values.
@Module({})
export class AppConfigModule {
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      imports: [ConfigModule.forRoot({ cache: true, validate: validateEnvironment })],
      providers: [{ provide: AppConfig, useFactory: () => loadAppConfig() }],
      exports: [AppConfig],
    };
  }
}
