import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const SOURCES = ['contracts', 'invoicing', 'collections'] as const;
/** Types that tests write into an outbox themselves to exercise the relay; no context emits them. */
const TEST_ONLY_TYPE = /^test\./;

/** Fails when the report found events their published schema does not describe. */
export function assertEventContract(report: EventContractReport): void {
  if (report.problems.length === 0) return;
  throw new Error(`${report.problems.length} emitted events do not match their published schema (docs/events):\n${report.problems.slice(0, 20).join('\n')}`);
}

export interface EventContractReport {
  checked: number;
  types: number;
  problems: string[];
}

/**
 * Checks every event the run's services wrote to their outboxes against the schema published for its source and
 * type in docs/events (the files subscribers read, not the code that generated them).
 */
export async function checkEmittedEvents(databaseUrl: string): Promise<EventContractReport> {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const dir = join(process.cwd(), 'docs', 'events');
  const validators = new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.schema.json'))
      .map((name) => [name.replace(/\.schema\.json$/, ''), ajv.compile(JSON.parse(readFileSync(join(dir, name), 'utf8')))]),
  );
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const problems: string[] = [];
  const seen = new Set<string>();
  let checked = 0;
  try {
    for (const source of SOURCES) {
      const { rows } = await db.query(`SELECT id, type, data FROM ${source}.outbox_events ORDER BY id`);
      for (const row of rows) {
        if (TEST_ONLY_TYPE.test(row.type)) continue;
        const key = `${source}.${row.type}`;
        checked += 1;
        seen.add(key);
        const validate = validators.get(key);
        if (!validate) problems.push(`${key} ${row.id}: no published schema`);
        else if (!validate(row.data)) problems.push(`${key} ${row.id}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(row.data)}`);
      }
    }
  } finally {
    await db.end();
  }
  return { checked, types: seen.size, problems };
}
