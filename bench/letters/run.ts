import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { seedPortfolio } from '../../tools/portfolio-seed';
import { deleteKeysWithPrefix } from '../../tools/redis-admin';
import { dropDatabase, siblingDatabaseUrl } from '../../tools/database-admin';
import { freePort } from '../../tools/child-process';
import { createBenchDatabase, withClient } from '../support/bench-database';
import { ChildService, startChild } from '../support/child-service';

/**
 * The daily sweep of `bench:sweep`'s data set with its dunning letters: the same seeded portfolio swept twice, once
 * with the standard policy's letters switched off and once with them on (every client has a billing e-mail), then
 * every letter produced, rendered and e-mailed by the worker through a real SMTP listener on loopback.
 */
const INVOICES = Number(process.env.BENCH_INVOICES ?? 1_000_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const AS_OF = '2026-06-30';
const JWT_SECRET = 'bench-secret-not-for-production';
const STANDARD_POLICY_ID = '00000000-0000-4000-8000-000000000001';
/** The sweep's baseline that `sweepSecondsWithLetters` may exceed by at most 10 %. */
const SWEEP_SLOWDOWN_TARGET = 1.1;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

/** A mail server on loopback that accepts and counts every message. */
async function startSmtpListener(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const seeded = await createBenchDatabase(base, 'letters_seed');
  const copies: string[] = [];
  const smtp = await startSmtpListener();
  const current: { worker?: ChildService; invoicing?: ChildService } = {};
  const queuePrefixes: string[] = [];
  try {
    const seeding = await timed(() =>
      withClient(seeded.url, async (db) => {
        await seedPortfolio(db, { clients: CLIENTS, invoices: INVOICES, asOf: AS_OF });
        await db.query(
          `UPDATE contracts.clients SET billing_contacts = jsonb_build_array(jsonb_build_object('name', 'Accounts payable', 'email', 'ap-' || id || '@client.example', 'language', 'en')),
                  postal_address = jsonb_build_object('street', 'Street 1', 'postalCode', '10115', 'city', 'Berlin')`,
        );
      }),
    );
    console.log(`seeded ${INVOICES} invoices for ${CLIENTS} clients (each with a billing e-mail) in ${round(seeding.seconds, 1)} s`);
    // Both runs start from the same rows: copies of the seeded database.
    const copy = async (label: string) => {
      const url = siblingDatabaseUrl(base, `ar_bench_letters_${label}_${Date.now().toString(36)}`);
      const name = new URL(url).pathname.slice(1);
      await withClient(base, (db) => db.query(`CREATE DATABASE "${name}" TEMPLATE "${new URL(seeded.url).pathname.slice(1)}"`));
      copies.push(url);
      return url;
    };
    const withoutUrl = await copy('without');
    const withUrl = await copy('with');

    const token = new JwtService({ secret: JWT_SECRET }).sign({ sub: randomUUID(), role: 'finance' }, { expiresIn: 7200 });
    const run = async (databaseUrl: string, smtpUrl: string) => {
      const port = await freePort();
      const queuePrefix = `bench_${Date.now().toString(36)}`;
      queuePrefixes.push(queuePrefix);
      current.worker = await startChild(
        'dist/apps/collections/src/main.js',
        { DATABASE_URL: databaseUrl, COLLECTIONS_PORT: String(port), JWT_SECRET, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', COLLECTIONS_SWEEP_CRON: 'off', SMTP_URL: smtpUrl, MAIL_FROM: 'ar@bench.example' },
        `http://127.0.0.1:${port}/health/ready`,
        192,
      );
      // The invoicing service relays its own outbox (letter.queued) to the worker, as in production.
      const invoicingPort = await freePort();
      current.invoicing = await startChild(
        'dist/apps/invoicing/src/main.js',
        { DATABASE_URL: databaseUrl, INVOICING_PORT: String(invoicingPort), JWT_SECRET, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', SMTP_URL: smtpUrl },
        `http://127.0.0.1:${invoicingPort}/health/ready`,
        192,
      );
      const res = await fetch(`http://127.0.0.1:${port}/v1/sweeps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ asOf: AS_OF }),
      });
      const { id } = (await res.json()) as { id: string };
      const started = process.hrtime.bigint();
      for (;;) {
        const sweep = (await (await fetch(`http://127.0.0.1:${port}/v1/sweeps/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { status: string; stats: Record<string, number> };
        if (sweep.status === 'failed') throw new Error('sweep failed');
        if (sweep.status === 'completed') return { sweepSeconds: Number(process.hrtime.bigint() - started) / 1e9, started, stats: sweep.stats };
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    await withClient(withoutUrl, (db) => db.query(`UPDATE collections.dunning_policy_levels SET letter = 'none' WHERE policy_id = $1`, [STANDARD_POLICY_ID]));
    const without = await run(withoutUrl, '');
    console.log(`sweep without letters: ${round(without.sweepSeconds)} s, stats ${JSON.stringify(without.stats)}`);
    await current.worker?.stop();
    await current.invoicing?.stop();
    current.worker = undefined;

    const withLetters = await run(withUrl, smtp.url);
    console.log(`sweep with letters due: ${round(withLetters.sweepSeconds)} s, stats ${JSON.stringify(withLetters.stats)}`);
    // Every letter the sweep asked for exists and is sent (by e-mail) or left to post.
    const progress = () =>
      withClient(withUrl, async (db) => (await db.query(
        `SELECT (SELECT count(*) FROM collections.outbox_events WHERE type = 'dunning.letter_requested')::int AS requested,
                count(*)::int AS letters, (count(*) FILTER (WHERE status IN ('sent', 'posted', 'draft', 'failed')))::int AS done,
                (count(*) FILTER (WHERE status = 'sent'))::int AS sent, (count(*) FILTER (WHERE status = 'failed'))::int AS failed
         FROM invoicing.letters`,
      )).rows[0] as { requested: number; letters: number; done: number; sent: number; failed: number });
    let state = await progress();
    const deadline = Date.now() + Number(process.env.BENCH_LETTERS_TIMEOUT_S ?? 3600) * 1000;
    let lastReport = Date.now();
    while (!(state.letters >= state.requested && state.done === state.letters) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      state = await progress();
      if (Date.now() - lastReport > Number(process.env.BENCH_REPORT_S ?? 30) * 1000) {
        lastReport = Date.now();
        const outbox = await withClient(withUrl, async (db) => (await db.query(
          `SELECT (SELECT count(*) FROM collections.outbox_events WHERE published_at IS NULL)::int AS collections_pending,
                  (SELECT count(*) FROM invoicing.outbox_events WHERE published_at IS NULL)::int AS invoicing_pending`,
        )).rows[0]);
        console.log(`  … ${state.letters}/${state.requested} letters produced, ${state.sent} sent after ${round(Number(process.hrtime.bigint() - withLetters.started) / 1e9, 0)} s; events not handed over yet ${JSON.stringify(outbox)}`);
      }
    }
    const seconds = Number(process.hrtime.bigint() - withLetters.started) / 1e9;
    const peakRssMb = (current.worker as ChildService | undefined)?.peakRssMb() ?? NaN;
    const lettersPerSecond = round(state.letters / seconds, 1);
    console.log(`letters: ${state.letters} of ${state.requested} requested, ${state.sent} e-mailed (${smtp.received()} received by the listener), ${state.failed} failed, in ${round(seconds)} s from the sweep's start`);
    const slowdown = withLetters.sweepSeconds / without.sweepSeconds;
    const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
    console.log(
      `targets: >= 100 letters/s end to end (${verdict(lettersPerSecond >= 100)}, ${lettersPerSecond}), sweep <= 10 % slower with letters due (${verdict(slowdown <= SWEEP_SLOWDOWN_TARGET)}, ${round((slowdown - 1) * 100, 1)} %), worker RSS < 300 MB (${verdict(peakRssMb < 300)}, ${peakRssMb} MB)`,
    );
    console.log(
      JSON.stringify({
        bench: 'letters', letters: state.letters, seconds: round(seconds), lettersPerSecond,
        sweepSecondsWithLetters: round(withLetters.sweepSeconds), sweepSecondsWithout: round(without.sweepSeconds), peakRssMb,
      }),
    );
  } finally {
    await current.worker?.stop();
    await current.invoicing?.stop();
    await smtp.close();
    // BENCH_KEEP=1 leaves the databases and queues behind for a look after a run.
    if (process.env.BENCH_KEEP === '1') {
      console.log(`kept: ${copies.join(' ')} and queue prefixes ${queuePrefixes.join(' ')}`);
    } else {
      for (const url of copies) await dropDatabase(url);
      await seeded.drop();
      for (const prefix of queuePrefixes) await deleteKeysWithPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
