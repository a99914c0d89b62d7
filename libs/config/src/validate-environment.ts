import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EnvironmentVariables } from './environment-variables';

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidConfigurationError';
  }
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// Cron syntax is checked loosely here (five or six fields); the scheduler validates the expression itself.
function isValidCron(cron: string): boolean {
  if (cron === 'off') return true;
  const fields = cron.trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((f) => /^[\d*,/\-A-Za-z?LW#]+$/.test(f));
}

/** Validates raw environment values; throws one error naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const relevant: Record<string, unknown> = {};
  for (const key of [...known, 'JWT_SECRET']) {
    if (raw[key] !== undefined && raw[key] !== '') relevant[key] = raw[key];
  }
  const env = plainToInstance(EnvironmentVariables, relevant, { exposeDefaultValues: true });
  const errors: ValidationError[] = validateSync(env, { skipMissingProperties: false });
  const problems = errors.map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ') || 'invalid value'}`,
  );
  if (!isValidTimeZone(env.BUSINESS_TZ)) problems.push(`BUSINESS_TZ: unknown time zone "${env.BUSINESS_TZ}"`);
  if (!isValidCron(env.COLLECTIONS_SWEEP_CRON)) {
    problems.push(`COLLECTIONS_SWEEP_CRON: "${env.COLLECTIONS_SWEEP_CRON}" is neither a cron expression nor "off"`);
  }
  if (problems.length > 0) throw new InvalidConfigurationError(problems);
  return env;
}
