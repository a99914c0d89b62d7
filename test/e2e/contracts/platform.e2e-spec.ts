import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { ContractsAppModule } from '../../../apps/contracts/src/contracts-app.module';
import { ContractsFactory, countRows, expectProblem, RunningService, startService, tokenFor } from '@ar/testing';

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

  it('never returns a stack trace or internals in a 500', async () => {
    // A uuid that is syntactically valid reaches the database; a missing table would be a 500. Simulate with a broken cursor key type.
    const res = await factory.admin.get(`/v1/users?cursor=${Buffer.from(JSON.stringify([{}])).toString('base64url')}`);
    expectProblem(res, 400);
  });
});
