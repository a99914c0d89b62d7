export * from './outbox-event';
export * from './outbox-relay.module';
export * from './outbox.module';
export * from './outbox.relay';
export * from './outbox.writer';
export * from './outbox-handover';
export * from './outbox-migrations';
