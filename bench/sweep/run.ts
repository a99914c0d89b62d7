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
const THIRTY_DAYS_LATER = '2026-07-31';
/** What a sweep writes: the tables whose rows the floor inserts again. */
const OUTPUT_TABLES = ['collections.invoice_dunning', 'collections.outbox_events', 'collections.tasks', 'collections.solvency_assessments', 'collections.client_solvency'];
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

    const port = await freePort();
    const workerEnvironment = {
      DATABASE_URL: database.url,
      COLLECTIONS_PORT: String(port),
      JWT_SECRET,
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      COLLECTIONS_SWEEP_CRON: 'off',
    };
    const worker = await startChild('dist/apps/collections/src/main.js', workerEnvironment, `http://127.0.0.1:${port}/health/ready`, 192);
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
    console.log(`first sweep (${AS_OF}): ${round(first.seconds)} s, stats ${JSON.stringify(first.value.stats)}`);
    const before = await state();
    const repeat = await timed(() => sweepUntilDone(AS_OF));
    const after = await state();
    const unchanged = JSON.stringify(before) === JSON.stringify(after);
    console.log(`same asOf again: ${round(repeat.seconds, 3)} s, state unchanged: ${unchanged}`);

    // The floor: writing the first sweep's outputs (dunning rows, events, tasks, assessments), computed
    // beforehand, with plain INSERT … SELECT statements, rolled back. Taken before later sweeps add to them.
    const firstWorkerRssMb = worker.peakRssMb();
    await worker.stop();
    const floor = await withClient(database.url, async (db) => {
      await db.query('BEGIN');
      try {
        const copies = OUTPUT_TABLES.map((table, i) => ({ table, copy: `floor_${i}` }));
        for (const { table, copy } of copies) await db.query(`CREATE TEMP TABLE ${copy} ON COMMIT DROP AS SELECT * FROM ${table}`);
        for (const { table } of [...copies].reverse()) await db.query(`DELETE FROM ${table}`);
        let rows = 0;
        const timing = await timed(async () => {
          for (const { table, copy } of copies) rows += (await db.query(`INSERT INTO ${table} SELECT * FROM ${copy}`)).rowCount ?? 0;
        });
        return { seconds: timing.seconds, rows };
      } finally {
        await db.query('ROLLBACK');
      }
    });
    console.log(`floor: INSERT … SELECT of the first sweep's ${floor.rows} output rows: ${round(floor.seconds)} s`);

    const restarted = await startChild('dist/apps/collections/src/main.js', workerEnvironment, `http://127.0.0.1:${port}/health/ready`, 192);
    stopWorker = restarted.stop;
    const nextDay = await timed(() => sweepUntilDone(NEXT_DAY));
    console.log(`next-day sweep (${NEXT_DAY}, no new payments): ${round(nextDay.seconds)} s, stats ${JSON.stringify(nextDay.value.stats)}`);
    const later = await timed(() => sweepUntilDone(THIRTY_DAYS_LATER));
    console.log(`sweep 30 days later (${THIRTY_DAYS_LATER}): ${round(later.seconds)} s, stats ${JSON.stringify(later.value.stats)}`);
    const peakRssMb = Math.max(firstWorkerRssMb, restarted.peakRssMb());
    console.log(`worker peak RSS: ${peakRssMb} MB`);

    const ratio = round(first.seconds / floor.seconds);
    console.log(`rows/s (overdue invoices swept): ${Math.round(overdue / first.seconds)}`);
    const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
    console.log(
      `targets: first sweep within 4x of the floor (${verdict(ratio <= 4)}, ${ratio}x), next day <= 15 % of the first (${verdict(nextDay.seconds <= first.seconds * 0.15)}, ${round((100 * nextDay.seconds) / first.seconds, 1)} %), same asOf again < 10 % (${verdict(repeat.seconds < first.seconds / 10 && unchanged)}), peak RSS < 300 MB (${verdict(peakRssMb < 300)})`,
    );
    console.log(
      JSON.stringify({
        bench: 'sweep',
        invoices: INVOICES,
        seconds: round(first.seconds),
        nextDaySeconds: round(nextDay.seconds),
        secondSweepSeconds: round(repeat.seconds, 3),
        laterSweepSeconds: round(later.seconds),
        floorSeconds: round(floor.seconds),
        ratio,
        peakRssMb,
      }),
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
