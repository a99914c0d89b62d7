import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { HttpLogger, pinoHttp } from 'pino-http';

/** Paths whose values never reach the log. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["webhook-signature"]',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.secret',
  '*.password',
  '*.token',
];

const QUIET_PATHS = ['/health/', '/metrics'];

/**
 * One access-log line per request (pino-http), written from a Fastify hook.
 *
 * It is deliberately not nestjs-pino's middleware: that middleware also binds each request's logger into
 * an AsyncLocalStorage, and on Node 20 the first use of one turns on promise hooks for every promise in
 * the process. That cost 15-20 % of the CPU of an inbound payment (bench/payments-ingest). Log lines
 * written while serving a request name its request id explicitly instead (see ProblemDetailsFilter).
 */
export class HttpAccessLog {
  private readonly http: HttpLogger;

  constructor(level: string, service: string) {
    this.http = pinoHttp({
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      autoLogging: { ignore: (req) => QUIET_PATHS.some((path) => (req.url ?? '').startsWith(path)) },
    });
  }

  /** The service's root logger; Nest's own log lines go through it too. */
  get logger(): Logger {
    return this.http.logger;
  }

  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      // Fastify's request id (see createHttpApp), which pino-http logs as req.id.
      request.raw.id = request.id;
      this.http(request.raw, reply.raw);
      done();
    });
  }
}
