import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { from } from 'pg-copy-streams';
import { freePort } from '../../tools/child-process';
import { deleteKeysWithPrefix } from '../../tools/redis-admin';
import { seedReceivables } from '../payments-ingest/seed';
import { startChild } from '../support/child-service';
import { createBenchDatabase, withClient } from '../support/bench-database';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10_000);
const ACCOUNT = 'DE02120300000000202051';
const JWT_SECRET = 'bench-secret-not-for-production';
const BOOKED = '2026-02-10';

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const amountOf = (invoice: number) => 10_000 + (invoice % 5000);

/**
 * One entry per open invoice (for the first ENTRIES invoices): a third quote the number as a structured creditor
 * reference, a third in the remittance text, a sixth come from an IBAN nobody learnt and a sixth say nothing
 * useful (both end in the suspense list).
 */
function entryXml(i: number): string {
  const amount = (amountOf(i) / 100).toFixed(2);
  const kind = i % 6;
  const details =
    kind < 2 ? `<RmtInf><Strd><CdtrRefInf><Ref>B-${i}</Ref></CdtrRefInf></Strd></RmtInf>`
    : kind < 4 ? `<RmtInf><Ustrd>Payment for invoice B-${i}, thank you</Ustrd></RmtInf>`
    : kind === 4 ? `<RltdPties><DbtrAcct><Id><IBAN>DE${String(10_000_000 + i).padStart(20, '0')}</IBAN></Id></DbtrAcct></RltdPties>`
    : `<RmtInf><Ustrd>Thank you for your service</Ustrd></RmtInf>`;
  return `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${BOOKED}</Dt></BookgDt><AcctSvcrRef>BENCH-${i}</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>E2E-${i}</EndToEndId></Refs>${details}</TxDtls></NtryDtls></Ntry>\n`;
}

async function writeStatement(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>BENCH-${Date.now()}</MsgId><CreDtTm>2026-02-10T20:00:00Z</CreDtTm></GrpHdr><Stmt><Id>BENCH-1</Id><Acct><Id><IBAN>${ACCOUNT}</IBAN></Id><Ccy>EUR</Ccy></Acct>\n`);
  for (let i = 1; i <= ENTRIES; i++) if (!out.write(entryXml(i))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  out.end('</Stmt></BkToCstmrStmt></Document>\n');
  await finished(out);
}

/** The floor: COPY of the same entries' reference, amount and date into a scratch table, in the same database. */
async function copyBaseline(url: string): Promise<number> {
  return withClient(url, async (db) => {
    await db.query('CREATE TEMP TABLE bench_entries (reference text, amount bigint, booked date)');
    const started = process.hrtime.bigint();
    const stream = db.query(from('COPY bench_entries FROM STDIN'));
    // In chunks of 10,000 rows, so that the floor measures Postgres, not a generator yielding row by row.
    await finished(Readable.from((function* () {
      for (let start = 1; start <= ENTRIES; start += 10_000) {
        let chunk = '';
        for (let i = start; i < start + 10_000 && i <= ENTRIES; i++) chunk += `B-${i}\t${amountOf(i)}\t${BOOKED}\n`;
        yield chunk;
      }
    })()).pipe(stream));
    return Number(process.hrtime.bigint() - started) / 1e9;
  });
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = await createBenchDatabase(base, 'bank');
  const queuePrefix = `bench_${Date.now().toString(36)}`;
  const work = mkdtempSync(join(tmpdir(), 'ar-bank-bench-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    await withClient(database.url, (db) => seedReceivables(db, CLIENTS, INVOICES));
    const file = join(work, 'statement.xml');
    await writeStatement(file);
    console.log(`seeded ${INVOICES} open invoices for ${CLIENTS} clients; camt.053 with ${ENTRIES} entries, ${round(statSync(file).size / 1024 / 1024, 1)} MB`);

    const env = { DATABASE_URL: database.url, JWT_SECRET, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', SENDER_IBAN: ACCOUNT, COLLECTIONS_SWEEP_CRON: 'off' };
    const invoicingPort = await freePort();
    const invoicing = await startChild('dist/apps/invoicing/src/main.js', { ...env, INVOICING_PORT: String(invoicingPort) }, `http://127.0.0.1:${invoicingPort}/health/ready`);
    stops.push(invoicing.stop);
    const workerPort = await freePort();
    const worker = await startChild('dist/apps/collections/src/main.js', { ...env, COLLECTIONS_PORT: String(workerPort) }, `http://127.0.0.1:${workerPort}/health/ready`, 192);
    stops.push(worker.stop);
    const token = new JwtService({ secret: JWT_SECRET }).sign({ sub: randomUUID(), role: 'finance' }, { expiresIn: 3600 });

    const started = process.hrtime.bigint();
    const response = await fetch(`http://127.0.0.1:${invoicingPort}/v1/bank-statements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      body: readFileSync(file),
    });
    const accepted = (await response.json()) as { id: string; status: string };
    const storedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`import answered ${response.status} after ${round(storedSeconds)} s (parsed and stored)`);
    let statement: Record<string, number | string>;
    for (;;) {
      statement = (await (await fetch(`http://127.0.0.1:${invoicingPort}/v1/bank-statements/${accepted.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, number | string>;
      if (statement.status !== 'processing') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`statement ${statement.status}: ${JSON.stringify(statement)}`);
    const payments = await withClient(database.url, async (db) => Number((await db.query(`SELECT count(*) FROM invoicing.payments WHERE source_key = 'bank'`)).rows[0].count));
    const peakRssMb = Math.max(invoicing.peakRssMb(), worker.peakRssMb());
    const baselineSeconds = await copyBaseline(database.url);
    const entriesPerSecond = Math.round(ENTRIES / seconds);
    const ratio = round(seconds / baselineSeconds);
    console.log(`payments recorded: ${payments}; end to end ${round(seconds)} s = ${entriesPerSecond} entries/s (target ≥ 10,000); COPY baseline ${round(baselineSeconds, 3)} s, ratio ${ratio} (target ≤ 10); peak RSS ${peakRssMb} MB (target < 300)`);
    console.log(JSON.stringify({ bench: 'bank-import', entries: ENTRIES, seconds: round(seconds), entriesPerSecond, baselineSeconds: round(baselineSeconds, 3), ratio, peakRssMb }));
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
    await deleteKeysWithPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', queuePrefix).catch(() => undefined);
    await database.drop();
  }
}

void main();
