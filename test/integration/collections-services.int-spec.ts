import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@ar/auth';
import { DunningTasksPhase, OverdueInvoicesPhase, PolicyCatalogLoader, PromiseReviewPhase, TasksService } from '@ar/collections';
import { DomainError } from '@ar/errors';
import { addDays } from '@ar/time';
import { IsolatedEnvironment, isolatedEnvironment, RunningService, RunningSystem, startSystem } from '@ar/testing';

/**
 * The collections rules at service level: the phases and services with their real repositories against a real
 * database, called directly instead of through a sweep over HTTP. Accounts, invoices and payments are made
 * over the other services' APIs, as they would be. Phases act on every client, hence a database of its own.
 */
describe('collections services against the real Postgres (no HTTP)', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  let collections: RunningService;
  const asOf = '2026-03-31';
  const noProgress = async () => undefined;

  beforeAll(async () => {
    env = await isolatedEnvironment('collections_services');
    system = await startSystem({ collections: true });
    collections = system.collections as RunningService;
    system.setToday(asOf);
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  const service = <T>(type: new (...args: never[]) => T): T => collections.app.get(type);
  const managerOf = (manager: { id: string }): Principal => ({ userId: manager.id, role: 'account_manager' });

  /** A client of a new manager with one invoice `days` overdue on asOf, dunned by the overdue phase. */
  async function dunnedAccount(days: number, total = 100_000) {
    const f = system.invoicingFactory;
    const account = await f.newAccount({ paymentTermDays: 0 });
    const invoice = await f.newInvoice(account.contract.id, total, { issueDate: addDays(asOf, -days), dueDate: addDays(asOf, -days) });
    const policies = await service(PolicyCatalogLoader).load();
    await service(OverdueInvoicesPhase).runBatch(asOf, [invoice.id], policies, randomUUID(), noProgress);
    return { ...account, invoice, policies };
  }

  it('plans one call per client and level, once however often it runs, visible only to the client manager', async () => {
    const { manager, client, invoice, policies } = await dunnedAccount(5);
    const phase = service(DunningTasksPhase);
    expect(await phase.runBatch(asOf, [client.id], policies, noProgress)).toEqual({ created: 1 });
    expect(await phase.runBatch(asOf, [client.id], policies, noProgress)).toEqual({ created: 0 });

    const tasks = service(TasksService);
    const page = await tasks.list(managerOf(manager), { clientId: client.id }, 50);
    expect(page.data).toEqual([
      expect.objectContaining({ clientId: client.id, assigneeId: manager.id, type: 'reminder', dunningLevel: 1, invoiceIds: [invoice.id], amountOverdue: 100_000, status: 'open' }),
    ]);
    const stranger: Principal = { userId: randomUUID(), role: 'account_manager' };
    await expect(tasks.get(stranger, page.data[0].id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(tasks.get(stranger, page.data[0].id)).rejects.toBeInstanceOf(DomainError);
  });

  it('cancels an open call once none of its invoices is owed', async () => {
    const { manager, client, invoice, policies } = await dunnedAccount(5, 50_000);
    await service(DunningTasksPhase).runBatch(asOf, [client.id], policies, noProgress);
    expect((await system.invoicingFactory.pay({ clientId: client.id, amount: 50_000, invoiceId: invoice.id, receivedOn: asOf })).status).toBe(201);

    expect(await service(DunningTasksPhase).closeSettled(asOf)).toBeGreaterThanOrEqual(1);
    const [task] = (await service(TasksService).list(managerOf(manager), { clientId: client.id }, 50)).data;
    expect(task).toMatchObject({ status: 'cancelled', invoiceIds: [invoice.id] });
  });

  it('settles promises the day after their date: kept when paid in full, broken otherwise with one call for what is missing', async () => {
    const promisedDate = addDays(asOf, 7);
    const promise = async (paid: number) => {
      const { manager, client, invoice, policies } = await dunnedAccount(5);
      await service(DunningTasksPhase).runBatch(asOf, [client.id], policies, noProgress);
      const tasks = service(TasksService);
      const [task] = (await tasks.list(managerOf(manager), { clientId: client.id }, 50)).data;
      await tasks.complete(managerOf(manager), task.id, { outcome: 'promise_to_pay', promisedDate, promisedAmount: 60_000 });
      if (paid > 0) await system.invoicingFactory.pay({ clientId: client.id, amount: paid, invoiceId: invoice.id, receivedOn: asOf });
      return { manager, client };
    };
    const keeper = await promise(60_000);
    const breaker = await promise(20_000);
    const review = service(PromiseReviewPhase);

    // The promised day itself still counts: a promise is settled the day after.
    expect(await review.run(promisedDate)).toEqual({ kept: 0, broken: 0 });
    expect(await review.run(addDays(promisedDate, 1))).toEqual({ kept: 1, broken: 1 });
    expect(await review.run(addDays(promisedDate, 1))).toEqual({ kept: 0, broken: 0 });

    const openCalls = async (who: { manager: { id: string }; client: { id: string } }) =>
      (await service(TasksService).list(managerOf(who.manager), { clientId: who.client.id, status: 'open' }, 50)).data;
    expect(await openCalls(keeper)).toEqual([]);
    expect(await openCalls(breaker)).toEqual([
      expect.objectContaining({ type: 'broken_promise', assigneeId: breaker.manager.id, amountOverdue: 40_000, priority: 100, note: `Promise of ${promisedDate} broken` }),
    ]);
    const statuses = await collections.app.get(DataSource).query(
      `SELECT client_id, status FROM collections.promises WHERE client_id = ANY($1::uuid[]) ORDER BY status`,
      [[keeper.client.id, breaker.client.id]],
    );
    expect(statuses).toEqual([{ client_id: breaker.client.id, status: 'broken' }, { client_id: keeper.client.id, status: 'kept' }]);
  });
});
