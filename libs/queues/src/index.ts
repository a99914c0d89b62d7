export * from './queue-definitions';
export * from './queues.module';
