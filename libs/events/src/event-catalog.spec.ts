import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { eventCatalog } from './event-catalog';

describe('event catalog', () => {
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
  const catalog = eventCatalog();

  it.each(catalog.map((e) => [`${e.source} ${e.type}`, e]))('%s: its example matches its schema', (_name, entry) => {
    const validate = ajv.compile(entry.schema);
    expect(validate(entry.example) ? [] : validate.errors).toEqual([]);
  });

  it('lists each source and type once, every type with a version and a description', () => {
    const keys = catalog.map((e) => `${e.source}:${e.type}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of catalog) expect(e).toMatchObject({ version: expect.any(Number), description: expect.stringMatching(/\S/) });
  });

  it('refuses data with a field its schema does not list, or without one it requires', () => {
    const paid = catalog.find((e) => e.source === 'invoicing' && e.type === 'invoice.paid');
    const validate = ajv.compile(paid?.schema ?? {});
    expect(validate({ ...(paid?.example as object), surprise: 1 })).toBe(false);
    const { total: _total, ...withoutTotal } = paid?.example as Record<string, unknown>;
    expect(validate(withoutTotal)).toBe(false);
  });
});
