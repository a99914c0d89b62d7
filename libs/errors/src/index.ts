export * from './domain-error';
export * from './error-code';
export * from './problem-details';
export * from './problem-details.filter';
export * from './validation-exception.factory';
