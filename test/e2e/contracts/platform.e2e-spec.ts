import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { ContractsAppModule } from '../../../apps/contracts/src/contracts-app.module';
import { ContractsFactory, countRows, expectProblem, RunningService, startService, startServiceWithEnvironment, tokenFor } from '@ar/testing';
import { deleteRedisKeys } from '../../support/test-resources';

describe('contracts service: platform behaviour', () => {
  let service: RunningService;
  let factory: ContractsFactory;

  beforeAll(async () => {
    service = await startService(ContractsAppModule);
    factory = new ContractsFactory(service.api);
  });
  afterAll(() => service.close());

  it('serves liveness, readiness, metrics and the OpenAPI document without a token', async () => {
    expect((await service.api.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await service.api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' } });
    const metrics = await service.api.get('/metrics');
    expect(metrics.contentType).toContain('text/plain');
    expect(metrics.body).toContain('http_request_duration_seconds');
    const docs = await service.api.get('/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/v1/users', '/v1/users/{id}', '/v1/clients', '/v1/clients/{id}', '/v1/contracts', '/v1/contracts/{id}/renew']),
    );
    expect((await service.api.get('/docs')).status).toBe(200);
  });

  describe('authentication', () => {
    const unsigned = (claims: object) =>
      `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

    it.each([
      ['no token', undefined],
      ['garbage', 'garbage'],
      ['alg none', unsigned({ sub: randomUUID(), role: 'admin' })],
      ['wrong secret', tokenFor('admin', randomUUID(), { secret: 'some-other-secret-of-length' })],
      ['expired', tokenFor('admin', randomUUID(), { expiresIn: -10 })],
      ['unknown role', new JwtService({ secret: process.env.JWT_SECRET }).sign({ sub: randomUUID(), role: 'root' })],
      ['non-uuid sub', new JwtService({ secret: process.env.JWT_SECRET }).sign({ sub: 'alice', role: 'admin' })],
    ])('answers 401 problem+json for %s', async (_, token) => {
      expectProblem(await service.api.as(token).get('/v1/clients'), 401);
    });

    it('answers 401 on writes without a token and writes nothing', async () => {
      const before = await countRows('contracts.users');
      expectProblem(await service.api.post('/v1/users', { name: 'A', email: 'x@y.test', role: 'admin' }), 401);
      expect(await countRows('contracts.users')).toBe(before);
    });
  });

  it('answers 413 problem+json to a body over 1 MB', async () => {
    const res = await factory.admin.post('/v1/users', { name: 'x'.repeat(1_100_000), email: 'big@example.test', role: 'admin' });
    expectProblem(res, 413);
  });

  it('answers 400 problem+json to malformed JSON', async () => {
    expectProblem(await factory.admin.post('/v1/users', '{"name": '), 400);
  });

  it('answers 404 problem+json for unknown routes', async () => {
    expectProblem(await factory.admin.get('/v1/nothing-here'), 404);
  });

  it.each([
    ['text that is not JSON', 'text/plain', 'name=A'],
    ['a form', 'application/x-www-form-urlencoded', 'name=A&email=a%40example.test&role=admin'],
    ['a JSON string instead of an object', 'application/json', '"admin"'],
    ['an empty JSON body', 'application/json', ''],
  ])('answers 400 problem+json to %s and writes nothing', async (_, contentType, body) => {
    const before = await countRows('contracts.users');
    expectProblem(await factory.admin.request('POST', '/v1/users', body, { 'content-type': contentType }), 400);
    expect(await countRows('contracts.users')).toBe(before);
  });

  it('answers problem+json to a path it cannot decode (400) and to an id far too long (404, like any id that names nothing)', async () => {
    expectProblem(await factory.admin.get('/v1/users/%E0%A4%A'), 400);
    expectProblem(await factory.admin.get(`/v1/users/${'a'.repeat(300)}`), 404);
  });

  it('matches paths without regard to case or a trailing slash', async () => {
    expect((await factory.admin.get('/v1/users/')).status).toBe(200);
    expect((await factory.admin.get('/V1/Users?limit=1')).status).toBe(200);
  });

  it('echoes a sane X-Request-Id, replaces any other, and quotes it in problems', async () => {
    const given = await factory.admin.get('/v1/nothing-here', { 'X-Request-Id': 'trace-42.a' });
    expect(given.headers.get('x-request-id')).toBe('trace-42.a');
    expect(given.body.requestId).toBe('trace-42.a');
    const replaced = await factory.admin.get('/v1/users?limit=1', { 'X-Request-Id': 'no spaces allowed' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('idempotency keys', () => {
    const body = () => ({ name: 'Idem', email: `idem-${randomUUID()}@example.test`, role: 'finance' });

    it('replays the first response for the same key and body, creating nothing new', async () => {
      const payload = body();
      const key = randomUUID();
      const first = await factory.admin.post('/v1/users', payload, { 'Idempotency-Key': key });
      const second = await factory.admin.post('/v1/users', payload, { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await countRows('contracts.users', 'email = $1', [payload.email])).toBe(1);
    });

    it('answers 422 when the key is reused with another body', async () => {
      const key = randomUUID();
      expect((await factory.admin.post('/v1/users', body(), { 'Idempotency-Key': key })).status).toBe(201);
      expectProblem(await factory.admin.post('/v1/users', body(), { 'Idempotency-Key': key }), 422);
    });

    it('scopes keys to the caller', async () => {
      const key = randomUUID();
      const otherAdmin = service.api.as(tokenFor('admin'));
      expect((await factory.admin.post('/v1/users', body(), { 'Idempotency-Key': key })).status).toBe(201);
      expect((await otherAdmin.post('/v1/users', body(), { 'Idempotency-Key': key })).status).toBe(201);
    });

    it('creates one resource from 10 concurrent requests with one key; the rest replay or get 409 with Retry-After', async () => {
      const manager = await factory.newUser();
      const key = randomUUID();
      const externalId = `ERP-race-${randomUUID()}`;
      const payload = { name: 'Race GmbH', country: 'DE', accountManagerId: manager.id, externalId };
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => factory.admin.post('/v1/clients', payload, { 'Idempotency-Key': key })),
      );
      const created = responses.filter((r) => r.status === 201);
      const inFlight = responses.filter((r) => r.status === 409);
      expect(created.length + inFlight.length).toBe(10);
      expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
      for (const r of inFlight) expect(r.headers.get('retry-after')).toBe('1');
      expect(await countRows('contracts.clients', 'external_id = $1', [externalId])).toBe(1);
    });

    it('does not keep failed requests, so the same key can be retried after fixing nothing server-side', async () => {
      const key = randomUUID();
      const payload = { name: 'A', email: `fail-${randomUUID()}@example.test`, role: 'admin', deputyId: randomUUID() };
      expectProblem(await factory.admin.post('/v1/users', payload, { 'Idempotency-Key': key }), 422);
      expectProblem(await factory.admin.post('/v1/users', payload, { 'Idempotency-Key': key }), 422);
    });

    it('rejects an over-long key with 400', async () => {
      expectProblem(await factory.admin.post('/v1/users', body(), { 'Idempotency-Key': 'k'.repeat(256) }), 400);
    });
  });

  describe('rate limits', () => {
    const LIMIT = 3;
    let started: { service: RunningService; queuePrefix: string }[] = [];

    /** A service of its own with a tiny limit and its own Redis prefix, so no other test's requests count. */
    async function startLimited(trustedProxies: string, authenticatedLimit = 1000): Promise<RunningService> {
      const queuePrefix = `${process.env.QUEUE_PREFIX}_limits_${started.length}`;
      const limited = await startServiceWithEnvironment(ContractsAppModule, {
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        RATE_LIMIT_AUTHENTICATED_PER_MINUTE: String(authenticatedLimit),
        TRUSTED_PROXIES: trustedProxies,
        QUEUE_PREFIX: queuePrefix,
      });
      started.push({ service: limited, queuePrefix });
      return limited;
    }

    afterEach(async () => {
      for (const { service: limited, queuePrefix } of started) {
        await limited.close();
        await deleteRedisKeys(process.env.REDIS_URL as string, queuePrefix);
      }
      started = [];
    });

    // Anonymous callers (here with a token that does not verify) are counted by address; until their
    // budget is used they get the auth guard's 401, then 429.
    const listFrom = (limited: RunningService, forwardedFor: string) =>
      limited.api.as('not.a.valid-token').get('/v1/clients?limit=1', { 'X-Forwarded-For': forwardedFor });

    it('answers 429 problem+json with Retry-After once a client address used its budget, and ignores X-Forwarded-For by default', async () => {
      const limited = await startLimited('');
      for (let i = 0; i < LIMIT; i++) expect((await listFrom(limited, `203.0.113.${i + 1}`)).status).toBe(401);
      // A client that makes up a new address per request still shares the budget of its real one.
      const refused = await listFrom(limited, '198.51.100.7');
      expectProblem(refused, 429);
      expect(refused.headers.get('retry-after')).toBe('60');
    });

    it('counts each client behind a trusted proxy separately, by the address the proxy appended', async () => {
      // The test talks to the service over loopback, so here it plays the load balancer.
      const limited = await startLimited('127.0.0.1');
      for (let i = 0; i < LIMIT; i++) expect((await listFrom(limited, '203.0.113.1')).status).toBe(401);
      expectProblem(await listFrom(limited, '203.0.113.1'), 429);
      // A spoofed entry before the proxy's own does not change who is counted.
      expectProblem(await listFrom(limited, '192.0.2.99, 203.0.113.1'), 429);
      expect((await listFrom(limited, '203.0.113.2')).status).toBe(401);
    });

    it('counts an authenticated caller by its token subject against its own budget, one budget across all routes', async () => {
      const limited = await startLimited('', 5);
      const sub = randomUUID();
      const caller = limited.api.as(tokenFor('admin', sub));
      // Five different routes share one budget (the stock limiter kept one per route).
      for (const path of ['/v1/clients?limit=1', '/v1/users?limit=1', '/v1/contracts?limit=1', '/v1/clients?limit=2', '/v1/users?limit=2']) {
        expect((await caller.get(path)).status).toBe(200);
      }
      expectProblem(await caller.get('/v1/contracts?limit=2'), 429);
      // A fresh token for the same subject is the same caller; another subject has its own budget, as
      // has the anonymous budget of the same address.
      expectProblem(await limited.api.as(tokenFor('admin', sub)).get('/v1/clients?limit=1'), 429);
      expect((await limited.api.as(tokenFor('admin', randomUUID())).get('/v1/clients?limit=1')).status).toBe(200);
      expect((await limited.api.as(undefined).get('/v1/clients?limit=1')).status).toBe(401);
    });

    it('ignores X-Forwarded-For from a peer that is not one of the trusted proxies', async () => {
      // Proxies are trusted by address: a client that reaches the service directly cannot pose as one.
      const limited = await startLimited('10.0.0.0/8');
      for (let i = 0; i < LIMIT; i++) expect((await listFrom(limited, `203.0.113.${i + 1}`)).status).toBe(401);
      expectProblem(await listFrom(limited, '198.51.100.7'), 429);
    });
  });

  it('never returns a stack trace or internals in a 500', async () => {
    // A uuid that is syntactically valid reaches the database; a missing table would be a 500. Simulate with a broken cursor key type.
    const res = await factory.admin.get(`/v1/users?cursor=${Buffer.from(JSON.stringify([{}])).toString('base64url')}`);
    expectProblem(res, 400);
  });
});
