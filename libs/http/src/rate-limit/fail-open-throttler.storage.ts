import { Logger } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { Counter } from 'prom-client';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How long a rate-limit count may wait for Redis before this replica counts locally instead. */
export const SHARED_COUNT_TIMEOUT_MS = 250;

/**
 * Counts in Redis (shared across replicas) and, while Redis does not answer, in this process's memory:
 * the limit then holds per replica instead of taking the API down (every route answered 500 when Redis
 * was down). Each fallback is counted in a metric and warned about at most every ten seconds.
 */
export class FailOpenThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(FailOpenThrottlerStorage.name);
  private readonly local = new ThrottlerStorageService();
  private lastWarning = 0;

  constructor(
    private readonly shared: ThrottlerStorage,
    private readonly fallbacks: Counter,
    private readonly timeoutMs = SHARED_COUNT_TIMEOUT_MS,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.shared.increment(key, ttl, limit, blockDuration, throttlerName),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
        }),
      ]);
    } catch (error) {
      this.fallbacks.inc();
      const now = Date.now();
      if (now - this.lastWarning > 10_000) {
        this.lastWarning = now;
        this.logger.warn({ reason: (error as Error).message }, 'Rate-limit counts fall back to this process while Redis is unavailable');
      }
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    } finally {
      clearTimeout(timer);
    }
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}
