import { requestFingerprint } from './request-fingerprint';

describe('requestFingerprint', () => {
  it('ignores key order', () => {
    expect(requestFingerprint('POST', '/v1/x', { a: 1, b: { c: 2, d: 3 } })).toBe(requestFingerprint('post', '/v1/x', { b: { d: 3, c: 2 }, a: 1 }));
  });

  it('differs for another body, path or method', () => {
    const base = requestFingerprint('POST', '/v1/x', { a: 1 });
    expect(requestFingerprint('POST', '/v1/x', { a: 2 })).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/y', { a: 1 })).not.toBe(base);
    expect(requestFingerprint('PUT', '/v1/x', { a: 1 })).not.toBe(base);
  });

  it('keeps array order significant', () => {
    expect(requestFingerprint('POST', '/', [1, 2])).not.toBe(requestFingerprint('POST', '/', [2, 1]));
  });
});
