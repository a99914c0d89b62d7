import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PaymentsService } from '@ar/invoicing';
import { RunningSystem, startSystem } from '@ar/testing';

/**
 * The statement that finds each payment's candidate invoices is prepared once per connection. Postgres
 * plans a prepared statement for its first five executions with their values, then keeps a generic plan
 * unless the plans made for the values look cheaper. Arrays whose length the planner can see always
 * look cheaper when short, so small batches were planned again on every call.
 */
describe('payment candidates statement plan (against the real Postgres)', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system.close());

  it('settles on a generic plan for one-payment batches instead of planning every call', async () => {
    const f = system.invoicingFactory;
    const payments = system.invoicing.app.get(PaymentsService);
    const { contract, client } = await f.newAccount();
    await f.newInvoice(contract.id, 100_000);
    const plans = await system.invoicing.app.get(DataSource).transaction(async (manager) => {
      for (let i = 0; i < 8; i++) {
        const command = { clientId: client.id, amount: 100, currency: 'EUR', receivedOn: '2026-02-01', externalId: `PLAN-${randomUUID()}` };
        await payments.recordMany({ all: true }, [{ command, sourceKey: 'plan-test' }], manager);
      }
      return manager.query(`SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%client_id_found%'`);
    });
    expect(plans).toHaveLength(1);
    expect(Number(plans[0].custom_plans)).toBeLessThanOrEqual(5);
    expect(Number(plans[0].generic_plans)).toBeGreaterThanOrEqual(3);
  });
});
