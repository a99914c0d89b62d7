import { INestApplication, Logger, Type } from '@nestjs/common';
import { AppConfig, InvalidConfigurationError, loadAppConfig } from '@ar/config';
import { createHttpApp, HttpAppOptions } from './create-http-app';

export interface ServiceDefinition extends HttpAppOptions {
  /** Loaded only after the configuration validated, so a bad variable yields one clear message. */
  loadModule: () => Promise<Type<unknown>>;
  port: (config: AppConfig) => number;
}

/** The entry point of each service's main.ts. */
export async function runService(definition: ServiceDefinition): Promise<INestApplication> {
  let config: AppConfig;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof InvalidConfigurationError) {
      console.error(`${definition.title} cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createHttpApp(await definition.loadModule(), definition);
  const port = definition.port(config);
  await app.listen(port, '0.0.0.0');
  new Logger('Bootstrap').log(`${definition.title} listening on port ${port}; OpenAPI at /docs`);
  return app;
}
