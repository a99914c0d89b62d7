import { applyDecorators, RequestMethod, UseInterceptors } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';

const IDEMPOTENCY_KEY_HEADER = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Makes a retry safe: the same key with the same body within 24 h answers the first response and creates nothing new',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
});

/** Documents the header on the controller's POST operations only (a class-level ApiHeader would reach its GETs). */
function documentIdempotencyKey(): ClassDecorator {
  return (target) => {
    for (const name of Object.getOwnPropertyNames(target.prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(target.prototype, name);
      if (name === 'constructor' || typeof descriptor?.value !== 'function') continue;
      if (Reflect.getMetadata(METHOD_METADATA, descriptor.value) === RequestMethod.POST) IDEMPOTENCY_KEY_HEADER(target.prototype, name, descriptor);
    }
  };
}

/**
 * Honours `Idempotency-Key` on the controller's POST routes. Every controller with a POST carries it,
 * save signed webhooks, which are deduplicated by their webhook id. It is not a global interceptor
 * because Nest then runs the interceptor chain on every request, the webhook hot path included.
 */
export const Idempotent = () => applyDecorators(UseInterceptors(IdempotencyInterceptor), documentIdempotencyKey());
