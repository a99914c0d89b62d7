export * from './queue-definitions';
export * from './queues.module';
export * from './job-handler-check';
