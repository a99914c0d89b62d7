export * from './contracts-factory';
export * from './database';
export * from './http-client';
export * from './problem-assertions';
export * from './running-service';
export * from './tokens';
export * from './invoicing-factory';
export * from './services';
