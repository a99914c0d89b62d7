import { randomUUID } from 'node:crypto';
import { createCollectionsClient, createContractsClient, createInvoicingClient } from '@ar/client';
import { RunningService, RunningSystem, startSystem, tokenFor } from '@ar/testing';

/**
 * The generated client (@ar/client) against the running services, as another system would use it: an admin
 * sets up a client and its contract, finance invoices and books a payment, the manager reads what is theirs,
 * and errors arrive typed as problem+json.
 */
describe('typed API client (@ar/client)', () => {
  let system: RunningSystem;
  const admin = tokenFor('admin');
  const finance = tokenFor('finance');

  beforeAll(async () => {
    system = await startSystem({ collections: true });
    system.setToday('2026-03-20');
  });
  afterAll(() => system.close());

  const clients = (token: string) => ({
    contracts: createContractsClient({ baseUrl: system.contracts.baseUrl, token }),
    invoicing: createInvoicingClient({ baseUrl: system.invoicing.baseUrl, token }),
    collections: createCollectionsClient({ baseUrl: (system.collections as RunningService).baseUrl, token }),
  });

  async function accountOfNewManager() {
    const { contracts } = clients(admin);
    const manager = await contracts.POST('/v1/users', { body: { name: 'Maria Manager', email: `${randomUUID()}@example.test`, role: 'account_manager' } });
    expect(manager.response.status).toBe(201);
    const managerId = manager.data!.id;
    const client = await contracts.POST('/v1/clients', { body: { name: 'Muster GmbH', country: 'DE', accountManagerId: managerId } });
    const contract = await contracts.POST('/v1/contracts', {
      body: { clientId: client.data!.id, number: `K-${randomUUID().slice(0, 8)}`, currency: 'EUR', paymentTermDays: 14, startsOn: '2026-01-01' },
    });
    const active = await contracts.POST('/v1/contracts/{id}/activate', { params: { path: { id: contract.data!.id } } });
    expect(active.data?.status).toBe('active');
    return { managerToken: tokenFor('account_manager', managerId), clientId: client.data!.id, contractId: contract.data!.id };
  }

  it('invoices, books a partial payment and shows the manager their invoice, typed end to end', async () => {
    const { managerToken, clientId, contractId } = await accountOfNewManager();
    const { invoicing } = clients(finance);

    const created = await invoicing.POST('/v1/invoices', {
      body: { contractId, issueDate: '2026-03-01', lines: [{ description: 'Consulting', quantity: 10, unitPrice: 10000, taxRatePercent: 19 }] },
      params: { header: { 'Idempotency-Key': randomUUID() } },
    });
    expect(created.response.status).toBe(201);
    const invoice = created.data!;
    expect(invoice).toMatchObject({ clientId, total: 119000, balance: 119000, dueDate: '2026-03-15', overdue: true, daysOverdue: 5 });

    const payment = await invoicing.POST('/v1/payments', { body: { clientId, amount: 50000, currency: 'EUR', receivedOn: '2026-03-18' } });
    expect(payment.data?.allocations).toEqual([{ invoiceId: invoice.id, amount: 50000, discount: 0 }]);

    const mine = clients(managerToken);
    const page = await mine.invoicing.GET('/v1/invoices', { params: { query: { clientId } } });
    expect(page.data?.data.map((i) => [i.id, i.balance, i.status])).toEqual([[invoice.id, 69000, 'partially_paid']]);
    const balance = await mine.invoicing.GET('/v1/clients/{id}/balance', { params: { path: { id: clientId } } });
    expect(balance.data).toEqual([{ currency: 'EUR', open: 69000, overdue: 69000, unappliedCredit: 0 }]);
    const claim = await mine.invoicing.GET('/v1/invoices/{id}/claim', { params: { path: { id: invoice.id } } });
    expect(claim.data).toMatchObject({ invoiceId: invoice.id, principal: { total: 119000, paid: 50000, outstanding: 69000 } });
  });

  it('answers errors as typed problem+json: another manager sees 404, a bad body 400, a missing token 401', async () => {
    const { clientId } = await accountOfNewManager();
    const stranger = clients(tokenFor('account_manager'));
    const hidden = await stranger.invoicing.GET('/v1/clients/{id}/balance', { params: { path: { id: clientId } } });
    expect(hidden.data).toBeUndefined();
    expect(hidden.error).toMatchObject({ status: 404, code: 'not_found' });
    expect(hidden.response.headers.get('content-type')).toContain('application/problem+json');

    const invalid = await clients(finance).invoicing.POST('/v1/payments', { body: { clientId, amount: -5, currency: 'EUR', receivedOn: '2026-03-18' } });
    expect(invalid.error).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(invalid.error?.errors?.map((e) => e.path)).toContain('amount');

    const anonymous = createContractsClient({ baseUrl: system.contracts.baseUrl });
    expect((await anonymous.GET('/v1/clients', {})).error).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('runs a sweep and reads its result through the collections client', async () => {
    const { collections } = clients(finance);
    const requested = await collections.POST('/v1/sweeps', { body: { asOf: '2026-03-20' } });
    expect(requested.response.status).toBe(202);
    const sweepId = requested.data!.id;
    const deadline = Date.now() + 60_000;
    let status = requested.data!.status;
    while (status !== 'completed' && status !== 'failed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await collections.GET('/v1/sweeps/{id}', { params: { path: { id: sweepId } } })).data!.status;
    }
    expect(status).toBe('completed');
  });
});
