import type { FastifyInstance } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import { HttpLogger, Options, pinoHttp } from 'pino-http';

/**
 * The request headers an access-log line keeps. It is a list of what may be logged rather than of what
 * may not: credentials (authorization, cookie, webhook signatures, idempotency keys, any API-key header a
 * client or proxy adds) never reach the log, whatever they are called.
 */
export const LOGGED_HEADERS = ['host', 'user-agent', 'content-type', 'content-length', 'accept', 'x-forwarded-for', 'x-request-id', 'webhook-id', 'webhook-timestamp'];

/** Paths whose values never reach the log, in any line. */
// A failed query's parameters (TypeORM's QueryFailedError carries them) may hold a secret being stored.
export const REDACTED_PATHS = ['res.headers["set-cookie"]', '*.secret', '*.password', '*.token', '*.parameters', '*.driverError.parameters'];

/** pino-http hands the request serializer its standard form of the request. */
interface LoggedRequest {
  headers: Record<string, string | string[] | undefined>;
}

function withLoggedHeaders<T extends LoggedRequest>(req: T): T {
  const headers: LoggedRequest['headers'] = {};
  for (const name of LOGGED_HEADERS) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  req.headers = headers;
  return req;
}

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

  /** Lines go to stdout unless another destination is given (tests). */
  constructor(level: string, service: string, destination?: DestinationStream) {
    const options: Options = {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { req: withLoggedHeaders },
      autoLogging: { ignore: (req) => QUIET_PATHS.some((path) => (req.url ?? '').startsWith(path)) },
    };
    this.http = destination ? pinoHttp(options, destination) : pinoHttp(options);
  }

  /** The service's root logger; Nest's own log lines go through it too. */
  get logger(): Logger {
    return this.http.logger;
  }

  attach(fastify: FastifyInstance): void {
    // pino-http writes its lines at info; below that level it would build each request's logger for nothing.
    if (!this.http.logger.isLevelEnabled('info')) return;
    fastify.addHook('onRequest', (request, reply, done) => {
      // Fastify's request id (see createHttpApp), which pino-http logs as req.id.
      request.raw.id = request.id;
      this.http(request.raw, reply.raw);
      done();
    });
  }
}
