import { INestApplication, ServiceUnavailableException, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { loadAppConfig } from '@ar/config';
import { DomainError, ErrorCode, ProblemDetailsFilter, validationExceptionFactory } from '@ar/errors';
import { HttpAccessLog, Metrics, recordHttpMetrics, requestIdFor } from '@ar/observability';
import { registerBodyParsing } from './body-parsing';
import { ApiDocumentInfo, buildApiDocument, useGlobalPrefix } from '../openapi/api-document';

export type HttpAppOptions = ApiDocumentInfo;

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Routes under this path receive the raw body as a Buffer. */
export const SIGNED_WEBHOOK_PATH = 'webhooks/inbound';
/** The route that receives bank statements as an XML stream. */
export const BANK_STATEMENT_UPLOAD_PATH = '/v1/bank-statements';

/** Fastify trusts a proxy by its address; an empty list ignores X-Forwarded-For altogether. */
function trustProxyOption(trustedProxies: readonly string[]): string[] | false {
  return trustedProxies.length > 0 ? [...trustedProxies] : false;
}

/** Builds a service exactly as it runs in production; main.ts and the end-to-end tests both use it. */
export async function createHttpApp(rootModule: Type<unknown>, options: HttpAppOptions): Promise<INestApplication> {
  const problems = new ProblemDetailsFilter();
  const config = loadAppConfig();
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // A client that sends its headers and body slower than this is cut off (a slow body held a connection for 95 s).
    requestTimeout: config.httpRequestTimeoutMs,
    // Requests arriving during a shutdown drain get problem+json from the hook below instead of Fastify's own body.
    return503OnClosing: false,
    // The client address (rate limits, logs) comes from X-Forwarded-For only as far as our own proxies wrote it.
    trustProxy: trustProxyOption(config.trustedProxies),
    genReqId: (request: IncomingMessage) => requestIdFor(request.headers['x-request-id']),
    // Paths match as they did under Express: case-insensitive, trailing slash optional, long ids reach validation.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 1000 },
    // A URL the router cannot decode gets the same problem+json as every other error.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => problems.send(error, request, reply),
  });
  const fastify = adapter.getInstance();
  registerBodyParsing(fastify, `/v1/${SIGNED_WEBHOOK_PATH}`, BANK_STATEMENT_UPLOAD_PATH);
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    // Answers carry data of one client: no browser may sniff a type or keep a copy.
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'no-store');
    // No field accepts a NUL character, and Postgres cannot store one: refuse it in the path or query at once.
    if (request.url.includes('%00')) {
      problems.send(new DomainError(ErrorCode.MalformedRequest, 'The URL contains a NUL character (%00), which no parameter accepts'), request, reply);
      return;
    }
    if (closing) {
      reply.header('connection', 'close');
      problems.send(new ServiceUnavailableException('The service is shutting down; retry on another replica'), request, reply);
      return;
    }
    done();
  });

  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, { bufferLogs: true, abortOnError: false, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.get(HttpAccessLog).attach(fastify);
  recordHttpMetrics(fastify, app.get(Metrics));
  app.useGlobalFilters(problems);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  useGlobalPrefix(app);
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, buildApiDocument(app, options), { jsonDocumentUrl: 'docs-json' });
  return app;
}
