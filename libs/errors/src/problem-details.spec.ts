import { ArgumentsHost, BadRequestException, HttpStatus, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { statusForCode } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';

function capture(exception: unknown) {
  const sent: { status?: number; type?: string; body?: string; headers: Record<string, string> } = { headers: {} };
  const response = {
    sent: false,
    header(k: string, v: string) {
      sent.headers[k] = v;
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(t: string) {
      sent.type = t;
      return this;
    },
    send(body: string) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1' }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return { ...sent, problem: JSON.parse(sent.body as string) };
}

describe('problem details', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it.each([
    [ErrorCode.Validation, 400],
    [ErrorCode.Unauthenticated, 401],
    [ErrorCode.Forbidden, 403],
    [ErrorCode.NotFound, 404],
    [ErrorCode.InvalidTransition, 409],
    [ErrorCode.IdempotencyInFlight, 409],
    [ErrorCode.IdempotencyKeyReused, 422],
    [ErrorCode.BusinessRule, 422],
    [ErrorCode.RateLimited, 429],
    [ErrorCode.Internal, 500],
  ])('maps %s to %d', (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });

  it('writes a domain error as application/problem+json with its field errors and headers', () => {
    const out = capture(new DomainError(ErrorCode.Validation, 'name: required', [{ path: 'name', message: 'required' }], { 'X-A': '1' }));
    expect(out.status).toBe(400);
    expect(out.type).toBe('application/problem+json; charset=utf-8');
    expect(out.headers['X-A']).toBe('1');
    expect(out.problem).toMatchObject({ status: 400, detail: 'name: required', errors: [{ path: 'name', message: 'required' }] });
    expect(out.problem.type).toMatch(/validation_failed$/);
  });

  it('maps Nest HTTP exceptions and throttling', () => {
    expect(capture(new NotFoundException()).status).toBe(404);
    expect(capture(new BadRequestException('bad')).problem.detail).toBe('bad');
    const throttled = capture(new ThrottlerException());
    expect(throttled.status).toBe(HttpStatus.TOO_MANY_REQUESTS);
    expect(throttled.headers['Retry-After']).toBeDefined();
  });

  it('maps errors Fastify raises before routing to their 4xx', () => {
    const badUrl = capture({ code: 'FST_ERR_BAD_URL', statusCode: 400, message: "'/%E0' is not a valid url component" });
    expect(badUrl.status).toBe(400);
    expect(badUrl.problem.code).toBe(ErrorCode.MalformedRequest);
    expect(capture({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413, message: 'Request body is too large' }).problem.code).toBe(ErrorCode.PayloadTooLarge);
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect', new Error('timeout exceeded when trying to connect')],
    ['Postgres shutting down (57P01)', new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))],
    ['Postgres starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['Redis gone (ioredis)', Object.assign(new Error('Reached the max retries per request limit (which is 2).'), { name: 'MaxRetriesPerRequestError' })],
  ])('answers %s with 503 problem+json and Retry-After, not 500', (_, error) => {
    const { status, headers, problem } = capture(error);
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
    expect(problem).toMatchObject({ status: 503, code: ErrorCode.ServiceUnavailable });
  });

  it('keeps terminus’ 503 a 503 and names the dependency that failed', () => {
    const { status, problem } = capture(
      new ServiceUnavailableException({ status: 'error', info: { postgres: { status: 'up' } }, error: { redis: { status: 'down', message: 'timeout' } }, details: {} }),
    );
    expect(status).toBe(503);
    expect(problem).toMatchObject({ code: ErrorCode.ServiceUnavailable, errors: [{ path: 'redis', message: 'down: timeout' }] });
    expect(problem.detail).toBe('Not ready: redis unavailable');
  });

  it.each([
    ['a deadlock (40P01)', new QueryFailedError('UPDATE', [], Object.assign(new Error('deadlock detected'), { code: '40P01' }))],
    ['a serialization failure (40001)', Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' })],
  ])('answers %s, which wrote nothing, with 503 and Retry-After, not 500', (_, error) => {
    const { status, headers, problem } = capture(error);
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
    expect(problem).toMatchObject({ code: ErrorCode.ServiceUnavailable, detail: expect.stringContaining('retry') });
  });

  it('turns unknown errors into a generic 500 that names the request id and hides internals', () => {
    const out = capture(new Error('connection to 10.0.0.5 refused: password=hunter2'));
    expect(out.status).toBe(500);
    expect(out.problem.detail).toContain('req-1');
    expect(out.body).not.toContain('hunter2');
    expect(out.body).not.toContain('10.0.0.5');
  });
});
