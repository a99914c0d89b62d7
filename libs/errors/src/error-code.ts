/** Every failure the services report on purpose. The problem filter maps each to one HTTP status. */
export enum ErrorCode {
  Validation = 'validation_failed',
  MalformedRequest = 'malformed_request',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  InvalidTransition = 'invalid_transition',
  IdempotencyInFlight = 'idempotency_in_flight',
  IdempotencyKeyReused = 'idempotency_key_reused',
  BusinessRule = 'business_rule_violated',
  PayloadTooLarge = 'payload_too_large',
  RateLimited = 'rate_limited',
  ServiceUnavailable = 'service_unavailable',
  Internal = 'internal_error',
}
