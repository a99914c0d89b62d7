import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'in_flight' }
  | { kind: 'mismatch' };

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;
// A request that neither completed nor failed within this time is taken to have crashed.
const ABANDONED_AFTER_SECONDS = 120;

/** Postgres-backed idempotency keys (`platform.idempotency_keys`), one row per caller and key. */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Atomically claims the key, or reports what an earlier request with it left behind. */
  async claim(scope: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO platform.idempotency_keys (scope, key, fingerprint, state, locked_at, expires_at)
       VALUES ($1, $2, $3, 'in_flight', now(), now() + make_interval(hours => $4))
       ON CONFLICT (scope, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, state = 'in_flight', locked_at = now(),
             expires_at = EXCLUDED.expires_at, response_status = NULL, response_body = NULL
         WHERE platform.idempotency_keys.expires_at < now()
            OR (platform.idempotency_keys.state = 'in_flight'
                AND platform.idempotency_keys.locked_at < now() - make_interval(secs => $5))
       RETURNING 1`,
      [scope, key, fingerprint, IDEMPOTENCY_TTL_HOURS, ABANDONED_AFTER_SECONDS],
    );
    if (claimed.length > 0) return { kind: 'claimed' };

    const rows: { fingerprint: string; state: string; response_status: number | null; response_body: unknown }[] =
      await this.dataSource.query(
        `SELECT fingerprint, state, response_status, response_body FROM platform.idempotency_keys WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
    const existing = rows[0];
    // Released between our insert and select: the caller may simply retry.
    if (!existing) return { kind: 'in_flight' };
    if (existing.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (existing.state !== 'completed' || existing.response_status === null) return { kind: 'in_flight' };
    return { kind: 'replay', status: existing.response_status, body: existing.response_body };
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform.idempotency_keys SET state = 'completed', response_status = $3, response_body = $4::jsonb
       WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** A failed request leaves nothing behind, so the client may retry with the same key. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM platform.idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in_flight'`,
      [scope, key],
    );
  }

  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM platform.idempotency_keys WHERE expires_at < now()`);
    return result[1];
  }
}
