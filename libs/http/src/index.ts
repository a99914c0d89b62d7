export * from './bootstrap/create-http-app';
export * from './idempotency/idempotency.interceptor';
export * from './idempotency/idempotency.module';
export * from './idempotency/idempotency.store';
export * from './idempotency/request-fingerprint';
export * from './pagination/page';
export * from './platform.module';
export * from './idempotency/platform-migrations';
