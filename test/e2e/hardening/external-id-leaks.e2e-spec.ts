import { randomUUID } from 'node:crypto';
import { expectProblem, RunningSystem, startSystem } from '@ar/testing';

// Finding 8 of the hardening review: a 409 on a duplicate externalId told a manager that another manager's
// client or invoice used that id. Hidden and free ids must answer alike.
describe('hardening: a duplicate externalId reveals nothing outside what the caller sees', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.close());

  it('a client externalId used by another manager’s client answers as a free one does', async () => {
    const cf = system.contractsFactory;
    const [first, second] = [await cf.newUser('account_manager'), await cf.newUser('account_manager')];
    const externalId = `ERP-${randomUUID()}`;
    const body = (managerId: string) => ({ name: 'Muster GmbH', country: 'DE', accountManagerId: managerId, externalId });
    expect((await first.api.post('/v1/clients', body(first.id))).status).toBe(201);
    expect((await second.api.post('/v1/clients', body(second.id))).status).toBe(201);
    // Within one manager's book the id still identifies one client.
    expectProblem(await cf.admin.post('/v1/clients', body(first.id)), 409);
  });

  it('an invoice externalId used on another client answers as a free one does', async () => {
    const f = system.invoicingFactory;
    const mine = await f.newAccount();
    const theirs = await f.newAccount();
    const externalId = `INV-${randomUUID()}`;
    const body = (contractId: string) => ({ contractId, issueDate: '2026-01-01', externalId, lines: [{ description: 'x', quantity: 1, unitPrice: 100 }] });
    expect((await theirs.managerApi.post('/v1/invoices', body(theirs.contract.id))).status).toBe(201);
    expect((await mine.managerApi.post('/v1/invoices', body(mine.contract.id))).status).toBe(201);
    expectProblem(await mine.managerApi.post('/v1/invoices', body(mine.contract.id)), 409);
  });
});
