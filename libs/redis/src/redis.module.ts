import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@ar/config';

/** The process's shared Redis connection (health checks, rate limits). BullMQ opens its own. */
export const REDIS = Symbol('REDIS');

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      // Every key this process writes carries QUEUE_PREFIX, so installations (and test runs) sharing a Redis never collide.
      useFactory: (config: AppConfig) => new Redis(config.redisUrl, { maxRetriesPerRequest: 2, keyPrefix: `${config.queuePrefix}:` }),
    },
    RedisShutdown,
  ],
  exports: [REDIS],
})
export class RedisModule {}
