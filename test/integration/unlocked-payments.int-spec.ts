import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PG_SERIALIZATION_FAILURE, pgErrorCode } from '@ar/database';
import { DomainError, ErrorCode } from '@ar/errors';
import { PaymentsService, PaymentToRecord, PaymentView } from '@ar/invoicing';
import { countRows, eventually, RunningSystem, startSystem, withDatabase } from '@ar/testing';

/**
 * The hot path records webhook payments from a read without locks and checks, as it writes, that the
 * invoices are still as read. Here another writer changes the invoice in between, deterministically:
 * it holds the invoice's row lock until the unlocked write is queued behind it, then commits.
 */
describe('payments recorded without locks (against the real Postgres)', () => {
  let system: RunningSystem;
  let payments: PaymentsService;
  let dataSource: DataSource;

  beforeAll(async () => {
    system = await startSystem();
    payments = system.invoicing.app.get(PaymentsService);
    dataSource = system.invoicing.app.get(DataSource);
  });
  afterAll(() => system.close());

  const payment = (clientId: string, amount: number): PaymentToRecord => ({
    command: { clientId, amount, currency: 'EUR', receivedOn: '2026-02-01', externalId: `BANK-${randomUUID()}` },
    sourceKey: 'unlocked-payments-test',
  });
  const waitingForLocks = () =>
    withDatabase(async (db) =>
      Number((await db.query(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].count),
    );

  it('writes nothing and fails with serialization_failure when an invoice changed since the read; under locks it is then applied on top', async () => {
    const f = system.invoicingFactory;
    const { contract, client } = await f.newAccount();
    const invoice = await f.newInvoice(contract.id, 1000);
    const late = payment(client.id, 700);

    let unlocked: Promise<unknown> = Promise.resolve();
    await dataSource.transaction(async (manager) => {
      // The other writer settles 600 and keeps the invoice locked until it commits.
      const [other] = await payments.recordMany({ all: true }, [payment(client.id, 600)], manager);
      expect(other).toMatchObject({ allocations: [{ invoiceId: invoice.id, paid: 600 }] });
      // Reads the committed state (nothing settled yet), allocates 700, and queues behind the lock.
      unlocked = payments.recordManyUnlocked({ all: true }, [late], () => []).catch((error: unknown) => error);
      await eventually(waitingForLocks, (waiting) => waiting >= 1);
    });

    expect(pgErrorCode(await unlocked)).toBe(PG_SERIALIZATION_FAILURE);
    expect(await countRows('invoicing.payments', 'external_id = $1', [late.command.externalId])).toBe(0);
    expect(await f.invoice(invoice.id)).toMatchObject({ amountPaid: 600, balance: 400, status: 'partially_paid' });

    const [retried] = (await dataSource.transaction((manager) => payments.recordMany({ all: true }, [late], manager))) as PaymentView[];
    expect(retried.allocations).toEqual([{ invoiceId: invoice.id, paid: 400, discounted: 0 }]);
    expect(retried.payment.unappliedAmount).toBe(300);
    expect(await f.invoice(invoice.id)).toMatchObject({ amountPaid: 1000, balance: 0, status: 'paid' });
  });

  it('records what it read when nothing changed, together with the statements derived from the outcomes', async () => {
    const f = system.invoicingFactory;
    const { contract, client } = await f.newAccount();
    const invoice = await f.newInvoice(contract.id, 1000);
    const marker = `unlocked-${randomUUID()}`;
    const [result] = await payments.recordManyUnlocked({ all: true }, [payment(client.id, 250)], (outcomes) => [
      (params) =>
        `INSERT INTO invoicing.inbound_messages (integration_id, message_id, type, received_at)
         VALUES (${params.add(randomUUID(), 'uuid')}, ${params.add(`${marker}-${outcomes.length}`)}, 'test', now())`,
    ]);
    expect(result).toMatchObject({ allocations: [{ invoiceId: invoice.id, paid: 250, discounted: 0 }] });
    expect(await f.invoice(invoice.id)).toMatchObject({ amountPaid: 250, status: 'partially_paid' });
    expect(await countRows('invoicing.inbound_messages', 'message_id = $1', [`${marker}-1`])).toBe(1);
  });

  it('answers every refusal after the read alone when the batch leaves nothing to write', async () => {
    const pool = (dataSource.driver as PostgresDriver).master as { query: (...args: unknown[]) => unknown };
    const statements = jest.spyOn(pool, 'query');
    try {
      const unknownClient = payment(randomUUID(), 100);
      const [result] = await payments.recordManyUnlocked({ all: true }, [unknownClient], () => []);
      expect(result).toBeInstanceOf(DomainError);
      expect((result as DomainError).code).toBe(ErrorCode.NotFound);
      const sent = statements.mock.calls.map(([query]) => (query as { text?: string }).text ?? String(query));
      expect(sent.filter((text) => text.includes('contracts.client_directory_v1'))).toHaveLength(1);
      expect(sent.filter((text) => text.includes('INSERT INTO invoicing.payments'))).toEqual([]);
      expect(await countRows('invoicing.payments', 'external_id = $1', [unknownClient.command.externalId])).toBe(0);
    } finally {
      statements.mockRestore();
    }
  });
});
