import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { eventually, tokenFor } from '@ar/testing';
import { deleteRedisKeys } from '../../support/test-resources';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The invoicing service as its own process, exactly as `npm run start:invoicing` runs it, logging every
 * request: what it prints is what an operator's log store would keep.
 */
describe('invoicing service: secrets never reach the log', () => {
  const queuePrefix = `${process.env.QUEUE_PREFIX}_redaction`;
  let child: ChildProcess;
  let url: string;
  let output = '';

  beforeAll(async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['dist/apps/invoicing/src/main.js'], {
      env: { ...process.env, INVOICING_PORT: String(port), QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    url = `http://127.0.0.1:${port}`;
    await eventually(
      () => fetch(`${url}/health/ready`).then((r) => r.ok, () => false),
      (ok) => ok,
      60_000,
    );
  });

  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    await deleteRedisKeys(process.env.REDIS_URL as string, queuePrefix);
  });

  it('logs each request with its headers, but not tokens, cookies, signatures, idempotency keys or webhook secrets', async () => {
    const token = tokenFor('admin');
    const idempotencyKey = `idem-${randomUUID()}`;
    const cookie = `session=${randomUUID()}`;
    const created = await fetch(`${url}/v1/integrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey, cookie },
      body: JSON.stringify({ name: 'Redaction check' }),
    });
    expect(created.status).toBe(201);
    const integration = (await created.json()) as { id: string; secret: string };

    const body = JSON.stringify({ type: 'payment.reversed', data: { externalId: `BANK-${randomUUID()}` } });
    const messageId = `msg_${randomUUID()}`;
    const signature = new Webhook(integration.secret).sign(messageId, new Date(), body);
    const pushed = await fetch(`${url}/v1/webhooks/inbound/${integration.id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': messageId,
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': signature,
      },
      body,
    });
    expect(pushed.status).toBe(422);

    // The access log line of a request is written once its response has gone out.
    await eventually(
      async () => output,
      (text) => text.includes(`/v1/webhooks/inbound/${integration.id}`) && text.includes('"url":"/v1/integrations"'),
      10_000,
    );
    expect(output).toContain('"authorization":"[redacted]"');
    expect(output).toContain('"webhook-signature":"[redacted]"');
    expect(output).toContain('"idempotency-key":"[redacted]"');
    for (const secret of [token, cookie, idempotencyKey, signature, integration.secret, integration.secret.replace(/^whsec_/, '')]) {
      expect(output).not.toContain(secret);
    }
  });
});
