import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { seedPortfolio } from '../../../tools/portfolio-seed';
import { eventually, IsolatedEnvironment, isolatedEnvironment, ServiceProcess, startServiceProcess, stopProcess, tokenFor } from '@ar/testing';

const AS_OF = '2026-06-30';
const SIZE = { clients: 1000, invoices: 20_000, asOf: AS_OF };

type Worker = ServiceProcess;

/** Every worker process this file started, so that none outlives it. */
const spawned: ChildProcess[] = [];

/** A collections worker as its own process, exactly as `npm run start:collections` runs it. */
async function startWorker(env: IsolatedEnvironment): Promise<Worker> {
  const worker = await startServiceProcess('dist/apps/collections/src/main.js', 'COLLECTIONS_PORT', {
    DATABASE_URL: env.databaseUrl,
    QUEUE_PREFIX: env.queuePrefix,
    SWEEP_BATCH_SIZE: '100',
    LOG_LEVEL: 'warn',
  });
  spawned.push(worker.process);
  return worker;
}

async function requestSweep(worker: Worker): Promise<{ id: string }> {
  const res = await fetch(`${worker.url}/v1/sweeps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokenFor('finance')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ asOf: AS_OF }),
  });
  return (await res.json()) as { id: string };
}

async function sweepRow(url: string, id: string) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(`SELECT status, checkpoint, stats FROM collections.sweeps WHERE id = $1`, [id])).rows[0];
  } finally {
    await db.end();
  }
}

/** The state a sweep leaves behind, keyed by natural keys so two databases can be compared. */
async function outcome(url: string) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const q = async (sql: string) => (await db.query(sql)).rows;
    return {
      dunning: await q(`SELECT invoice_id, level, interest_amount::text, fee_amount::text FROM collections.invoice_dunning ORDER BY invoice_id`),
      tasks: await q(`SELECT client_id, type, dunning_level, invoice_ids, amount_overdue::text, status, assignee_id FROM collections.tasks ORDER BY client_id, type, dunning_level`),
      assessments: await q(`SELECT client_id, count(*)::int AS n, max(decision) AS decision FROM collections.solvency_assessments GROUP BY client_id ORDER BY client_id`),
      events: await q(`SELECT type, count(*)::int AS n FROM collections.outbox_events GROUP BY type ORDER BY type`),
      sweep: (await q(`SELECT status, stats FROM collections.sweeps`))[0],
    };
  } finally {
    await db.end();
  }
}

describe('collections sweep: crash recovery and concurrent workers', () => {
  let killed: IsolatedEnvironment;
  let clean: IsolatedEnvironment;

  beforeAll(async () => {
    killed = await isolatedEnvironment('killed');
    clean = await isolatedEnvironment('clean');
    for (const env of [killed, clean]) {
      const db = new Client({ connectionString: env.databaseUrl });
      await db.connect();
      await seedPortfolio(db, SIZE);
      await db.end();
    }
  });
  afterAll(async () => {
    await Promise.all(spawned.map((child) => stopProcess(child, 'SIGKILL')));
    await killed.restore();
    await clean.restore();
  });

  it('ends in the same state after a SIGKILL mid-sweep as an uninterrupted run by two workers at once', async () => {
    // Uninterrupted: two workers started at once, both asked for the same sweep.
    const [a, b] = await Promise.all([startWorker(clean), startWorker(clean)]);
    const [first, second] = await Promise.all([requestSweep(a), requestSweep(b)]);
    expect(first.id).toBe(second.id);
    await eventually(() => sweepRow(clean.databaseUrl, first.id), (s) => s.status === 'completed', 60_000);

    // Interrupted: kill the only worker once some batches committed, then start two fresh ones.
    const victim = await startWorker(killed);
    const sweep = await requestSweep(victim);
    const atKill = await eventually(
      () => sweepRow(killed.databaseUrl, sweep.id),
      (s) => s.status === 'running' && s.checkpoint !== null && s.stats.invoicesScanned > 0,
      30_000,
    );
    await stopProcess(victim.process, 'SIGKILL');
    expect(atKill.status).toBe('running');
    const mid = await sweepRow(killed.databaseUrl, sweep.id);
    expect(mid.status).not.toBe('completed');

    await Promise.all([startWorker(killed), startWorker(killed)]);
    await eventually(() => sweepRow(killed.databaseUrl, sweep.id), (s) => s.status === 'completed', 90_000);

    const expected = await outcome(clean.databaseUrl);
    const actual = await outcome(killed.databaseUrl);
    expect(expected.dunning.length).toBe(SIZE.invoices / 5);
    expect(expected.tasks.length).toBeGreaterThan(0);
    expect(actual.dunning).toEqual(expected.dunning);
    expect(actual.tasks).toEqual(expected.tasks);
    expect(actual.assessments).toEqual(expected.assessments);
    expect(actual.events).toEqual(expected.events);
    expect(actual.sweep.stats).toEqual(expected.sweep.stats);
    // One open task per client, type and level — and each assessed client assessed once.
    expect(expected.assessments.every((r: { n: number }) => r.n === 1)).toBe(true);
  }, 240_000);
});
