import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventCatalog, EventTypeEntry } from '@ar/events';

/** Where the event schemas are published in the repository (npm scripts and jest run at its root). */
export const EVENT_SCHEMA_DIR = join(process.cwd(), 'docs', 'events');

export function schemaFileName(entry: Pick<EventTypeEntry, 'source' | 'type'>): string {
  return `${entry.source}.${entry.type}.schema.json`;
}

/** The published files, name to content: one JSON Schema per source and type, with its example. */
export function eventSchemaFiles(): Map<string, string> {
  return new Map(
    eventCatalog().map((entry) => [
      schemaFileName(entry),
      `${JSON.stringify({ ...entry.schema, title: `${entry.source} ${entry.type}`, description: entry.description, 'x-version': entry.version, examples: [entry.example] }, null, 2)}\n`,
    ]),
  );
}

/** Writes docs/events from the catalog in @ar/events (npm run events:publish). */
function main(): void {
  mkdirSync(EVENT_SCHEMA_DIR, { recursive: true });
  for (const name of readdirSync(EVENT_SCHEMA_DIR)) if (name.endsWith('.schema.json')) rmSync(join(EVENT_SCHEMA_DIR, name));
  const files = eventSchemaFiles();
  for (const [name, content] of files) writeFileSync(join(EVENT_SCHEMA_DIR, name), content);
  console.log(`wrote ${files.size} event schemas to ${EVENT_SCHEMA_DIR}`);
}

if (require.main === module) main();
