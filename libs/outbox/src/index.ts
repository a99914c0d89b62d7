export * from './outbox-event';
export * from './outbox.module';
export * from './outbox.writer';
