import { AppConfig } from './app-config';
import { validateEnvironment } from './validate-environment';

/** The one place that reads process.env: for Nest modules, the migration CLI and scripts. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return new AppConfig(validateEnvironment(env));
}
