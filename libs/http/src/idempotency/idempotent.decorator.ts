import { UseInterceptors } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Honours `Idempotency-Key` on the controller's POST routes. Every controller with a POST carries it,
 * save signed webhooks, which are deduplicated by their webhook id. It is not a global interceptor
 * because Nest then runs the interceptor chain on every request, the webhook hot path included.
 */
export const Idempotent = () => UseInterceptors(IdempotencyInterceptor);
