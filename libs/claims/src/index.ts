export * from './claim';
export * from './interest-rules';
