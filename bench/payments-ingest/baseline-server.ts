import Fastify from 'fastify';
import { Pool } from 'pg';
import { Webhook } from 'standardwebhooks';

/**
 * The baseline: a bare Fastify handler that verifies the same Standard Webhooks signature and inserts
 * one row with pg. No validation, allocation, locking, outbox or idempotency: the floor to compare with.
 */
async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
  await pool.query(`CREATE TABLE IF NOT EXISTS public.baseline_payments (
    id bigserial PRIMARY KEY, external_id text UNIQUE, client_id uuid, amount bigint, currency char(3), received_on date)`);
  const webhook = new Webhook(process.env.BASELINE_SECRET as string);
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.get('/health', async () => ({ ok: true }));
  app.post('/inbound', async (request, reply) => {
    const raw = request.body as Buffer;
    try {
      webhook.verify(raw, request.headers as Record<string, string>, { jsonParse: false });
    } catch {
      return reply.code(401).send();
    }
    const event = JSON.parse(raw.toString('utf8'));
    const d = event.data;
    await pool.query(
      `INSERT INTO public.baseline_payments (external_id, client_id, amount, currency, received_on) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (external_id) DO NOTHING`,
      [d.externalId, d.clientId, d.amount, d.currency, d.receivedOn],
    );
    return reply.code(200).send({ received: true });
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.on('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
}

void main();
