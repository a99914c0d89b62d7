import { webhookMaxAttempts, webhookRetryDelay } from './retry-schedule';

describe('webhook retry schedule', () => {
  it('grows by a factor of four and caps at four hours', () => {
    const noJitter = () => 0.5;
    expect([1, 2, 3, 4].map((n) => webhookRetryDelay(n, 5000, noJitter))).toEqual([5000, 20000, 80000, 320000]);
    expect(webhookRetryDelay(20, 5000, noJitter)).toBe(4 * 3600 * 1000);
  });

  it('jitters within ±20 %', () => {
    expect(webhookRetryDelay(1, 1000, () => 0)).toBe(800);
    expect(webhookRetryDelay(1, 1000, () => 1)).toBe(1200);
  });

  it('keeps retrying for at least 24 hours even with the shortest jitter', () => {
    for (const base of [50, 5000, 60_000]) {
      const attempts = webhookMaxAttempts(base);
      let shortest = 0;
      for (let n = 1; n < attempts; n++) shortest += webhookRetryDelay(n, base, () => 0);
      expect(shortest).toBeGreaterThanOrEqual(24 * 3600 * 1000);
    }
  });
});
