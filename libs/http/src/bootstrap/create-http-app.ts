import { INestApplication, RequestMethod, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { raw } from 'express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@ar/config';
import { ProblemDetailsFilter, validationExceptionFactory } from '@ar/errors';
import { httpMetricsMiddleware, Metrics } from '@ar/observability';

export interface HttpAppOptions {
  title: string;
  description: string;
}

export const BODY_LIMIT = '1mb';
/** Routes under this path receive the raw body as a Buffer. */
export const SIGNED_WEBHOOK_PATH = 'webhooks/inbound';

/** Builds a service exactly as it runs in production; main.ts and the end-to-end tests both use it. */
export async function createHttpApp(rootModule: Type<unknown>, options: HttpAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // The client address (rate limits, logs) comes from X-Forwarded-For only as far as our own proxies wrote it.
  app.set('trust proxy', app.get(AppConfig).trustProxyHops);
  // Signed webhooks are verified over the exact bytes received, before anything parses them.
  app.use(`/v1/${SIGNED_WEBHOOK_PATH}`, raw({ type: () => true, limit: BODY_LIMIT }));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(httpMetricsMiddleware(app.get(Metrics)));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.setGlobalPrefix('v1', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
