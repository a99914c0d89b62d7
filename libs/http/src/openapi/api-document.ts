import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { withStandardProblems } from './api-problems';
import { ProblemResponse } from './problem.response';

export interface ApiDocumentInfo {
  title: string;
  description: string;
}

/** Every route lives under /v1 except the probes and the metrics, which orchestrators call by fixed paths. */
export function useGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix('v1', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}

/** The service's OpenAPI document, as served at /docs-json. */
export function buildApiDocument(app: INestApplication, info: ApiDocumentInfo): OpenAPIObject {
  return withStandardProblems(
    SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(info.title).setDescription(info.description).setVersion('1').addBearerAuth().build(), {
      extraModels: [ProblemResponse],
    }),
  );
}

/**
 * The same document without running the service: Nest's preview mode reads modules, routes and schemas from
 * their metadata and instantiates no provider, so no database or Redis is needed (the client generator uses it).
 */
export async function previewApiDocument(rootModule: Type<unknown>, info: ApiDocumentInfo): Promise<OpenAPIObject> {
  const app = await NestFactory.create(rootModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  try {
    useGlobalPrefix(app);
    return buildApiDocument(app, info);
  } finally {
    await app.close();
  }
}
