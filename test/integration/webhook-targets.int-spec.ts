import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { loadAppConfig } from '@ar/config';
import { baseDataSourceOptions } from '@ar/database';
import {
  dispatcherFor,
  TARGET_NOT_PUBLIC,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookDeliveryService,
  WebhookEndpoint,
} from '@ar/invoicing';
import { DeliverWebhookJob, Queues } from '@ar/queues';
import { Clock } from '@ar/time';

/** The public-only connection pool against a real listening socket: refused names never get connected. */
describe('outbound webhook target policy', () => {
  let server: Server;
  let port: number;
  let requests = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('connects anywhere under the default policy', async () => {
    const before = requests;
    const response = await fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', body: '{}', dispatcher: dispatcherFor('any') });
    expect(response.status).toBe(200);
    await response.body?.cancel();
    expect(requests).toBe(before + 1);
  });

  it('refuses a host name that resolves to a loopback address before connecting, under the public policy', async () => {
    const before = requests;
    const attempt = fetch(`http://localhost:${port}/hook`, { method: 'POST', body: '{}', dispatcher: dispatcherFor('public') });
    await expect(attempt).rejects.toMatchObject({ cause: { code: TARGET_NOT_PUBLIC } });
    expect(requests).toBe(before);
  });

  it('keeps a delivery to an internal address for replay after one attempt, which names the reason, without connecting', async () => {
    const dataSource = await new DataSource({
      ...baseDataSourceOptions({ url: process.env.DATABASE_URL as string }),
      entities: [WebhookEndpoint, WebhookDelivery, WebhookDeliveryAttempt],
    }).initialize();
    const queue = new Queue<DeliverWebhookJob>(Queues.WebhookDeliveries, { connection: { url: process.env.REDIS_URL }, prefix: `${process.env.QUEUE_PREFIX}_targets:bull` });
    try {
      // Stored before the installation switched to WEBHOOK_TARGETS=public.
      const endpoint = await dataSource.manager.save(WebhookEndpoint, {
        id: uuidv7(),
        url: `http://127.0.0.1:${port}/hook`,
        events: ['invoice.issued'],
        secret: `whsec_${Buffer.from(randomUUID()).toString('base64')}`,
        status: 'active' as const,
        disabledReason: null,
      });
      const delivery = await dataSource.manager.save(WebhookDelivery, {
        id: uuidv7(),
        endpointId: endpoint.id,
        eventId: uuidv7(),
        eventType: 'invoice.issued',
        payload: { type: 'invoice.issued', data: {} },
      });
      const config = loadAppConfig({ ...process.env, WEBHOOK_TARGETS: 'public' });
      const before = requests;

      expect(await new WebhookDeliveryService(dataSource, queue, config, new Clock()).attempt(delivery.id)).toBe('exhausted');

      expect(requests).toBe(before);
      const [attempt] = await dataSource.manager.findBy(WebhookDeliveryAttempt, { deliveryId: delivery.id });
      expect(attempt).toMatchObject({ statusCode: null, error: '127.0.0.1 is not a public address' });
      expect(await dataSource.manager.findOneBy(WebhookDelivery, { id: delivery.id })).toMatchObject({ status: 'exhausted', attempts: 1 });
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      await dataSource.destroy();
    }
  });
});
