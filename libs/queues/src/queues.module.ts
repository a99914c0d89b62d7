import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@ar/config';
import { Queues } from './queue-definitions';

/** BullMQ on REDIS_URL; every key under `${QUEUE_PREFIX}:bull`, so installations sharing a Redis stay apart. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redisUrl },
        prefix: `${config.queuePrefix}:bull`,
      }),
    }),
    // Producers fail fast while Redis is away (the request answers 503 and Postgres keeps what is owed to the
    // queue), instead of waiting for a reconnection; workers keep the shared connection, which waits.
    ...Object.values(Queues).map((name) =>
      BullModule.registerQueueAsync({
        name,
        inject: [AppConfig],
        useFactory: (config: AppConfig) => ({ connection: { url: config.redisUrl, enableOfflineQueue: false } }),
      }),
    ),
  ],
  exports: [BullModule],
})
export class QueuesModule {}
