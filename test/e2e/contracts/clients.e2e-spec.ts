import { ContractsAppModule } from '../../../apps/contracts/src/contracts-app.module';
import { ContractsFactory, countRows, expectProblem, RunningService, startService, tokenFor, withDatabase } from '@ar/testing';

describe('contracts service: clients', () => {
  let service: RunningService;
  let factory: ContractsFactory;

  beforeAll(async () => {
    service = await startService(ContractsAppModule);
    factory = new ContractsFactory(service.api);
  });
  afterAll(() => service.close());

  it('creates a client with defaults and the documented shape, and writes client.created to the outbox', async () => {
    const manager = await factory.newUser();
    const res = await factory.admin.post('/v1/clients', {
      name: 'Muster GmbH',
      country: 'DE',
      accountManagerId: manager.id,
      creditLimit: { amount: 5_000_000, currency: 'EUR' },
      externalId: `ERP-${Date.now()}`,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Muster GmbH',
      country: 'DE',
      type: 'business',
      accountManagerId: manager.id,
      creditLimit: { amount: 5_000_000, currency: 'EUR' },
      status: 'active',
      riskClass: null,
    });
    const events = await withDatabase((db) =>
      db.query(`SELECT type, data FROM contracts.outbox_events WHERE aggregate_id = $1`, [res.body.id]),
    );
    expect(events.rows).toEqual([expect.objectContaining({ type: 'client.created' })]);
  });

  it('lets an account manager create only their own clients and never set a credit limit', async () => {
    const manager = await factory.newUser();
    const other = await factory.newUser();
    const own = await manager.api.post('/v1/clients', { name: 'Own AG', country: 'AT', accountManagerId: manager.id, type: 'consumer' });
    expect(own.status).toBe(201);
    expect(own.body.type).toBe('consumer');

    const before = await countRows('contracts.clients');
    expectProblem(await manager.api.post('/v1/clients', { name: 'Theirs', country: 'DE', accountManagerId: other.id }), 403);
    expectProblem(
      await manager.api.post('/v1/clients', {
        name: 'Greedy',
        country: 'DE',
        accountManagerId: manager.id,
        creditLimit: { amount: 1, currency: 'EUR' },
      }),
      403,
    );
    expect(await countRows('contracts.clients')).toBe(before);
  });

  it('hides other managers’ clients behind 404, in reads, lists and writes', async () => {
    const manager = await factory.newUser();
    const other = await factory.newUser();
    const theirs = await factory.newClient(other.id);
    const mine = await factory.newClient(manager.id);

    expectProblem(await manager.api.get(`/v1/clients/${theirs.id}`), 404);
    expectProblem(await manager.api.patch(`/v1/clients/${theirs.id}`, { name: 'Hijacked' }), 404);
    expect((await factory.admin.get(`/v1/clients/${theirs.id}`)).body.name).toBe('Muster GmbH');

    const list = await manager.api.get('/v1/clients?limit=500');
    const ids = list.body.data.map((c: { id: string }) => c.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
  });

  it('shows a deputy the clients of an absent manager, and only while the absence lasts', async () => {
    const deputy = await factory.newUser();
    const absent = await factory.newUser('account_manager', { deputyId: deputy.id, absentUntil: '2999-12-31' });
    const client = await factory.newClient(absent.id);
    expect((await deputy.api.get(`/v1/clients/${client.id}`)).status).toBe(200);

    await factory.admin.patch(`/v1/users/${absent.id}`, { absentUntil: '2000-01-01' });
    expectProblem(await deputy.api.get(`/v1/clients/${client.id}`), 404);
  });

  it('refuses restricted fields to account managers with 403 and changes nothing', async () => {
    const manager = await factory.newUser();
    const client = await factory.newClient(manager.id);
    for (const body of [
      { accountManagerId: manager.id },
      { creditLimit: { amount: 100, currency: 'EUR' } },
      { status: 'active' },
      { riskClass: 'A' },
      { name: 'Renamed', status: 'blocked' },
    ]) {
      expectProblem(await manager.api.patch(`/v1/clients/${client.id}`, body), 403);
    }
    const after = await factory.admin.get(`/v1/clients/${client.id}`);
    expect(after.body).toEqual(client);

    const allowed = await manager.api.patch(`/v1/clients/${client.id}`, { name: 'Renamed GmbH', segment: 'SME', language: 'de' });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toMatchObject({ name: 'Renamed GmbH', segment: 'SME', language: 'de' });
  });

  it('lets finance change the credit limit and block a client, each announced in the outbox', async () => {
    const manager = await factory.newUser();
    const client = await factory.newClient(manager.id);
    const finance = service.api.as(tokenFor('finance'));
    const res = await finance.patch(`/v1/clients/${client.id}`, { creditLimit: { amount: 250_000, currency: 'EUR' }, status: 'blocked' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ creditLimit: { amount: 250_000, currency: 'EUR' }, status: 'blocked' });
    const types = await withDatabase(async (db) =>
      (await db.query(`SELECT type FROM contracts.outbox_events WHERE aggregate_id = $1 ORDER BY id`, [client.id])).rows.map((r) => r.type),
    );
    expect(types).toEqual(expect.arrayContaining(['client.created', 'client.credit_limit_changed', 'client.blocked']));
    // Finance may not reassign the client.
    expectProblem(await finance.patch(`/v1/clients/${client.id}`, { accountManagerId: manager.id }), 403);
  });

  it('lets a head of sales reassign a client, after which the old manager no longer sees it', async () => {
    const from = await factory.newUser();
    const to = await factory.newUser();
    const client = await factory.newClient(from.id);
    const res = await service.api.as(tokenFor('head_of_sales')).patch(`/v1/clients/${client.id}`, { accountManagerId: to.id });
    expect(res.status).toBe(200);
    expectProblem(await from.api.get(`/v1/clients/${client.id}`), 404);
    expect((await to.api.get(`/v1/clients/${client.id}`)).status).toBe(200);
  });

  it.each([
    ['missing country', { name: 'A' }],
    ['bad country', { name: 'A', country: 'Germany' }],
    ['bad type', { name: 'A', country: 'DE', type: 'government' }],
    ['negative credit limit', { name: 'A', country: 'DE', creditLimit: { amount: -1, currency: 'EUR' } }],
    ['fractional credit limit', { name: 'A', country: 'DE', creditLimit: { amount: 10.5, currency: 'EUR' } }],
    ['unknown currency', { name: 'A', country: 'DE', creditLimit: { amount: 10, currency: 'EURO' } }],
    ['unknown field', { name: 'A', country: 'DE', status: 'active' }],
  ])('rejects %s with 400 and writes nothing', async (_, body) => {
    const manager = await factory.newUser();
    const before = await countRows('contracts.clients');
    const res = await factory.admin.post('/v1/clients', { accountManagerId: manager.id, ...body });
    expectProblem(res, 400);
    expect(await countRows('contracts.clients')).toBe(before);
  });

  it('answers 422 for an account manager that does not exist and 409 for a duplicate externalId', async () => {
    expectProblem(
      await factory.admin.post('/v1/clients', { name: 'A', country: 'DE', accountManagerId: '01900000-0000-7000-8000-000000000001' }),
      422,
    );
    const manager = await factory.newUser();
    const externalId = `ERP-dup-${Date.now()}`;
    await factory.newClient(manager.id, { externalId });
    expectProblem(await factory.admin.post('/v1/clients', { name: 'B', country: 'DE', accountManagerId: manager.id, externalId }), 409);
  });

  it('filters the list by status and externalId', async () => {
    const manager = await factory.newUser();
    const externalId = `ERP-filter-${Date.now()}`;
    const client = await factory.newClient(manager.id, { externalId });
    const byExternal = await factory.admin.get(`/v1/clients?externalId=${externalId}`);
    expect(byExternal.body.data.map((c: { id: string }) => c.id)).toEqual([client.id]);
    const byManager = await factory.admin.get(`/v1/clients?accountManagerId=${manager.id}&status=active`);
    expect(byManager.body.data).toHaveLength(1);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    expectProblem(await factory.admin.get('/v1/clients/01900000-0000-7000-8000-000000000002'), 404);
    expectProblem(await factory.admin.get('/v1/clients/not-a-uuid'), 404);
  });

  describe('billing contacts and postal address', () => {
    const contact = { name: 'Erika Mustermann', email: 'buchhaltung@muster.example', language: 'de' };
    const address = { street: 'Hafenstraße 12', postalCode: '20457', city: 'Hamburg' };

    it('are kept by finance roles and shown to whoever sees the client', async () => {
      const manager = await factory.newUser();
      const client = await factory.newClient(manager.id, { billingContacts: [contact], postalAddress: address });
      expect(client).toMatchObject({ billingContacts: [contact], postalAddress: address });
      const financeApi = service.api.as(tokenFor('finance'));
      const changed = await financeApi.patch(`/v1/clients/${client.id}`, { billingContacts: [{ name: 'AP desk', email: 'ap@muster.example' }] });
      expect(changed.status).toBe(200);
      expect(changed.body.billingContacts).toEqual([{ name: 'AP desk', email: 'ap@muster.example', language: null }]);
      const seen = await manager.api.get(`/v1/clients/${client.id}`);
      expect(seen.body).toMatchObject({ billingContacts: [{ email: 'ap@muster.example' }], postalAddress: address });
    });

    it('refuses contacts from an account manager (403), but not the address, and changes nothing', async () => {
      const manager = await factory.newUser();
      const client = await factory.newClient(manager.id);
      expectProblem(await manager.api.patch(`/v1/clients/${client.id}`, { billingContacts: [contact] }), 403);
      expectProblem(await manager.api.post('/v1/clients', { name: 'X', country: 'DE', accountManagerId: manager.id, billingContacts: [contact] }), 403);
      expect((await manager.api.patch(`/v1/clients/${client.id}`, { postalAddress: address })).body.postalAddress).toEqual(address);
      expect((await manager.api.get(`/v1/clients/${client.id}`)).body.billingContacts).toEqual([]);
    });

    it('validates them: an e-mail address, a known language, at most five, no null list', async () => {
      const manager = await factory.newUser();
      const client = await factory.newClient(manager.id);
      for (const billingContacts of [[{ name: 'A', email: 'not-an-address' }], [{ ...contact, language: 'fr' }], Array(6).fill(contact), null]) {
        expectProblem(await factory.admin.patch(`/v1/clients/${client.id}`, { billingContacts }), 400);
      }
      expectProblem(await factory.admin.patch(`/v1/clients/${client.id}`, { postalAddress: { street: 'x' } }), 400);
      expect((await factory.admin.get(`/v1/clients/${client.id}`)).body).toMatchObject({ billingContacts: [], postalAddress: null });
    });
  });
});
