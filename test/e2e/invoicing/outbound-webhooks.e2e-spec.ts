import { Webhook } from 'standardwebhooks';
import { eventually, expectProblem, RunningSystem, startSystem, WebhookReceiver } from '@ar/testing';

describe('outbound webhooks: outbox → queue → signed deliveries with retries', () => {
  let system: RunningSystem;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    system = await startSystem({ collections: true });
  });
  afterAll(async () => {
    await system.close();
    await Promise.all(receivers.map((r) => r.stop()));
  });

  const f = () => system.invoicingFactory;
  const newReceiver = async (...statuses: number[]) => {
    const receiver = new WebhookReceiver().respondWith(...statuses);
    receivers.push(receiver);
    return { receiver, url: await receiver.start() };
  };
  const newEndpoint = async (url: string, events = ['invoice.issued']) => {
    const res = await f().finance.post('/v1/webhook-endpoints', { url, events });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  };

  it('retries after two 500s and delivers the event with the same webhook-id, signed', async () => {
    const { receiver, url } = await newReceiver(500, 500);
    const endpoint = await newEndpoint(url);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const { contract } = await f().newAccount();
    const invoice = await f().newInvoice(contract.id, 1234);

    await eventually(() => receiver.received.filter((r) => r.body.includes(invoice.id)).length, (n) => n >= 3);
    const calls = receiver.received.filter((r) => r.body.includes(invoice.id));
    expect(new Set(calls.map((c) => c.headers['webhook-id'])).size).toBe(1);
    const last = calls[2];
    const payload = new Webhook(endpoint.secret).verify(last.body, last.headers as Record<string, string>) as Record<string, any>;
    expect(payload).toMatchObject({ id: last.headers['webhook-id'], type: 'invoice.issued', occurredAt: expect.any(String), data: { invoiceId: invoice.id, total: 1234 } });

    const deliveries = await eventually(
      async () => (await f().finance.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`)).body.data,
      (data: any[]) => data.some((d) => d.status === 'succeeded'),
    );
    const delivery = deliveries.find((d: { eventId: string }) => d.eventId === payload.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 200, eventType: 'invoice.issued' });
    expect(delivery.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
  });

  it('disables an endpoint that answers 410 Gone', async () => {
    const { receiver, url } = await newReceiver(410);
    const endpoint = await newEndpoint(url);
    const { contract } = await f().newAccount();
    await f().newInvoice(contract.id, 10);
    await eventually(async () => (await f().finance.get(`/v1/webhook-endpoints/${endpoint.id}`)).body.status, (s) => s === 'disabled');
    expect(receiver.received.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps a delivery refused with 400 for replay, and replays it with the same webhook-id', async () => {
    const { receiver, url } = await newReceiver(400);
    const endpoint = await newEndpoint(url);
    const { contract } = await f().newAccount();
    await f().newInvoice(contract.id, 10);
    const [exhausted] = await eventually(
      async () => (await f().finance.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`)).body.data,
      (data: any[]) => data.length > 0 && data[0].status === 'exhausted',
    );
    expect(exhausted.attempts).toBe(1);
    const replay = await f().finance.post(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${exhausted.id}/replay`);
    expect(replay.status).toBe(202);
    await eventually(
      async () => (await f().finance.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`)).body.data[0].status,
      (s) => s === 'succeeded',
    );
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].headers['webhook-id']).toBe(receiver.received[0].headers['webhook-id']);
  });

  it('delivers to an endpoint the events after it subscribed, even while earlier events are still fanning out, and not the ones before', async () => {
    const { receiver: early, url: earlyUrl } = await newReceiver();
    await newEndpoint(earlyUrl);
    const { contract } = await f().newAccount();
    const before = await f().newInvoice(contract.id, 11);
    await eventually(() => early.received.filter((r) => r.body.includes(before.id)).length, (n) => n >= 1);
    const { receiver: late, url: lateUrl } = await newReceiver();
    await newEndpoint(lateUrl);
    const after = await f().newInvoice(contract.id, 12);
    await eventually(() => late.received.filter((r) => r.body.includes(after.id)).length, (n) => n >= 1);
    await eventually(() => early.received.filter((r) => r.body.includes(after.id)).length, (n) => n >= 1);
    expect(late.received.filter((r) => r.body.includes(before.id))).toHaveLength(0);
  });

  it('delivers only subscribed event types and never shows the secret again', async () => {
    const { receiver, url } = await newReceiver();
    const endpoint = await newEndpoint(url, ['payment.received']);
    const { contract, client } = await f().newAccount();
    await f().newInvoice(contract.id, 100);
    await f().pay({ clientId: client.id, amount: 100 });
    await eventually(() => receiver.received.length, (n) => n >= 1);
    expect(receiver.received.every((r) => JSON.parse(r.body).type === 'payment.received')).toBe(true);
    const list = await f().finance.get('/v1/webhook-endpoints');
    expect(JSON.stringify(list.body)).not.toContain(endpoint.secret);
  });

  it('validates endpoints and restricts them to admin and finance', async () => {
    expectProblem(await f().finance.post('/v1/webhook-endpoints', { url: 'not a url', events: ['invoice.issued'] }), 400);
    expectProblem(await f().finance.post('/v1/webhook-endpoints', { url: 'https://x.test/h', events: ['invoice.exploded'] }), 400);
    expectProblem(await f().finance.post('/v1/webhook-endpoints', { url: 'https://x.test/h', events: [] }), 400);
    const { managerApi } = await f().newAccount();
    expectProblem(await managerApi.post('/v1/webhook-endpoints', { url: 'https://x.test/h', events: ['invoice.issued'] }), 403);
  });
});
