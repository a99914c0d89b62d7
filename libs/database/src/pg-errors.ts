/** Postgres SQLSTATE codes the services react to. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK_DETECTED = '40P01';

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: string; driverError?: { code?: string } };
  return e.driverError?.code ?? e.code;
}

export function pgConstraint(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { constraint?: string; driverError?: { constraint?: string } };
  return e.driverError?.constraint ?? e.constraint;
}

/**
 * Whether a transaction lost a lock cycle (deadlock) or a serialization check to a concurrent one: nothing was
 * written, and the same request may well succeed when sent again.
 */
export function isLostToConcurrentWriter(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code === PG_SERIALIZATION_FAILURE || code === PG_DEADLOCK_DETECTED;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return pgErrorCode(error) === PG_UNIQUE_VIOLATION && (constraint === undefined || pgConstraint(error) === constraint);
}

/** SQLSTATE classes and socket errors that mean "Postgres (or Redis) is not there right now", not "this request is wrong". */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Connection is closed|Client has encountered a connection error|Reached the max retries per request limit|Stream isn't writeable/i;

/**
 * Whether an error says a dependency is down (connection refused or lost, the server shutting down or not
 * yet accepting connections): the request may succeed when retried, so it answers 503, never 500.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = pgErrorCode(error);
  if (code !== undefined && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const e = error as { message?: unknown; name?: unknown; driverError?: { message?: unknown } };
  if (e.name === 'MaxRetriesPerRequestError') return true;
  const message = `${typeof e.message === 'string' ? e.message : ''} ${typeof e.driverError?.message === 'string' ? e.driverError.message : ''}`;
  return UNAVAILABLE_MESSAGES.test(message);
}
