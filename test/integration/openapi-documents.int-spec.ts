import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunningService, RunningSystem, startSystem } from '@ar/testing';

type Schema = { $ref?: string; type?: string; example?: unknown; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; additionalProperties?: unknown };
type Operation = { responses: Record<string, { content?: Record<string, { schema?: Schema; example?: unknown }> }> };
type Document = { info: unknown; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Parameter order follows decorator evaluation, which differs between a running app and a preview; it means nothing. */
function withSortedParameters(document: Document): Document {
  const copy = JSON.parse(JSON.stringify(document)) as Document;
  for (const item of Object.values(copy.paths)) {
    for (const operation of Object.values(item) as { parameters?: { in: string; name: string }[] }[]) {
      operation.parameters?.sort((a, b) => `${a.in} ${a.name}`.localeCompare(`${b.in} ${b.name}`));
    }
  }
  return copy;
}

/** Whether a schema, followed through $ref, items and properties, shows an example somewhere. */
function hasExample(schema: Schema | undefined, document: Document, seen = new Set<string>()): boolean {
  if (!schema) return false;
  if (schema.example !== undefined) return true;
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return false;
    seen.add(schema.$ref);
    return hasExample(document.components.schemas[schema.$ref.split('/').pop() as string], document, seen);
  }
  return [schema.items, ...(schema.allOf ?? []), ...Object.values(schema.properties ?? {})].some((s) => hasExample(s, document, seen));
}

/**
 * Every operation of the three OpenAPI documents declares its problem+json errors, its success response with a
 * schema (or 202/204 without a body), and an example.
 */
describe('OpenAPI documents', () => {
  let system: RunningSystem;
  const documents: [string, Document][] = [];

  beforeAll(async () => {
    system = await startSystem({ collections: true });
    for (const [name, service] of [['contracts', system.contracts], ['invoicing', system.invoicing], ['collections', system.collections as RunningService]] as const) {
      documents.push([name, (await service.api.get('/docs-json')).body as Document]);
    }
  });
  afterAll(() => system.close());

  const operations = () =>
    documents.flatMap(([service, document]) =>
      Object.entries(document.paths).flatMap(([path, item]) =>
        METHODS.filter((m) => item[m]).map((method) => ({ id: `${service} ${method.toUpperCase()} ${path}`, operation: item[method], document })),
      ),
    );

  it('every operation declares the problem+json errors it can answer', () => {
    const without = operations()
      .filter(({ operation }) => !Object.entries(operation.responses).some(([status, r]) => status.startsWith('4') && r.content?.['application/problem+json']))
      .map(({ id }) => id);
    expect(without).toEqual([]);
  });

  it('every operation declares its success response with a schema and an example', () => {
    const undocumented = operations()
      .filter(({ operation, document }) => {
        const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        if (success.some(([status, r]) => ['202', '204'].includes(status) && !r.content)) return false;
        // A document (a letter's PDF) is declared as binary; it has no example to show.
        const binary = success.some(([, r]) => Object.values(r.content ?? {}).some((m) => (m.schema as { format?: string } | undefined)?.format === 'binary'));
        if (binary) return false;
        const media = success.map(([, r]) => r.content?.['application/json']).find((m) => m?.schema);
        return !media || !(media.example !== undefined || hasExample(media.schema, document));
      })
      .map(({ id }) => id)
      .sort();
    expect(undocumented).toEqual([]);
    expect(operations().length).toBeGreaterThan(60);
  });

  it('describes every field with a type: no property left as a bare object (what `string | null` reflects as)', () => {
    const untyped = documents.flatMap(([service, document]) =>
      Object.entries(document.components.schemas).flatMap(([name, schema]) =>
        Object.entries(schema.properties ?? {})
          .filter(([, p]) => (p.items ?? p).type === 'object' && !(p.items ?? p).properties && !(p.items ?? p).allOf && !(p.items ?? p).additionalProperties)
          .map(([property]) => `${service} ${name}.${property}`),
      ),
    );
    expect(untyped).toEqual([]);
  });

  it('is the document published in docs/openapi, from which @ar/client is generated (npm run client:generate)', () => {
    for (const [service, document] of documents) {
      const published = JSON.parse(readFileSync(join(process.cwd(), 'docs', 'openapi', `${service}.json`), 'utf8')) as Document;
      expect(withSortedParameters({ ...document, info: published.info })).toEqual(withSortedParameters(published));
    }
  });
});
