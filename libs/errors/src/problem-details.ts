import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from './error-code';
import { FieldProblem } from './domain-error';

/** RFC 9457 problem details. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://ar-followup.dev/problems/';

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled error code: ${String(value)}`);
}

export function statusForCode(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.Validation:
    case ErrorCode.MalformedRequest:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.Conflict:
    case ErrorCode.InvalidTransition:
    case ErrorCode.IdempotencyInFlight:
      return HttpStatus.CONFLICT;
    case ErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ErrorCode.IdempotencyKeyReused:
    case ErrorCode.BusinessRule:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.ServiceUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.Internal:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return assertUnreachable(code);
  }
}

const TITLES: Record<ErrorCode, string> = {
  [ErrorCode.Validation]: 'Request body or parameters are invalid',
  [ErrorCode.MalformedRequest]: 'Request could not be parsed',
  [ErrorCode.Unauthenticated]: 'Authentication required',
  [ErrorCode.Forbidden]: 'Not allowed for this role',
  [ErrorCode.NotFound]: 'Resource not found',
  [ErrorCode.Conflict]: 'Conflicts with the current state',
  [ErrorCode.InvalidTransition]: 'Transition not possible from the current state',
  [ErrorCode.IdempotencyInFlight]: 'A request with this Idempotency-Key is still in progress',
  [ErrorCode.IdempotencyKeyReused]: 'Idempotency-Key was used with a different request',
  [ErrorCode.BusinessRule]: 'Business rule violated',
  [ErrorCode.PayloadTooLarge]: 'Request body too large',
  [ErrorCode.RateLimited]: 'Too many requests',
  [ErrorCode.ServiceUnavailable]: 'A dependency is unavailable; try again shortly',
  [ErrorCode.Internal]: 'Internal server error',
};

export function problemFor(
  code: ErrorCode,
  detail: string,
  extra: Partial<Pick<ProblemDetails, 'errors' | 'instance' | 'requestId'>> = {},
): ProblemDetails {
  return {
    type: PROBLEM_TYPE_BASE + code,
    title: TITLES[code],
    status: statusForCode(code),
    detail,
    code,
    ...extra,
  };
}
