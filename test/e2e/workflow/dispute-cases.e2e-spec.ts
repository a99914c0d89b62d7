import { CollectionsDriver, eventually, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor } from '@ar/testing';

// A dispute becomes a case someone owns and resolves: reason code, owner, due date, notes; credit notes and
// write-offs booked by finance (proposed by managers), rejections, and cases that close when the invoice is paid;
// the complaints analysis by reason code.
describe('workflow: dispute cases', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const x: Record<string, any> = {};
  const f = () => system.invoicingFactory;

  beforeAll(async () => {
    env = await isolatedEnvironment('workflow_disputes');
    system = await startSystem({ collections: true });
    system.setToday('2026-03-01');
    const account = await f().newAccount();
    Object.assign(x, account, { as: f().invoicing.as(account.manager.token) });
    for (const [name, total] of [['i1', 100_000], ['i2', 50_000], ['i3', 30_000], ['i4', 20_000]] as const) x[name] = await f().newInvoice(account.contract.id, total, { issueDate: '2026-01-01' });
    x.outsider = f().invoicing.as((await system.contractsFactory.newUser('account_manager')).token);
  });
  afterAll(async () => {
    await system.close();
    await env.restore();
  });

  it('opens a case owned by the client’s manager; the invoice is disputed; a second case or an outsider is refused', async () => {
    expectProblem(await x.as.post('/v1/dispute-cases', { invoiceId: x.i1.id, reasonCode: 'mood', reason: 'x' }), 400);
    expectProblem(await x.outsider.post('/v1/dispute-cases', { invoiceId: x.i1.id, reasonCode: 'quality', reason: 'x' }), 404);
    const opened = await x.as.post('/v1/dispute-cases', { invoiceId: x.i1.id, reasonCode: 'quality', reason: 'Goods arrived damaged' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'open', ownerId: x.manager.id, dueOn: '2026-03-15', amount: 100_000, currency: 'EUR', openedOn: '2026-03-01', openedBy: x.manager.id, reasonCode: 'quality' });
    x.case1 = opened.body;
    expect((await f().invoice(x.i1.id)).disputed).toBe(true);
    expectProblem(await x.as.post('/v1/dispute-cases', { invoiceId: x.i1.id, reasonCode: 'price', reason: 'again' }), 409);
    // The invoice route opens a case too.
    expect((await x.as.post(`/v1/invoices/${x.i2.id}/dispute`, { reason: 'Price differs from the offer', reasonCode: 'price' })).body.disputed).toBe(true);
    x.case2 = (await x.as.get(`/v1/dispute-cases?invoiceId=${x.i2.id}`)).body.data[0];
    expect(x.case2).toMatchObject({ reasonCode: 'price', status: 'open', ownerId: x.manager.id });
    expect((await x.outsider.get('/v1/dispute-cases')).body.data).toEqual([]);
    expectProblem(await x.outsider.get(`/v1/dispute-cases/${x.case1.id}`), 404);
  });

  it('a manager proposes a credit note; finance approves it, which books it and lifts the dispute', async () => {
    const noted = await x.as.post(`/v1/dispute-cases/${x.case1.id}/notes`, { note: 'Photos received' });
    expect(noted.body.notes).toEqual([expect.objectContaining({ by: x.manager.id, note: 'Photos received' })]);
    const proposed = await x.as.post(`/v1/dispute-cases/${x.case1.id}/resolve`, { resolution: 'credit_note', amount: 20_000, note: '20 % off agreed' });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ status: 'open', proposedResolution: 'credit_note', proposedAmount: 20_000, proposedBy: x.manager.id });
    expectProblem(await x.as.post(`/v1/dispute-cases/${x.case1.id}/resolve`, { resolution: 'write_off' }), 409);
    expectProblem(await x.as.post(`/v1/dispute-cases/${x.case1.id}/approve`, {}), 403);
    expect((await f().invoice(x.i1.id))).toMatchObject({ disputed: true, amountCredited: 0 });

    system.setToday('2026-03-06');
    const approved = await f().finance.post(`/v1/dispute-cases/${x.case1.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'resolved', resolution: 'credit_note', resolutionAmount: 20_000, resolvedOn: '2026-03-06', daysToResolve: 5, proposedResolution: null });
    expect(approved.body.creditNoteId).toEqual(expect.any(String));
    expect(await f().invoice(x.i1.id)).toMatchObject({ disputed: false, amountCredited: 20_000, balance: 80_000 });
    expectProblem(await f().finance.post(`/v1/dispute-cases/${x.case1.id}/approve`, {}), 409);
  });

  it('rejects, writes off, and closes a case by itself when its invoice is paid', async () => {
    const rejected = await x.as.post(`/v1/dispute-cases/${x.case2.id}/resolve`, { resolution: 'rejected', note: 'Price was as offered' });
    expect(rejected.body).toMatchObject({ status: 'resolved', resolution: 'rejected', resolutionAmount: null });
    expect((await f().invoice(x.i2.id)).disputed).toBe(false);

    const c3 = (await x.as.post('/v1/dispute-cases', { invoiceId: x.i3.id, reasonCode: 'not_received', reason: 'Never delivered' })).body;
    expectProblem(await x.as.post(`/v1/dispute-cases/${c3.id}/resolve`, { resolution: 'paid' }), 422);
    const written = await f().finance.post(`/v1/dispute-cases/${c3.id}/resolve`, { resolution: 'write_off', note: 'Lost in transit, carrier insolvent' });
    expect(written.body).toMatchObject({ resolution: 'write_off', resolutionAmount: 30_000 });
    expect(await f().invoice(x.i3.id)).toMatchObject({ status: 'written_off', balance: 0, disputed: false });

    const c4 = (await x.as.post('/v1/dispute-cases', { invoiceId: x.i4.id, reasonCode: 'duplicate', reason: 'Billed twice?' })).body;
    expect((await f().pay({ clientId: x.client.id, amount: 20_000, invoiceId: x.i4.id, receivedOn: '2026-03-06' })).status).toBe(201);
    const closed = await eventually(async () => (await x.as.get(`/v1/dispute-cases/${c4.id}`)).body, (c) => c.status === 'resolved');
    expect(closed).toMatchObject({ resolution: 'paid', resolvedBy: null });
  });

  it('opens cases for the invoices of a call that ended in a dispute', async () => {
    const other = await f().newAccount();
    const invoice = await f().newInvoice(other.contract.id, 40_000, { issueDate: '2026-01-01' });
    await new CollectionsDriver(system.collections!.api.as(tokenFor('finance'))).sweep('2026-03-06');
    const collections = system.collections!.api.as(other.manager.token);
    const task = (await collections.get(`/v1/tasks?clientId=${other.client.id}&status=open`)).body.data[0];
    expect((await collections.post(`/v1/tasks/${task.id}/complete`, { outcome: 'dispute', note: 'Says the service was incomplete' })).status).toBe(200);
    const [opened] = await eventually(async () => (await f().invoicing.as(other.manager.token).get(`/v1/dispute-cases?clientId=${other.client.id}`)).body.data, (d) => d.length === 1);
    expect(opened).toMatchObject({ invoiceId: invoice.id, reasonCode: 'other', reason: 'Says the service was incomplete', openedBy: other.manager.id, ownerId: other.manager.id });
  });

  it('analyses the complaints by reason code, as each caller may see them', async () => {
    const report = await x.as.get('/v1/reports/disputes?from=2026-03-01&to=2026-03-31');
    expect(report.status).toBe(200);
    const byCode = Object.fromEntries(report.body.rows.map((r: any) => [r.reasonCode, r]));
    expect(byCode.quality).toMatchObject({ currency: 'EUR', opened: 1, amount: 100_000, resolved: 1, creditNote: 1, resolvedAmount: 20_000, avgDaysToResolve: 5 });
    expect(byCode.price).toMatchObject({ opened: 1, rejected: 1, resolvedAmount: 0, avgDaysToResolve: 5 });
    expect(byCode.not_received).toMatchObject({ writeOff: 1, resolvedAmount: 30_000 });
    expect(byCode.duplicate).toMatchObject({ paid: 1 });
    expect(byCode.other).toBeUndefined();
    const all = (await f().admin.get('/v1/reports/disputes?from=2026-03-01&to=2026-03-31')).body.rows;
    expect(all.find((r: any) => r.reasonCode === 'other')).toMatchObject({ opened: 1, open: 1 });
    expect((await x.outsider.get('/v1/reports/disputes?from=2026-03-01&to=2026-03-31')).body.rows).toEqual([]);
    expectProblem(await x.as.get('/v1/reports/disputes?from=2026-03-31&to=2026-03-01'), 400);
  });
});
