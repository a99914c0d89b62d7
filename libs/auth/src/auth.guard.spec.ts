import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@ar/config';
import { DomainError, ErrorCode } from '@ar/errors';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.decorators';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

const SECRET = 'unit-test-secret-0123456789';
const jwt = new JwtService({ secret: SECRET, signOptions: { expiresIn: 3600 } });
const noExpiry = new JwtService({ secret: SECRET });
const config = { jwtMaxLifetimeSeconds: 24 * 3600 } as AppConfig;

function contextFor(authorization: string | undefined, meta: Record<string, unknown> = {}) {
  const request: Record<string, unknown> = { headers: { authorization } };
  const handler = () => undefined;
  for (const [key, value] of Object.entries(meta)) Reflect.defineMetadata(key, value, handler);
  const context = {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

async function rejection(promise: Promise<unknown>): Promise<ErrorCode | undefined> {
  try {
    await promise;
    return undefined;
  } catch (e) {
    return (e as DomainError).code;
  }
}

describe('AuthGuard', () => {
  const guard = new AuthGuard(new TokenVerifier(jwt, config), new Reflector());

  it('accepts a valid HS256 token and attaches the principal', async () => {
    const sub = randomUUID();
    const { context, request } = contextFor(`Bearer ${jwt.sign({ sub, role: 'finance' })}`);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.principal).toEqual({ userId: sub, role: 'finance' });
  });

  it.each(['bearer', 'BEARER', 'BeArEr'])('accepts the %s scheme (case-insensitive)', async (scheme) => {
    const { context } = contextFor(`${scheme} ${jwt.sign({ sub: randomUUID(), role: 'finance' })}`);
    await expect(guard.canActivate(context)).resolves.toBe(true);
  });

  it('lets public routes through without a token', async () => {
    await expect(guard.canActivate(contextFor(undefined, { [IS_PUBLIC]: true }).context)).resolves.toBe(true);
  });

  it.each([
    ['missing header', undefined],
    ['wrong scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['alg none', `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: randomUUID(), role: 'admin' })).toString('base64url')}.`],
    ['HS384 token', `Bearer ${jwt.sign({ sub: randomUUID(), role: 'admin' }, { algorithm: 'HS384' })}`],
    ['wrong secret', `Bearer ${new JwtService({ secret: 'another-secret-entirely' }).sign({ sub: randomUUID(), role: 'admin' })}`],
    ['expired', `Bearer ${jwt.sign({ sub: randomUUID(), role: 'admin' }, { expiresIn: -1 })}`],
    ['unknown role', `Bearer ${jwt.sign({ sub: randomUUID(), role: 'superuser' })}`],
    ['sub not a uuid', `Bearer ${jwt.sign({ sub: 'bob', role: 'admin' })}`],
    ['no exp (would never expire)', `Bearer ${noExpiry.sign({ sub: randomUUID(), role: 'admin' })}`],
    ['a lifetime above the maximum', `Bearer ${jwt.sign({ sub: randomUUID(), role: 'admin' }, { expiresIn: 24 * 3600 + 1 })}`],
  ])('rejects %s as unauthenticated', async (_, header) => {
    expect(await rejection(guard.canActivate(contextFor(header).context))).toBe(ErrorCode.Unauthenticated);
  });

  it('forbids a role the route does not allow', async () => {
    const header = `Bearer ${jwt.sign({ sub: randomUUID(), role: 'account_manager' })}`;
    expect(await rejection(guard.canActivate(contextFor(header, { [ALLOWED_ROLES]: ['admin'] }).context))).toBe(ErrorCode.Forbidden);
  });
});
