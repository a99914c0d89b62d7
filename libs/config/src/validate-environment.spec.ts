import { loadAppConfig } from './load-app-config';
import { InvalidConfigurationError, validateEnvironment } from './validate-environment';

const secret = { JWT_SECRET: 'a-long-enough-secret' };

describe('validateEnvironment', () => {
  it('applies the documented defaults', () => {
    const config = loadAppConfig({ ...secret });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/ar',
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'ar',
      businessTimeZone: 'Europe/Berlin',
      sweepCron: '0 6 * * *',
      ports: { contracts: 3001, invoicing: 3002, collections: 3003 },
      trustedProxies: [],
      webhookTargets: 'public',
      rateLimitPerMinute: 1200,
      rateLimitAuthenticatedPerMinute: 6000,
      jwtMaxLifetimeSeconds: 86_400,
      httpRequestTimeoutMs: 30_000,
    });
  });

  it('converts ports to numbers and "off" to a disabled sweep', () => {
    const config = loadAppConfig({ ...secret, CONTRACTS_PORT: '4001', COLLECTIONS_SWEEP_CRON: 'off' });
    expect(config.ports.contracts).toBe(4001);
    expect(config.sweepCron).toBeNull();
  });

  it('refuses to start without JWT_SECRET and names it', () => {
    expect(() => validateEnvironment({})).toThrow(/JWT_SECRET/);
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/ar'],
    ['REDIS_URL', 'http://localhost'],
    ['CONTRACTS_PORT', 'eighty'],
    ['INVOICING_PORT', '70000'],
    ['BUSINESS_TZ', 'Mars/Olympus'],
    ['COLLECTIONS_SWEEP_CRON', 'every morning'],
    ['QUEUE_PREFIX', 'has spaces'],
    ['LOG_LEVEL', 'loud'],
    ['TRUSTED_PROXIES', 'the-load-balancer'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['TRUSTED_PROXIES', '2'],
    ['WEBHOOK_TARGETS', 'internal'],
  ])('names %s when its value is invalid', (name, value) => {
    let error: unknown;
    try {
      validateEnvironment({ ...secret, [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidConfigurationError);
    expect((error as InvalidConfigurationError).problems.join('\n')).toContain(name);
  });

  it('reads trusted proxies as a comma-separated list of addresses, ranges and named ranges', () => {
    const config = loadAppConfig({ ...secret, TRUSTED_PROXIES: ' 10.0.0.0/8, 192.0.2.10,fd00::/8 ,loopback' });
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', '192.0.2.10', 'fd00::/8', 'loopback']);
  });

  it('lists every bad variable at once', () => {
    expect(() => validateEnvironment({ CONTRACTS_PORT: 'x', BUSINESS_TZ: 'Nowhere' })).toThrow(
      /JWT_SECRET[\s\S]*CONTRACTS_PORT[\s\S]*BUSINESS_TZ|CONTRACTS_PORT[\s\S]*JWT_SECRET/,
    );
  });
});
