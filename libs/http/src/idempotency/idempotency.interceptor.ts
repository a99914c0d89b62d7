import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defer, from, Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { Principal } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { IdempotencyStore } from './idempotency.store';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Honours `Idempotency-Key` on POST: the first request with a key runs, later ones with the same
 * body get its stored response, a different body gets 422 and a concurrent one 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !VALID_KEY.test(key)) {
      throw DomainError.validation('Idempotency-Key must be 1-255 visible ASCII characters', [
        { path: 'Idempotency-Key', message: 'invalid header' },
      ]);
    }
    // Scoped to the caller and, through the fingerprint, to the route: a key never leaks across users.
    const scope = request.principal ? request.principal.userId : 'anonymous';
    const fingerprint = requestFingerprint(request.method, request.originalUrl, request.body);
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const response = context.switchToHttp().getResponse<FastifyReply>();

    return from(this.store.claim(scope, key, fingerprint)).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'claimed':
            return next.handle().pipe(
              mergeMap((body) => defer(async () => (await this.store.complete(scope, key, status, body), body))),
              catchError((error: unknown) =>
                defer(async () => {
                  await this.store.release(scope, key);
                  throw error;
                }),
              ),
            );
          case 'replay':
            response.header('Idempotent-Replayed', 'true');
            return of(claim.body);
          case 'in_flight':
            throw new DomainError(ErrorCode.IdempotencyInFlight, 'A request with this Idempotency-Key is still being processed; retry shortly', undefined, {
              'Retry-After': '1',
            });
          case 'mismatch':
            throw new DomainError(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was already used with a different request');
        }
      }),
    );
  }
}
