import { eventCatalog } from '@ar/events';
import { expectProblem, RunningSystem, startSystem } from '@ar/testing';

describe('invoicing service: the event catalog', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.close());

  it('lists every event type with its schema, version and an example, for any signed-in role', async () => {
    const { managerApi } = await system.invoicingFactory.newAccount();
    const res = await managerApi.get('/v1/event-types');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(eventCatalog().length);
    const paid = res.body.data.find((e: { source: string; type: string }) => e.source === 'invoicing' && e.type === 'invoice.paid');
    expect(paid).toMatchObject({ version: 1, schema: { type: 'object', required: expect.arrayContaining(['invoiceId', 'total']) }, example: { balance: 0 } });
    // Both contexts announce client.blocked, each with its own data.
    const blocked = res.body.data.filter((e: { type: string }) => e.type === 'client.blocked').map((e: { source: string }) => e.source);
    expect(blocked.sort()).toEqual(['collections', 'contracts']);
  });

  it('answers 401 without a token', async () => {
    const res = await system.invoicing.api.as(undefined).get('/v1/event-types');
    expectProblem(res, 401);
  });
});
