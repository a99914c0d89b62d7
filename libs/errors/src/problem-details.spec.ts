import { ArgumentsHost, BadRequestException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { statusForCode } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';

function capture(exception: unknown) {
  const sent: { status?: number; type?: string; body?: string; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    setHeader: (k: string, v: string) => (sent.headers[k] = v),
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
    expect(out.type).toBe('application/problem+json');
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

  it('maps body-parser errors to 413 and 400', () => {
    expect(capture({ type: 'entity.too.large', status: 413, message: 'too large' }).status).toBe(413);
    expect(capture({ type: 'entity.parse.failed', status: 400, message: 'Unexpected token' }).status).toBe(400);
  });

  it('turns unknown errors into a generic 500 that names the request id and hides internals', () => {
    const out = capture(new Error('connection to 10.0.0.5 refused: password=hunter2'));
    expect(out.status).toBe(500);
    expect(out.problem.detail).toContain('req-1');
    expect(out.body).not.toContain('hunter2');
    expect(out.body).not.toContain('10.0.0.5');
  });
});
