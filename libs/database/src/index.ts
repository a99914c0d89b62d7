export * from './column-transformers';
export * from './data-source-options';
export * from './database.module';
export * from './pg-errors';
export * from './group-commit';
export * from './embedded-statement';
export * from './sql-params';
export * from './prepared-query';
