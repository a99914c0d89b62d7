export * from './http-access-log';
export * from './http-metrics.hook';
export * from './logging.module';
export * from './metrics';
export * from './observability.module';
