import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_SCHEMA_DIR, eventSchemaFiles } from './publish-event-schemas';

describe('published event schemas (docs/events)', () => {
  it('are exactly what the catalog in @ar/events generates: run npm run events:publish after changing an event', () => {
    const expected = eventSchemaFiles();
    const published = readdirSync(EVENT_SCHEMA_DIR).filter((name) => name.endsWith('.schema.json'));
    expect(published.sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) expect(readFileSync(join(EVENT_SCHEMA_DIR, name), 'utf8')).toBe(content);
  });
});
