import { randomUUID } from 'node:crypto';
import {
  ApiClient,
  expectProblem,
  IsolatedEnvironment,
  isolatedEnvironment,
  RunningSystem,
  sendSigned,
  startSystem,
  tokenFor,
  withDatabase,
} from '@ar/testing';

// Finding 6 of the hardening review: a cursor this API did not issue, a NUL byte in a string, JSON nested
// ~2,000 levels and an over-long inbound webhook-id answered 500; whitespace-only strings were stored empty.
// Every route of the three services, read from their OpenAPI documents, gets each bad input and must answer
// 4xx problem+json with nothing written.

interface Operation {
  method: string;
  path: string;
  query: string[];
}

async function operationsOf(api: ApiClient): Promise<Operation[]> {
  const document = (await api.get('/docs-json')).body as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      operations.push({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, () => randomUUID()), query });
    }
  }
  return operations;
}

/** Rows in every table of the contexts' schemas: what "nothing written" is checked against. */
async function rowCounts(): Promise<Record<string, number>> {
  return withDatabase(async (db) => {
    const tables = (
      await db.query(`SELECT schemaname || '.' || tablename AS name FROM pg_tables WHERE schemaname IN ('contracts', 'invoicing', 'collections', 'platform') ORDER BY 1`)
    ).rows as { name: string }[];
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await db.query(`SELECT count(*) AS n FROM ${name}`)).rows[0].n);
    return counts;
  });
}

// Deep values under the names of every nested field the API has, so validation would descend into them.
const deepValue = '['.repeat(2000) + ']'.repeat(2000);
const deepJson = `{${['lines', 'levels', 'rates', 'events', 'creditLimit', 'lateInterest', 'cashDiscount', 'data'].map((k) => `"${k}":${deepValue}`).join(',')}}`;
const nulJson = JSON.stringify({ name: 'Muster\u0000GmbH', reason: 'x\u0000', url: 'http://127.0.0.1/\u0000', asOf: '2026-01-01\u0000' });
const foreignCursor = Buffer.from(JSON.stringify(['not-a-uuid'])).toString('base64url');

describe('hardening: bad input on every route answers 4xx problem+json and writes nothing', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  let services: { name: string; api: ApiClient }[];

  beforeAll(async () => {
    env = await isolatedEnvironment('fuzz');
    system = await startSystem({ collections: true });
    services = [
      { name: 'contracts', api: system.contracts.api },
      { name: 'invoicing', api: system.invoicing.api },
      { name: 'collections', api: system.collections!.api },
    ];
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  const expectRefused = (what: string, res: { status: number; contentType: string }) => {
    if (res.status < 400 || res.status >= 500) throw new Error(`${what} answered ${res.status}`);
    expect(res.contentType).toContain('application/problem+json');
  };

  it('refuses JSON nested 2,000 levels deep and NUL bytes in any string, on every route with a body', async () => {
    const before = await rowCounts();
    let sent = 0;
    for (const { name, api } of services) {
      const admin = api.as(tokenFor('admin'));
      for (const op of await operationsOf(api)) {
        if (!['POST', 'PUT', 'PATCH'].includes(op.method)) continue;
        for (const [label, body] of [['deep', deepJson], ['nul', nulJson]]) {
          expectRefused(`${name} ${op.method} ${op.path} (${label})`, await admin.request(op.method, op.path, body, { 'content-type': 'application/json' }));
          sent++;
        }
      }
    }
    expect(sent).toBeGreaterThan(40);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a cursor this API did not issue, and a NUL byte in any query parameter, on every route that reads them', async () => {
    const before = await rowCounts();
    let cursorRoutes = 0;
    for (const { name, api } of services) {
      const admin = api.as(tokenFor('admin'));
      for (const op of await operationsOf(api)) {
        if (op.method !== 'GET') continue;
        if (op.query.includes('cursor')) {
          cursorRoutes++;
          expectRefused(`${name} GET ${op.path}?cursor`, await admin.get(`${op.path}?cursor=${foreignCursor}`));
        }
        for (const param of op.query.filter((q) => q !== 'cursor' && q !== 'limit')) {
          expectRefused(`${name} GET ${op.path}?${param}=NUL`, await admin.get(`${op.path}?${param}=x%00y`));
        }
      }
    }
    expect(cursorRoutes).toBeGreaterThanOrEqual(7);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a NUL byte inside an otherwise valid body (it reached Postgres)', async () => {
    const manager = await system.contractsFactory.newUser('account_manager');
    const before = await rowCounts();
    expectProblem(await system.contractsFactory.admin.post('/v1/clients', { name: 'Muster\u0000GmbH', country: 'DE', accountManagerId: manager.id }), 400);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses whitespace-only required strings instead of storing them empty', async () => {
    const before = await rowCounts();
    const manager = await system.contractsFactory.newUser('account_manager');
    const after = await rowCounts();
    const admin = system.contractsFactory.admin;
    expectProblem(await admin.post('/v1/clients', { name: '   ', country: 'DE', accountManagerId: manager.id }), 400);
    expectProblem(await admin.post('/v1/users', { name: ' \t ', email: `${randomUUID()}@example.test`, role: 'finance' }), 400);
    expect(await rowCounts()).toEqual(after);
    expect(after).not.toEqual(before);
    // Surrounding blanks are trimmed, not kept.
    const client = await admin.post('/v1/clients', { name: '  Muster GmbH  ', country: 'DE', accountManagerId: manager.id });
    expect(client.body.name).toBe('Muster GmbH');
  });

  it('refuses an inbound webhook-id over 255 characters with 400, even when correctly signed', async () => {
    const integration = await system.invoicingFactory.newIntegration();
    const { client } = await system.invoicingFactory.newAccount();
    const before = await rowCounts();
    const res = await sendSigned(
      system.invoicing.api,
      integration.id,
      integration.secret,
      { type: 'payment.received', data: { externalId: 'long-id', clientId: client.id, amount: 100, currency: 'EUR', receivedOn: '2026-01-02' } },
      { messageId: `msg_${'x'.repeat(300)}` },
    );
    expectProblem(res, 400);
    expect(await rowCounts()).toEqual(before);
  });
});
