import { DataSource } from 'typeorm';
import { ClientSolvency, OVERDUE_CANDIDATES_SQL, OverdueInvoicesPhase, PolicyCatalogLoader, SolvencyAssessor } from '@ar/collections';
import { addDays } from '@ar/time';
import { RunningService, RunningSystem, startSystem } from '@ar/testing';

/**
 * What the sweep reads on an ordinary day: only invoices whose dunning can change are handed to the rule, and
 * a client's current assessment is one row, however long its history.
 */
describe('sweep reads (services against the real Postgres)', () => {
  let system: RunningSystem;
  let collections: RunningService;
  const asOf = '2026-03-31';

  beforeAll(async () => {
    system = await startSystem({ collections: true });
    collections = system.collections as RunningService;
  });
  afterAll(() => system.close());

  it('lists an overdue invoice again only when it reaches the threshold of a higher level', async () => {
    const f = system.invoicingFactory;
    const phase = collections.app.get(OverdueInvoicesPhase);
    const policies = await collections.app.get(PolicyCatalogLoader).load();
    const { contract } = await f.newAccount({ paymentTermDays: 0 });
    // The standard policy's thresholds: 3, 14, 30 and 60 days overdue.
    const twentyDays = await f.newInvoice(contract.id, 100_000, { issueDate: addDays(asOf, -20), dueDate: addDays(asOf, -20) });
    const twoDays = await f.newInvoice(contract.id, 100_000, { issueDate: addDays(asOf, -2), dueDate: addDays(asOf, -2) });
    const ours = [twentyDays.id, twoDays.id];
    const listed = async (day: string) =>
      (await phase.candidates(day, null, policies, 1_000_000)).invoices.map((c) => c.invoiceId).filter((id) => ours.includes(id));

    expect(await listed(asOf)).toEqual(ours);
    await phase.runBatch(asOf, ours, policies, '00000000-0000-4000-8000-0000000000aa', async () => undefined);
    const levels = await collections.app.get(DataSource).query(
      `SELECT invoice_id, level FROM collections.invoice_dunning WHERE invoice_id = ANY($1::uuid[]) ORDER BY level DESC`,
      [ours],
    );
    expect(levels).toEqual([{ invoice_id: twentyDays.id, level: 2 }, { invoice_id: twoDays.id, level: 0 }]);

    // The same day and the next: nothing can change for the first; the second reaches level 1 on day 3.
    expect(await listed(asOf)).toEqual([]);
    expect(await listed(addDays(asOf, 1))).toEqual([twoDays.id]);
    // Ten days later the first reaches 30 days (level 3); the second, never raised to level 1, is still listed.
    expect(await listed(addDays(asOf, 10))).toEqual(ours);
    expect((await phase.candidates(asOf, null, policies, 1_000_000)).overdue).toBeGreaterThanOrEqual(2);
  });

  it('keeps the latest assessment as the client current one, as the published view shows', async () => {
    const { client } = await system.invoicingFactory.newAccount();
    const assessor = collections.app.get(SolvencyAssessor);
    const policies = await collections.app.get(PolicyCatalogLoader).load();
    await assessor.assess([client.id], '2026-03-01', policies);
    const latest = (await assessor.assess([client.id], '2026-03-02', policies)).assessments[0];

    const dataSource = collections.app.get(DataSource);
    const current = await dataSource.manager.findOneByOrFail(ClientSolvency, { clientId: client.id });
    expect(current).toMatchObject({ assessmentId: latest.id, asOf: '2026-03-02', score: latest.score, riskClass: latest.riskClass, decision: latest.decision });
    const [published] = await dataSource.query(`SELECT as_of::text, score, risk_class FROM collections.client_solvency_v1 WHERE client_id = $1`, [client.id]);
    expect(published).toEqual({ as_of: '2026-03-02', score: latest.score, risk_class: latest.riskClass });
    expect(Number((await dataSource.query(`SELECT count(*) FROM collections.solvency_assessments WHERE client_id = $1`, [client.id]))[0].count)).toBe(2);
  });

  it('walks the open-invoice partial index through receivables_v1.open_receivable', async () => {
    const policies = await collections.app.get(PolicyCatalogLoader).load();
    const t = policies.thresholds();
    const plan = await collections.app.get(DataSource).transaction(async (manager) => {
      // A test database is small enough for a sequential scan to win; this asks whether the index can be used at all.
      await manager.query('SET LOCAL enable_seqscan = off');
      const [row] = await manager.query(`EXPLAIN (FORMAT JSON) ${OVERDUE_CANDIDATES_SQL}`, [asOf, null, null, 100, t.policyIds, t.levels, t.minDays, t.standardPolicyId]);
      return JSON.stringify(row['QUERY PLAN']);
    });
    expect(plan).toContain('"Index Name":"invoices_due_date_open_idx"');
  });
});
