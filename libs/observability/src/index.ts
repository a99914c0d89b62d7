export * from './http-metrics.middleware';
export * from './logging.module';
export * from './metrics';
export * from './observability.module';
