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
    BullModule.registerQueue(...Object.values(Queues).map((name) => ({ name }))),
  ],
  exports: [BullModule],
})
export class QueuesModule {}
