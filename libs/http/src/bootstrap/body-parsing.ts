import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@ar/errors';
import { parseJsonBody } from './json-body';

const malformedBody = () => new DomainError(ErrorCode.MalformedRequest, 'The request body is not valid JSON');

function isJson(request: FastifyRequest): boolean {
  const contentType = request.headers['content-type'];
  return typeof contentType === 'string' && contentType.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** Strict JSON, as the API has always read it: an object or an array; an empty body is `{}`. */
function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  const first = text.trimStart()[0];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') throw malformedBody();
  return parseJsonBody(text);
}

/**
 * One parser for every request body: routes under `rawPrefix` get the exact bytes received (signed
 * webhooks are verified over them before anything parses them); elsewhere `application/json` is parsed
 * and any other type leaves the body empty, for validation to refuse.
 */
export function registerBodyParsing(fastify: FastifyInstance, rawPrefix: string, xmlStreamPath: string): void {
  fastify.removeAllContentTypeParsers();
  // Bank statements (up to 50 MB of XML) reach their route as the request stream, parsed as it arrives; XML
  // anywhere else is read to the end and dropped, for validation to refuse.
  fastify.addContentTypeParser(['application/xml', 'text/xml'], (request, payload, done) => {
    if (request.method === 'POST' && request.url.toLowerCase().split('?')[0] === xmlStreamPath) return done(null, payload);
    payload.resume();
    payload.on('end', () => done(null, undefined));
    payload.on('error', (error) => done(error, undefined));
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    if (request.url.toLowerCase().startsWith(rawPrefix)) return done(null, body);
    if (!isJson(request)) return done(null, undefined);
    try {
      done(null, parseJson(body));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
