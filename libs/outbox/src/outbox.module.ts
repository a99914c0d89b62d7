import { Global, Module } from '@nestjs/common';
import { OutboxHandover } from './outbox-handover';
import { OutboxWriter } from './outbox.writer';

@Global()
@Module({ providers: [OutboxWriter, OutboxHandover], exports: [OutboxWriter, OutboxHandover] })
export class OutboxModule {}
