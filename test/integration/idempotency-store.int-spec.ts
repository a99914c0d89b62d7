import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from '@ar/database';
import { IdempotencyStore } from '@ar/http';

/** Idempotency keys against the real Postgres: replay, mismatch, in-flight, expiry after 24 h. */
describe('IdempotencyStore', () => {
  let dataSource: DataSource;
  let store: IdempotencyStore;
  const scope = randomUUID();

  beforeAll(async () => {
    dataSource = await new DataSource(baseDataSourceOptions({ url: process.env.DATABASE_URL as string })).initialize();
    store = new IdempotencyStore(dataSource);
  });
  afterAll(() => dataSource.destroy());

  it('claims once, reports in-flight, replays the stored response, refuses another body', async () => {
    const key = randomUUID();
    expect(await store.claim(scope, key, 'a'.repeat(64))).toEqual({ kind: 'claimed' });
    expect(await store.claim(scope, key, 'a'.repeat(64))).toEqual({ kind: 'in_flight' });
    await store.complete(scope, key, 201, { id: 'x' });
    expect(await store.claim(scope, key, 'a'.repeat(64))).toEqual({ kind: 'replay', status: 201, body: { id: 'x' } });
    expect(await store.claim(scope, key, 'b'.repeat(64))).toEqual({ kind: 'mismatch' });
  });

  it('lets a key be used afresh once it expired after 24 hours', async () => {
    const key = randomUUID();
    await store.claim(scope, key, 'a'.repeat(64));
    await store.complete(scope, key, 201, { id: 'old' });
    await dataSource.query(`UPDATE platform.idempotency_keys SET expires_at = now() - interval '1 second' WHERE scope = $1 AND key = $2`, [scope, key]);
    expect(await store.claim(scope, key, 'b'.repeat(64))).toEqual({ kind: 'claimed' });
  });

  it('takes over a key whose request never finished (crashed process)', async () => {
    const key = randomUUID();
    await store.claim(scope, key, 'a'.repeat(64));
    await dataSource.query(`UPDATE platform.idempotency_keys SET locked_at = now() - interval '10 minutes' WHERE scope = $1 AND key = $2`, [scope, key]);
    expect(await store.claim(scope, key, 'a'.repeat(64))).toEqual({ kind: 'claimed' });
  });

  it('forgets a failed request so the client may retry with the same key', async () => {
    const key = randomUUID();
    await store.claim(scope, key, 'a'.repeat(64));
    await store.release(scope, key);
    expect(await store.claim(scope, key, 'a'.repeat(64))).toEqual({ kind: 'claimed' });
  });
});
