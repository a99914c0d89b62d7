import { ContractsAppModule } from '../../../apps/contracts/src/contracts-app.module';
import { ContractsFactory, countRows, expectProblem, RunningService, startService, tokenFor } from '@ar/testing';

describe('contracts service: users', () => {
  let service: RunningService;
  let factory: ContractsFactory;

  beforeAll(async () => {
    service = await startService(ContractsAppModule);
    factory = new ContractsFactory(service.api);
  });
  afterAll(() => service.close());

  it('lets an admin create a user and returns the documented shape', async () => {
    const email = `Mixed.Case.${Date.now()}@Example.test`;
    const res = await factory.admin.post('/v1/users', { name: 'Anna Schmidt', email, role: 'account_manager' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Anna Schmidt',
      email: email.toLowerCase(),
      role: 'account_manager',
      deputyId: null,
      absentUntil: null,
      createdAt: expect.any(String),
    });
    const fetched = await factory.admin.get(`/v1/users/${res.body.id}`);
    expect(fetched.body).toEqual(res.body);
  });

  it.each(['finance', 'head_of_sales', 'account_manager'] as const)('refuses user creation to %s with 403 and writes nothing', async (role) => {
    const email = `refused-${role}-${Date.now()}@example.test`;
    const res = await service.api.as(tokenFor(role)).post('/v1/users', { name: 'X', email, role: 'admin' });
    expectProblem(res, 403);
    expect(await countRows('contracts.users', 'email = $1', [email])).toBe(0);
  });

  it('answers 409 for a duplicate email, ignoring case', async () => {
    const user = await factory.newUser();
    const res = await factory.admin.post('/v1/users', { name: 'Twin', email: user.email.toUpperCase(), role: 'finance' });
    expectProblem(res, 409);
  });

  it.each([
    ['missing name', { email: 'a@b.test', role: 'admin' }],
    ['bad email', { name: 'A', email: 'not-an-email', role: 'admin' }],
    ['unknown role', { name: 'A', email: 'c@d.test', role: 'ceo' }],
    ['unknown field', { name: 'A', email: 'e@f.test', role: 'admin', salary: 1 }],
    ['bad deputy id', { name: 'A', email: 'g@h.test', role: 'admin', deputyId: 'nope' }],
    ['impossible date', { name: 'A', email: 'i@j.test', role: 'admin', absentUntil: '2026-02-30' }],
  ])('rejects %s with 400 problem+json listing the field', async (_, body) => {
    const before = await countRows('contracts.users');
    const res = await factory.admin.post('/v1/users', body);
    expectProblem(res, 400);
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(await countRows('contracts.users')).toBe(before);
  });

  it('answers 422 when the deputy does not exist', async () => {
    const res = await factory.admin.post('/v1/users', {
      name: 'A',
      email: `dep-${Date.now()}@example.test`,
      role: 'account_manager',
      deputyId: '01900000-0000-7000-8000-000000000000',
    });
    expectProblem(res, 422);
  });

  it('lets heads of sales set absence and deputy, and managers their own absence only', async () => {
    const manager = await factory.newUser('account_manager');
    const deputy = await factory.newUser('account_manager');
    const other = await factory.newUser('account_manager');
    const head = service.api.as(tokenFor('head_of_sales'));

    const byHead = await head.patch(`/v1/users/${manager.id}`, { deputyId: deputy.id, absentUntil: '2026-12-24' });
    expect(byHead.status).toBe(200);
    expect(byHead.body).toMatchObject({ deputyId: deputy.id, absentUntil: '2026-12-24' });

    const self = await manager.api.patch(`/v1/users/${manager.id}`, { absentUntil: null });
    expect(self.status).toBe(200);
    expect(self.body.absentUntil).toBeNull();

    const foreign = await manager.api.patch(`/v1/users/${other.id}`, { absentUntil: '2027-01-01' });
    expectProblem(foreign, 404);
    expect((await factory.admin.get(`/v1/users/${other.id}`)).body.absentUntil).toBeNull();
  });

  it('refuses a user as their own deputy with 422', async () => {
    const user = await factory.newUser();
    expectProblem(await factory.admin.patch(`/v1/users/${user.id}`, { deputyId: user.id }), 422);
  });

  it('lists users with keyset pagination; an account manager sees only themselves', async () => {
    for (let i = 0; i < 3; i++) await factory.newUser('finance');
    const first = await factory.admin.get('/v1/users?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await factory.admin.get(`/v1/users?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data[0].id > first.body.data[1].id).toBe(true);

    const manager = await factory.newUser('account_manager');
    const own = await manager.api.get('/v1/users');
    expect(own.body.data.map((u: { id: string }) => u.id)).toEqual([manager.id]);
    expectProblem(await manager.api.get(`/v1/users/${first.body.data[0].id}`), 404);
  });

  it('rejects a limit above 500 and a forged cursor with 400', async () => {
    expectProblem(await factory.admin.get('/v1/users?limit=501'), 400);
    expectProblem(await factory.admin.get('/v1/users?cursor=garbage'), 400);
  });
});
