import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { AuthModule } from '@ar/auth';
import { AppConfig, AppConfigModule } from '@ar/config';
import { DatabaseModule } from '@ar/database';
import { Metrics, ObservabilityModule } from '@ar/observability';
import { QueuesModule } from '@ar/queues';
import { REDIS, RedisModule } from '@ar/redis';
import { TimeModule } from '@ar/time';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { FailOpenThrottlerStorage } from './rate-limit/fail-open-throttler.storage';
import { RateLimitGuard, RateLimits } from './rate-limit/rate-limit.guard';

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
          inject: [AppConfig, REDIS, Metrics],
          // Counters live in Redis so the limit holds across replicas, and in memory while Redis is away.
          useFactory: (config: AppConfig, redis: Redis, metrics: Metrics) => ({
            throttlers: [
              { name: RateLimits.Anonymous, ttl: 60_000, limit: config.rateLimitPerMinute },
              { name: RateLimits.Authenticated, ttl: 60_000, limit: config.rateLimitAuthenticatedPerMinute },
            ],
            storage: new FailOpenThrottlerStorage(new ThrottlerStorageRedisService(redis), metrics.rateLimitFallbacks),
          }),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}
