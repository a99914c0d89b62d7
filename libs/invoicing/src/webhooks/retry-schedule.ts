const MAX_DELAY_MS = 4 * 60 * 60 * 1000;
const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Delay before retry `n` (1-based): base × 4^(n−1), capped at 4 h, with ±20 % jitter against thundering herds. */
export function webhookRetryDelay(retry: number, baseMs: number, random: () => number = Math.random): number {
  const raw = Math.min(baseMs * 4 ** (retry - 1), MAX_DELAY_MS);
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/** Attempts (first try included) needed for the un-jittered schedule to span at least 24 hours. */
export function webhookMaxAttempts(baseMs: number): number {
  let elapsed = 0;
  let retries = 0;
  while (elapsed < RETRY_WINDOW_MS) {
    retries += 1;
    elapsed += Math.min(baseMs * 4 ** (retries - 1), MAX_DELAY_MS);
  }
  // Jitter may shorten each delay by up to 20 %: add attempts until the shortest schedule still spans 24 h.
  let shortest = 0;
  let total = 0;
  while (shortest < RETRY_WINDOW_MS) {
    total += 1;
    shortest += 0.8 * Math.min(baseMs * 4 ** (total - 1), MAX_DELAY_MS);
  }
  return Math.max(retries, total) + 1;
}
