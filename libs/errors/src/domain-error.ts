import { ErrorCode } from './error-code';

export interface FieldProblem {
  path: string;
  message: string;
}

/** An expected failure of a business operation, carrying the code that decides its HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldProblem[],
    /** Extra headers, such as Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = 'DomainError';
  }

  static notFound(what: string, id?: string): DomainError {
    return new DomainError(ErrorCode.NotFound, id ? `${what} ${id} was not found` : `${what} was not found`);
  }

  static businessRule(detail: string): DomainError {
    return new DomainError(ErrorCode.BusinessRule, detail);
  }

  static conflict(detail: string): DomainError {
    return new DomainError(ErrorCode.Conflict, detail);
  }

  static forbidden(detail: string): DomainError {
    return new DomainError(ErrorCode.Forbidden, detail);
  }

  static validation(detail: string, errors?: FieldProblem[]): DomainError {
    return new DomainError(ErrorCode.Validation, detail, errors);
  }
}
