import { ContractsAppModule } from '../../../apps/contracts/src/contracts-app.module';
import { ContractsFactory, countRows, expectProblem, RunningService, startService, tokenFor, withDatabase } from '@ar/testing';

describe('contracts service: contracts', () => {
  let service: RunningService;
  let factory: ContractsFactory;

  beforeAll(async () => {
    service = await startService(ContractsAppModule);
    factory = new ContractsFactory(service.api);
  });
  afterAll(() => service.close());

  it('creates a draft contract with every documented field', async () => {
    const manager = await factory.newUser();
    const client = await factory.newClient(manager.id);
    const res = await manager.api.post('/v1/contracts', {
      clientId: client.id,
      number: 'K-2026-001',
      currency: 'EUR',
      paymentTermDays: 30,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      autoRenew: true,
      lateInterest: { rule: 'de_b2b' },
      cashDiscount: { percent: 2, days: 10 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      clientId: client.id,
      number: 'K-2026-001',
      currency: 'EUR',
      paymentTermDays: 30,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      autoRenew: true,
      dunningPolicyId: null,
      lateInterest: { rule: 'de_b2b', annualRatePercent: null },
      cashDiscount: { percent: 2, days: 10 },
      status: 'draft',
    });
    const fixed = await factory.newContract(client.id, { lateInterest: { rule: 'fixed', annualRatePercent: 8.5 } });
    expect(fixed.lateInterest).toEqual({ rule: 'fixed', annualRatePercent: 8.5 });
  });

  it('walks the lifecycle draft → active → suspended → active → terminated, writing one event each', async () => {
    const manager = await factory.newUser();
    const client = await factory.newClient(manager.id);
    const contract = await factory.newContract(client.id, { endsOn: '2026-12-31' });
    const api = manager.api;
    expect((await api.post(`/v1/contracts/${contract.id}/activate`)).body.status).toBe('active');
    expect((await api.post(`/v1/contracts/${contract.id}/suspend`)).body.status).toBe('suspended');
    expect((await api.post(`/v1/contracts/${contract.id}/activate`)).body.status).toBe('active');
    const renewed = await api.post(`/v1/contracts/${contract.id}/renew`, { endsOn: '2027-12-31' });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ status: 'active', endsOn: '2027-12-31' });
    expect((await api.post(`/v1/contracts/${contract.id}/terminate`)).body.status).toBe('terminated');

    const types = await withDatabase(async (db) =>
      (await db.query(`SELECT type FROM contracts.outbox_events WHERE aggregate_id = $1 ORDER BY id`, [contract.id])).rows.map((r) => r.type),
    );
    expect(types).toEqual([
      'contract.created',
      'contract.activated',
      'contract.suspended',
      'contract.activated',
      'contract.renewed',
      'contract.terminated',
    ]);
  });

  it.each([
    ['suspend', 'draft'],
    ['renew', 'draft'],
    ['activate', 'terminated'],
    ['suspend', 'terminated'],
    ['terminate', 'terminated'],
    ['renew', 'terminated'],
  ])('answers 409 to %s on a %s contract and changes nothing', async (action, state) => {
    const manager = await factory.newUser();
    const client = await factory.newClient(manager.id);
    const contract = await factory.newContract(client.id);
    if (state === 'terminated') await factory.admin.post(`/v1/contracts/${contract.id}/terminate`);
    const res = await factory.admin.post(`/v1/contracts/${contract.id}/${action}`, action === 'renew' ? { endsOn: '2030-01-01' } : undefined);
    expectProblem(res, 409);
    expect((await factory.admin.get(`/v1/contracts/${contract.id}`)).body.status).toBe(state);
  });

  it('answers 409 to suspending a suspended contract', async () => {
    const manager = await factory.newUser();
    const contract = await factory.activeContract((await factory.newClient(manager.id)).id);
    await factory.admin.post(`/v1/contracts/${contract.id}/suspend`);
    expectProblem(await factory.admin.post(`/v1/contracts/${contract.id}/suspend`), 409);
  });

  it('answers 422 to a renewal that does not extend the contract', async () => {
    const manager = await factory.newUser();
    const contract = await factory.activeContract((await factory.newClient(manager.id)).id, { endsOn: '2026-12-31' });
    expectProblem(await factory.admin.post(`/v1/contracts/${contract.id}/renew`, { endsOn: '2026-06-30' }), 422);
    expectProblem(await factory.admin.post(`/v1/contracts/${contract.id}/renew`, {}), 400);
  });

  it('answers 422 to activating a contract of a blocked client', async () => {
    const manager = await factory.newUser();
    const client = await factory.newClient(manager.id);
    const contract = await factory.newContract(client.id);
    await factory.admin.patch(`/v1/clients/${client.id}`, { status: 'blocked' });
    expectProblem(await factory.admin.post(`/v1/contracts/${contract.id}/activate`), 422);
    expect((await factory.admin.get(`/v1/contracts/${contract.id}`)).body.status).toBe('draft');
  });

  it('accepts the standard dunning policy and refuses an unknown one with 422', async () => {
    const manager = await factory.newUser();
    const client = await factory.newClient(manager.id);
    const standard = await factory.newContract(client.id, { dunningPolicyId: '00000000-0000-4000-8000-000000000001' });
    expect(standard.dunningPolicyId).toBe('00000000-0000-4000-8000-000000000001');
    const res = await factory.admin.post('/v1/contracts', {
      clientId: client.id,
      number: 'K-policy',
      currency: 'EUR',
      paymentTermDays: 30,
      startsOn: '2026-01-01',
      dunningPolicyId: '01900000-0000-7000-8000-0000000000ff',
    });
    expectProblem(res, 422);
  });

  it('keeps contract numbers unique per client (409) but not across clients', async () => {
    const manager = await factory.newUser();
    const a = await factory.newClient(manager.id);
    const b = await factory.newClient(manager.id);
    await factory.newContract(a.id, { number: 'SAME-1' });
    const dup = await factory.admin.post('/v1/contracts', { clientId: a.id, number: 'SAME-1', currency: 'EUR', paymentTermDays: 14, startsOn: '2026-01-01' });
    expectProblem(dup, 409);
    expect((await factory.newContract(b.id, { number: 'SAME-1' })).number).toBe('SAME-1');
  });

  it.each([
    ['payment term above 365', { paymentTermDays: 366 }],
    ['negative payment term', { paymentTermDays: -1 }],
    ['unknown currency', { currency: 'XXX1' }],
    ['bad start date', { startsOn: '01.01.2026' }],
    ['end before start', { endsOn: '2025-12-31' }],
    ['unknown interest rule', { lateInterest: { rule: 'usury' } }],
    ['fixed rule without rate', { lateInterest: { rule: 'fixed' } }],
    ['rate on a reference rule', { lateInterest: { rule: 'de_b2b', annualRatePercent: 9 } }],
    ['discount of 100 %', { cashDiscount: { percent: 100, days: 10 } }],
    ['unknown field', { status: 'active' }],
  ])('rejects %s with 400 and writes nothing', async (_, patch) => {
    const manager = await factory.newUser();
    const client = await factory.newClient(manager.id);
    const before = await countRows('contracts.contracts');
    const res = await factory.admin.post('/v1/contracts', {
      clientId: client.id,
      number: 'K-X',
      currency: 'EUR',
      paymentTermDays: 30,
      startsOn: '2026-01-01',
      ...patch,
    });
    expectProblem(res, 400);
    expect(await countRows('contracts.contracts')).toBe(before);
  });

  it('hides other managers’ contracts behind 404 everywhere, including transitions', async () => {
    const manager = await factory.newUser();
    const other = await factory.newUser();
    const theirClient = await factory.newClient(other.id);
    const theirs = await factory.newContract(theirClient.id);
    expectProblem(await manager.api.get(`/v1/contracts/${theirs.id}`), 404);
    expectProblem(await manager.api.post(`/v1/contracts/${theirs.id}/activate`), 404);
    expectProblem(
      await manager.api.post('/v1/contracts', { clientId: theirClient.id, number: 'N', currency: 'EUR', paymentTermDays: 1, startsOn: '2026-01-01' }),
      404,
    );
    const list = await manager.api.get(`/v1/contracts?clientId=${theirClient.id}`);
    expect(list.body).toEqual({ data: [], nextCursor: null });
    expect((await factory.admin.get(`/v1/contracts/${theirs.id}`)).body.status).toBe('draft');
  });

  it('lists a client’s contracts with keyset pagination that is stable under inserts', async () => {
    const manager = await factory.newUser();
    const client = await factory.newClient(manager.id);
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await factory.newContract(client.id, { number: `P-${i}` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { data: { id: string }[]; nextCursor: string | null } } = await manager.api.get(
        `/v1/contracts?clientId=${client.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.data.map((c) => c.id));
      cursor = res.body.nextCursor;
      if (pages++ === 0) created.push(await factory.newContract(client.id, { number: 'P-late' }));
    } while (cursor);
    expect(seen).toEqual(created.map((c) => c.id));
  });

  it('lets finance act on contracts but not create users', async () => {
    const manager = await factory.newUser();
    const contract = await factory.newContract((await factory.newClient(manager.id)).id);
    const finance = service.api.as(tokenFor('finance'));
    expect((await finance.post(`/v1/contracts/${contract.id}/activate`)).status).toBe(200);
  });
});
