import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { verifyStandardWebhook } from './verify-standard-webhook';

// Official vectors: ../shared/docs/standard-webhooks-vectors.md
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const MSG_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const PAYLOAD = '{"test": 2432232314}';
const EXPECTED_V1 = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const EXPECTED_V1A = 'v1a,tQ9V2XOqn7jL/DQenEFpqIugdBVtiMmER5mhSkXBNwM0mkATuDe6KYYUuxqtaiHeYGb7KaaBRdM5WqyeFiL8Ag==';

const headers = (signature: string, timestamp: number | string = TIMESTAMP) => ({
  'webhook-id': MSG_ID,
  'webhook-timestamp': String(timestamp),
  'webhook-signature': signature,
});

describe('Standard Webhooks verification', () => {
  beforeEach(() => jest.useFakeTimers({ now: TIMESTAMP * 1000, doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('reproduces the official symmetric vector', () => {
    expect(new Webhook(SECRET).sign(MSG_ID, new Date(TIMESTAMP * 1000), PAYLOAD)).toBe(EXPECTED_V1);
    expect(verifyStandardWebhook([SECRET], Buffer.from(PAYLOAD), headers(EXPECTED_V1))).toBe(true);
  });

  it('accepts the secret without its whsec_ prefix', () => {
    expect(verifyStandardWebhook([SECRET.slice('whsec_'.length)], Buffer.from(PAYLOAD), headers(EXPECTED_V1))).toBe(true);
  });

  it('reproduces the official asymmetric (v1a, ed25519) vector with node:crypto', () => {
    // The JS library has no v1a; this documents the scheme for a finance system that signs with ed25519.
    const seed = Buffer.from('VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=', 'base64');
    const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    const signature = sign(null, Buffer.from(`${MSG_ID}.${TIMESTAMP}.${PAYLOAD}`), key).toString('base64');
    expect(`v1a,${signature}`).toBe(EXPECTED_V1A);
    const publicKey = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
    expect(publicKey).toBe('ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=');
  });

  it('verifies when any entry of a multi-signature header matches, skipping unknown versions', () => {
    const header = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${EXPECTED_V1} v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=`;
    expect(verifyStandardWebhook([SECRET], Buffer.from(PAYLOAD), headers(header))).toBe(true);
  });

  it.each([
    ['a wrong signature', headers('v1,dawfeoifkpqwoekfpqoekf')],
    ['a truncated signature', headers(EXPECTED_V1.slice(0, 8))],
    ['an empty signature', headers('v1,')],
    ['a non-numeric timestamp', headers(EXPECTED_V1, 'hello')],
    ['a missing id', { ...headers(EXPECTED_V1), 'webhook-id': undefined }],
    ['a missing timestamp', { ...headers(EXPECTED_V1), 'webhook-timestamp': undefined }],
    ['a missing signature', { ...headers(EXPECTED_V1), 'webhook-signature': undefined }],
  ])('rejects %s', (_, given) => {
    expect(verifyStandardWebhook([SECRET], Buffer.from(PAYLOAD), given)).toBe(false);
  });

  it('rejects a tampered body and a wrong secret', () => {
    expect(verifyStandardWebhook([SECRET], Buffer.from('{"test": 2432232315}'), headers(EXPECTED_V1))).toBe(false);
    expect(verifyStandardWebhook(['whsec_' + Buffer.from('another secret!!').toString('base64')], Buffer.from(PAYLOAD), headers(EXPECTED_V1))).toBe(false);
  });

  it('accepts timestamps within 5 minutes and rejects older or newer ones', () => {
    const signAt = (ts: number) => new Webhook(SECRET).sign(MSG_ID, new Date(ts * 1000), PAYLOAD);
    for (const offset of [-300, 300]) {
      expect(verifyStandardWebhook([SECRET], Buffer.from(PAYLOAD), headers(signAt(TIMESTAMP + offset), TIMESTAMP + offset))).toBe(true);
    }
    for (const offset of [-301, 301]) {
      expect(verifyStandardWebhook([SECRET], Buffer.from(PAYLOAD), headers(signAt(TIMESTAMP + offset), TIMESTAMP + offset))).toBe(false);
    }
  });
});
