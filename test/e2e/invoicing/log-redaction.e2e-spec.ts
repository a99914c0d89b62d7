import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { eventually, ServiceProcess, startServiceProcess, stopProcess, tokenFor } from '@ar/testing';
import { deleteRedisKeys } from '../../support/test-resources';

/**
 * The invoicing service as its own process, exactly as `npm run start:invoicing` runs it, logging every
 * request: what it prints is what an operator's log store would keep.
 */
describe('invoicing service: secrets never reach the log', () => {
  const queuePrefix = `${process.env.QUEUE_PREFIX}_redaction`;
  let service: ServiceProcess;
  let url: string;

  beforeAll(async () => {
    service = await startServiceProcess('dist/apps/invoicing/src/main.js', 'INVOICING_PORT', { QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'info' });
    url = service.url;
  });

  afterAll(async () => {
    await stopProcess(service.process);
    await deleteRedisKeys(process.env.REDIS_URL as string, queuePrefix);
  });

  it('logs each request with its id and listed headers, never tokens, cookies, signatures, idempotency keys, API keys or webhook secrets', async () => {
    const token = tokenFor('admin');
    const idempotencyKey = `idem-${randomUUID()}`;
    const cookie = `session=${randomUUID()}`;
    // A credential header this service knows nothing about, as a client's gateway might add.
    const apiKey = `key-${randomUUID()}`;
    const created = await fetch(`${url}/v1/integrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey, cookie, 'x-api-key': apiKey },
      body: JSON.stringify({ name: 'Redaction check' }),
    });
    expect(created.status).toBe(201);
    const requestId = created.headers.get('x-request-id');
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
    const output = await eventually(
      async () => service.output(),
      (text) => text.includes(`/v1/webhooks/inbound/${integration.id}`) && text.includes('"url":"/v1/integrations"'),
      10_000,
    );
    // Each line names its request by the id echoed to the caller.
    expect(output).toContain(`"req":{"id":"${requestId}"`);
    // Headers are logged from a list of harmless ones; any other is left out, whatever it is called.
    expect(output).toContain(`"webhook-id":"${messageId}"`);
    expect(output).toContain('"content-type":"application/json"');
    for (const header of ['authorization', 'cookie', 'webhook-signature', 'idempotency-key', 'x-api-key']) {
      expect(output).not.toContain(`"${header}":`);
    }
    for (const secret of [token, cookie, idempotencyKey, apiKey, signature, integration.secret, integration.secret.replace(/^whsec_/, '')]) {
      expect(output).not.toContain(secret);
    }
  });
});
