import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { AuthModule } from '@ar/auth';
import { AppConfig, AppConfigModule } from '@ar/config';
import { DatabaseModule } from '@ar/database';
import { ObservabilityModule } from '@ar/observability';
import { QueuesModule } from '@ar/queues';
import { REDIS, RedisModule } from '@ar/redis';
import { TimeModule } from '@ar/time';
import { IdempotencyModule } from './idempotency/idempotency.module';

/** Everything an HTTP service needs before its own domain: config, time, storage, auth, logs, limits. */
@Module({})
export class PlatformModule {
  static forService(service: string): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        AppConfigModule.forRoot(),
        TimeModule,
        RedisModule,
        QueuesModule,
        DatabaseModule.forApp(service),
        ObservabilityModule.forService(service),
        AuthModule,
        IdempotencyModule,
        ThrottlerModule.forRootAsync({
          inject: [AppConfig, REDIS],
          // Counters live in Redis so the limit holds across replicas.
          useFactory: (config: AppConfig, redis: Redis) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute }],
            storage: new ThrottlerStorageRedisService(redis),
          }),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
