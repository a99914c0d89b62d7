import Fastify, { FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { HttpAccessLog } from './http-access-log';

/** A real Fastify app with the access log attached, writing its lines into an array. */
async function appLoggingAt(level: string): Promise<{ app: FastifyInstance; lines: () => Record<string, any>[] }> {
  const written: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      written.push(chunk.toString());
      callback();
    },
  });
  const app = Fastify({ genReqId: () => 'req-1' });
  new HttpAccessLog(level, 'test', destination).attach(app);
  // pino-http gives each raw request a logger of its own; the answer tells whether it ran.
  app.get('/v1/things', async (request) => ({ requestLogger: 'log' in request.raw }));
  app.get('/health/live', async () => ({ ok: true }));
  await app.ready();
  return { app, lines: () => written.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line)) };
}

describe('HttpAccessLog', () => {
  it('writes one line per request with its id, status and only the listed headers', async () => {
    const { app, lines } = await appLoggingAt('info');
    const response = await app.inject({
      method: 'GET',
      url: '/v1/things',
      headers: { authorization: 'Bearer secret-token', 'x-api-key': 'key-1', 'webhook-id': 'msg_1', 'user-agent': 'bank/1.0' },
    });
    await app.close();

    expect(response.json()).toEqual({ requestLogger: true });
    expect(lines()).toHaveLength(1);
    const [line] = lines();
    expect(line).toMatchObject({ service: 'test', msg: 'request completed', req: { id: 'req-1', method: 'GET', url: '/v1/things' }, res: { statusCode: 200 } });
    expect(line.req.headers).toEqual({ host: 'localhost:80', 'user-agent': 'bank/1.0', 'webhook-id': 'msg_1' });
  });

  it('leaves out health probes', async () => {
    const { app, lines } = await appLoggingAt('info');
    await app.inject({ method: 'GET', url: '/health/live' });
    await app.close();
    expect(lines()).toEqual([]);
  });

  it('does no per-request work when its level hides access lines', async () => {
    const { app, lines } = await appLoggingAt('warn');
    const response = await app.inject({ method: 'GET', url: '/v1/things' });
    await app.close();
    expect(response.json()).toEqual({ requestLogger: false });
    expect(lines()).toEqual([]);
  });

  it('never prints a failed query’s parameters, such as a webhook secret being stored', () => {
    const written: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written.push(chunk.toString());
        callback();
      },
    });
    const log = new HttpAccessLog('info', 'test', destination);
    const error = new QueryFailedError('INSERT INTO invoicing.webhook_endpoints (url, secret) VALUES ($1, $2)', ['https://x.test', 'whsec_c2VjcmV0LXZhbHVl'], new Error('duplicate key'));
    log.logger.error({ err: error, requestId: 'req-9' }, 'Unhandled error');
    const text = written.join('');
    expect(text).toContain('Unhandled error');
    expect(text).toContain('duplicate key');
    expect(text).not.toContain('whsec_');
  });
});
