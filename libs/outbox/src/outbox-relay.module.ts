import { DynamicModule, Module } from '@nestjs/common';
import { OutboxSchema } from './outbox-event';
import { OUTBOX_SCHEMA, OutboxRelay } from './outbox.relay';

/** Each service relays its own context's outbox, so no process writes another context's schema. */
@Module({})
export class OutboxRelayModule {
  static forSchema(schema: OutboxSchema): DynamicModule {
    return {
      module: OutboxRelayModule,
      providers: [{ provide: OUTBOX_SCHEMA, useValue: schema }, OutboxRelay],
      exports: [OutboxRelay],
    };
  }
}
