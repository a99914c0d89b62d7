import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDependencyUnavailable, isLostToConcurrentWriter, isUniqueViolation, pgErrorCode } from '@ar/database';
import { DomainError, FieldProblem } from './domain-error';
import { ErrorCode } from './error-code';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemFor } from './problem-details';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.MalformedRequest,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.Unauthenticated,
  [HttpStatus.FORBIDDEN]: ErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: ErrorCode.NotFound,
  [HttpStatus.METHOD_NOT_ALLOWED]: ErrorCode.NotFound,
  [HttpStatus.CONFLICT]: ErrorCode.Conflict,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.MalformedRequest,
  [HttpStatus.UNPROCESSABLE_ENTITY]: ErrorCode.BusinessRule,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.RateLimited,
  [HttpStatus.SERVICE_UNAVAILABLE]: ErrorCode.ServiceUnavailable,
};

/** Seconds a client should wait before retrying a 503. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** An error Fastify raised before routing: a URL it cannot decode, ... */
interface FastifyFrameworkError {
  code: string;
  statusCode: number;
  message: string;
}

function isFastifyError(e: unknown): e is FastifyFrameworkError {
  if (typeof e !== 'object' || e === null) return false;
  const { code, statusCode } = e as Partial<FastifyFrameworkError>;
  return typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number';
}

/** The problem for an error that carries only an HTTP status; none for a 5xx, which must not show its detail. */
function problemForStatus(status: number, detail: string, requestId?: string, errors?: FieldProblem[]): ProblemDetails | undefined {
  const code = CODE_BY_STATUS[status];
  if (code) return problemFor(code, detail, { requestId, errors });
  if (status < 500) return { ...problemFor(ErrorCode.MalformedRequest, detail, { requestId }), status };
  return undefined;
}

/** Terminus' readiness answer names each dependency that failed (`error: {redis: {status: 'down', ...}}`). */
function failedDependencies(exception: HttpException): FieldProblem[] | undefined {
  const response = exception.getResponse() as { error?: Record<string, { status?: string; message?: unknown }> };
  if (exception.getStatus() !== HttpStatus.SERVICE_UNAVAILABLE || typeof response !== 'object' || !response.error) return undefined;
  return Object.entries(response.error).map(([name, state]) => ({
    path: name,
    message: typeof state.message === 'string' ? `${state.status ?? 'down'}: ${state.message}` : (state.status ?? 'down'),
  }));
}

function httpExceptionDetail(exception: HttpException, failed: FieldProblem[] | undefined): string {
  if (failed) return `Not ready: ${failed.map((f) => f.path).join(', ')} unavailable`;
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/**
 * Writes every error as RFC 9457 problem+json. Expected errors keep their detail;
 * anything else becomes a generic 500 whose only link to the logged stack is the request id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    this.send(exception, ctx.getRequest<FastifyRequest>(), ctx.getResponse<FastifyReply>());
  }

  /**
   * Answers the request with the exception's problem. Nest passes errors Fastify raises while reading a
   * request through the filters; the few it raises before routing (a URL it cannot decode) come here directly.
   */
  send(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const problem = this.toProblem(exception, request.id);
    if (exception instanceof DomainError && exception.headers) {
      for (const [name, value] of Object.entries(exception.headers)) reply.header(name, value);
    }
    if (problem.code === ErrorCode.RateLimited) reply.header('Retry-After', '60');
    if (problem.code === ErrorCode.ServiceUnavailable) reply.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    if (reply.sent) return;
    void reply.status(problem.status).type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, requestId?: string): ProblemDetails {
    if (exception instanceof DomainError) {
      return problemFor(exception.code, exception.detail, { errors: exception.errors, requestId });
    }
    const failed = exception instanceof HttpException ? failedDependencies(exception) : undefined;
    const byStatus =
      exception instanceof HttpException
        ? problemForStatus(exception.getStatus(), httpExceptionDetail(exception, failed), requestId, failed)
        : isFastifyError(exception)
          ? problemForStatus(exception.statusCode, exception.message, requestId)
          : undefined;
    if (byStatus) return byStatus;
    if (isUniqueViolation(exception)) {
      return problemFor(ErrorCode.Conflict, 'A resource with the same unique key already exists', { requestId });
    }
    if (isLostToConcurrentWriter(exception)) {
      this.logger.warn({ requestId, code: pgErrorCode(exception) }, 'Request lost to a concurrent writer');
      return problemFor(ErrorCode.ServiceUnavailable, 'A concurrent change to the same records got there first; nothing was written, retry shortly', { requestId });
    }
    if (isDependencyUnavailable(exception)) {
      this.logger.warn({ requestId, reason: (exception as Error).message }, 'Dependency unavailable');
      return problemFor(ErrorCode.ServiceUnavailable, 'The database or queue is unavailable; retry shortly', { requestId });
    }
    this.logger.error({ err: exception, requestId }, 'Unhandled error');
    return problemFor(ErrorCode.Internal, `An unexpected error occurred. Quote request id ${requestId ?? 'unknown'} when reporting it.`, {
      requestId,
    });
  }
}
