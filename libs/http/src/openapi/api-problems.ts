import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ProblemResponse } from './problem.response';

const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const WHY: Record<number, string> = {
  400: 'The body, a parameter or the cursor is invalid, or the body cannot be parsed',
  401: 'No valid bearer token',
  403: 'The role may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state',
  413: 'The body is too large',
  422: 'Refused by a business rule',
  429: 'Rate limit reached (Retry-After)',
  503: 'Postgres or Redis unreachable, the replica shutting down, or a concurrent change to the same records got there first (nothing written; Retry-After)',
};

const problem = (status: number) => ({
  description: WHY[status] ?? 'Problem',
  content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemResponse) } } },
});

/** The problems an operation answers beyond the ones every operation may (see withStandardProblems); 401 for a public operation that authenticates otherwise (a signature). */
export function ApiProblems(...statuses: (401 | 403 | 404 | 409 | 422)[]): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiExtraModels(ProblemResponse), ...statuses.map((status) => ApiResponse({ status, ...problem(status) })));
}

/** A keyset page of `item`: `{data: [item], nextCursor}`. */
export function ApiPageResponse(item: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description: 'One page; pass nextCursor as cursor for the next (null on the last page)',
      schema: {
        type: 'object',
        required: ['data', 'nextCursor'],
        properties: { data: { type: 'array', items: { $ref: getSchemaPath(item) } }, nextCursor: { type: 'string', nullable: true, example: null } },
      },
    }),
  );
}

/**
 * Adds to every operation the problems any of its kind may answer: 400 when it takes a body or parameters, 401
 * when it needs a token, 413 with a body, 429 and 503 always; and the Problem schema itself.
 */
export function withStandardProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = document.components ?? {};
  document.components.schemas = document.components.schemas ?? {};
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.patch, item.delete].filter((o) => o !== undefined)) {
      const statuses = [
        ...(operation.requestBody || (operation.parameters ?? []).length > 0 ? [400] : []),
        ...((operation.security ?? document.security ?? []).length > 0 ? [401] : []),
        ...(operation.requestBody ? [413] : []),
        429,
        503,
      ];
      for (const status of statuses) operation.responses[String(status)] ??= problem(status);
    }
  }
  return document;
}
