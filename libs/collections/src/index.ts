export * from './collections-persistence';
