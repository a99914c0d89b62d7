import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { seedPortfolio } from '../../tools/portfolio-seed';
import { deleteKeysWithPrefix } from '../../tools/redis-admin';
import { createBenchDatabase, withClient } from '../support/bench-database';
import { freePort } from '../../tools/child-process';
import { startChild } from '../support/child-service';

const INVOICES = Number(process.env.BENCH_INVOICES ?? 1_000_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const AS_OF = '2026-06-30';
const NEXT_DAY = '2026-07-01';
const JWT_SECRET = 'bench-secret-not-for-production';

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = await createBenchDatabase(base, 'sweep');
  let stopWorker: (() => Promise<void>) | undefined;
  const queuePrefix = `bench_${Date.now().toString(36)}`;
  try {
    const seeded = await timed(() => withClient(database.url, (db) => seedPortfolio(db, { clients: CLIENTS, invoices: INVOICES, asOf: AS_OF })));
    const overdue = await withClient(database.url, async (db) =>
      Number((await db.query(`SELECT count(*) FROM invoicing.invoices WHERE due_date < $1`, [AS_OF])).rows[0].count),
    );
    console.log(`seeded ${INVOICES} invoices (${overdue} overdue) for ${CLIENTS} clients in ${round(seeded.seconds, 1)} s`);

    // Baseline: one bare UPDATE setting an overdue flag and a level on a copy of the same rows.
    const baseline = await withClient(database.url, async (db) => {
      await db.query(`CREATE TABLE public.baseline_invoices AS SELECT id, due_date, total AS balance, false AS overdue, 0 AS level FROM invoicing.invoices`);
      await db.query('ANALYZE public.baseline_invoices');
      return timed(() =>
        db.query(
          `UPDATE public.baseline_invoices SET overdue = true,
             level = CASE WHEN $1::date - due_date >= 60 THEN 4 WHEN $1::date - due_date >= 30 THEN 3
                          WHEN $1::date - due_date >= 14 THEN 2 WHEN $1::date - due_date >= 3 THEN 1 ELSE 0 END
           WHERE due_date < $1::date AND balance > 0`,
          [AS_OF],
        ),
      );
    });
    console.log(`baseline (one UPDATE of overdue flag and level): ${round(baseline.seconds)} s`);

    const port = await freePort();
    const worker = await startChild(
      'dist/apps/collections/src/main.js',
      {
        DATABASE_URL: database.url,
        COLLECTIONS_PORT: String(port),
        JWT_SECRET,
        QUEUE_PREFIX: queuePrefix,
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
        COLLECTIONS_SWEEP_CRON: 'off',
      },
      `http://127.0.0.1:${port}/health/ready`,
      192,
    );
    stopWorker = worker.stop;
    const token = new JwtService({ secret: JWT_SECRET }).sign({ sub: randomUUID(), role: 'finance' }, { expiresIn: 3600 });
    const sweepUntilDone = async (asOf: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/v1/sweeps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ asOf }),
      });
      const { id } = (await res.json()) as { id: string };
      for (;;) {
        const sweep = (await (await fetch(`http://127.0.0.1:${port}/v1/sweeps/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
          status: string;
          stats: Record<string, number>;
        };
        if (sweep.status === 'completed' || sweep.status === 'failed') return sweep;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const state = () =>
      withClient(database.url, async (db) => (await db.query(
        `SELECT (SELECT count(*) FROM collections.tasks) AS tasks, (SELECT count(*) FROM collections.outbox_events) AS events,
                (SELECT sum(level) FROM collections.invoice_dunning) AS levels, (SELECT count(*) FROM collections.solvency_assessments) AS assessments`,
      )).rows[0]);

    const first = await timed(() => sweepUntilDone(AS_OF));
    if (first.value.status !== 'completed') throw new Error('first sweep failed');
    console.log(`first sweep: ${round(first.seconds)} s, stats ${JSON.stringify(first.value.stats)}`);
    const before = await state();
    const second = await timed(() => sweepUntilDone(AS_OF));
    const after = await state();
    const unchanged = JSON.stringify(before) === JSON.stringify(after);
    console.log(`second sweep of the same asOf: ${round(second.seconds, 3)} s, state unchanged: ${unchanged}`);
    const nextDay = await timed(() => sweepUntilDone(NEXT_DAY));
    const peakRssMb = worker.peakRssMb();
    console.log(`next-day sweep (${NEXT_DAY}, full rescan): ${round(nextDay.seconds)} s, stats ${JSON.stringify(nextDay.value.stats)}`);
    console.log(`worker peak RSS: ${peakRssMb} MB`);

    // A lower bound for any sweep that meets the issue: merely writing the events it must announce (copies
    // of this sweep's invoice.overdue and invoice.dunning_level_changed rows, in one INSERT, rolled back).
    await worker.stop();
    const eventFloor = await withClient(database.url, async (db) => {
      await db.query('BEGIN');
      try {
        await db.query(
          `CREATE TEMP TABLE floor_events ON COMMIT DROP AS
           SELECT ('ff' || lpad(to_hex(row_number() OVER (ORDER BY id)), 30, '0'))::uuid AS id, type, aggregate_id, data, occurred_at
           FROM collections.outbox_events WHERE type IN ('invoice.overdue', 'invoice.dunning_level_changed')`,
        );
        return await timed(() => db.query(`INSERT INTO collections.outbox_events (id, type, aggregate_id, data, occurred_at) SELECT * FROM floor_events`));
      } finally {
        await db.query('ROLLBACK');
      }
    });
    console.log(
      `floor: writing the sweep's ${eventFloor.value.rowCount} invoice events alone takes ${round(eventFloor.seconds)} s = ${round(eventFloor.seconds / baseline.seconds)}x the baseline`,
    );

    const ratio = round(first.seconds / baseline.seconds);
    const rowsPerSecond = Math.round(overdue / first.seconds);
    console.log(`rows/s (overdue invoices swept): ${rowsPerSecond}`);
    console.log(
      `targets: within 3x of baseline (${ratio <= 3 ? 'met' : 'MISSED'}, ${ratio}x), second sweep < 10 % of first (${second.seconds < first.seconds / 10 && unchanged ? 'met' : 'MISSED'}), peak RSS < 300 MB (${peakRssMb < 300 ? 'met' : 'MISSED'})`,
    );
    console.log(
      JSON.stringify({ bench: 'sweep', invoices: INVOICES, seconds: round(first.seconds), secondSweepSeconds: round(second.seconds, 3), baselineSeconds: round(baseline.seconds), ratio, peakRssMb }),
    );
  } finally {
    await stopWorker?.();
    await database.drop();
    await deleteKeysWithPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', queuePrefix);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
