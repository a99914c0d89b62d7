import { CollectionsDriver, eventually, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, startSystem, tokenFor, WebhookReceiver } from '@ar/testing';

// The manager's day, part 2: dunning held for a client or one invoice (no level rises, no letter goes out, the
// hold ends by itself or is released), and promises to pay followed and cancelled; the new events reach a
// finance system's webhook endpoint.
describe('workflow: dunning holds and promises', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  const receiver = new WebhookReceiver();
  const u: Record<string, any> = {};
  const c: Record<string, any> = {};
  const api = () => system.collections!.api;
  const as = (user: { token: string }) => api().as(user.token);
  const finance = () => api().as(tokenFor('finance'));
  const sweep = async (asOf: string) => {
    system.setToday(asOf);
    expect((await new CollectionsDriver(finance()).sweep(asOf)).status).toBe('completed');
  };
  const level = async (invoice: { id: string }) => (await system.invoicingFactory.invoice(invoice.id)).dunningLevel;
  const letters = async (clientId: string) => (await system.invoicingFactory.admin.get(`/v1/letters?clientId=${clientId}`)).body.data as any[];

  beforeAll(async () => {
    env = await isolatedEnvironment('workflow_holds');
    system = await startSystem({ collections: true });
    const url = await receiver.start();
    const endpoint = await system.invoicingFactory.finance.post('/v1/webhook-endpoints', {
      url, events: ['dunning.hold_placed', 'dunning.hold_released', 'promise.cancelled', 'task.reassigned'],
    });
    expect(endpoint.status).toBe(201);
    system.setToday('2026-02-05');
    const cf = system.contractsFactory;
    u.manager = await cf.newUser('account_manager');
    u.outsider = await cf.newUser('account_manager');
    for (const name of ['held', 'split', 'free', 'partial']) {
      const client = await cf.newClient(u.manager.id);
      const contract = await cf.activeContract(client.id, { paymentTermDays: 30 });
      const invoices = [];
      for (let i = 0; i < (name === 'split' ? 2 : 1); i++) invoices.push(await system.invoicingFactory.newInvoice(contract.id, 60_000, { issueDate: '2026-01-01' }));
      c[name] = { client, invoices };
    }
    await sweep('2026-02-05');
    for (const name of ['held', 'split', 'free']) expect(await level(c[name].invoices[0])).toBe(1);
    // Letters are produced after the sweep, in their own queue: the level-1 letters are there before a test counts.
    for (const name of ['held', 'split', 'free']) await eventually(() => letters(c[name].client.id), (l) => l.some((x) => x.level === 1));
  });
  afterAll(async () => {
    await system.close();
    await receiver.stop();
    await env.restore();
  });

  it('refuses holds it must not place, and changes nothing', async () => {
    const url = `/v1/clients/${c.held.client.id}/dunning-holds`;
    const body = { until: '2026-03-20', reason: 'Credit note in preparation' };
    expectProblem(await api().as(tokenFor('head_of_sales')).post(url, body), 403);
    expectProblem(await as(u.outsider).post(url, body), 404);
    expectProblem(await as(u.outsider).post(`/v1/invoices/${c.split.invoices[0].id}/dunning-holds`, body), 404);
    expectProblem(await as(u.manager).post(url, { until: '2026-02-05', reason: 'x' }), 422);
    expectProblem(await as(u.manager).post(url, { until: '2027-06-01', reason: 'x' }), 422);
    expectProblem(await as(u.manager).post(url, { until: '2026-03-20' }), 400);
    expectProblem(await as(u.manager).post(url, { until: 'soon', reason: 'x' }), 400);
    expect((await as(u.manager).get(`/v1/dunning-holds?clientId=${c.held.client.id}`)).body.data).toEqual([]);
  });

  it('a held client and a held invoice rise no level and get no letter; the others go on', async () => {
    const clientHold = await as(u.manager).post(`/v1/clients/${c.held.client.id}/dunning-holds`, { until: '2026-03-20', reason: 'Credit note in preparation' });
    expect(clientHold.status).toBe(201);
    expect(clientHold.body).toMatchObject({ clientId: c.held.client.id, invoiceId: null, until: '2026-03-20', status: 'active', createdBy: u.manager.id, releasedAt: null });
    const invoiceHold = await finance().post(`/v1/invoices/${c.split.invoices[0].id}/dunning-holds`, { until: '2026-03-20', reason: 'Goods returned, checking' });
    expect(invoiceHold.status).toBe(201);
    expect(invoiceHold.body).toMatchObject({ clientId: c.split.client.id, invoiceId: c.split.invoices[0].id, status: 'active' });
    c.invoiceHold = invoiceHold.body;
    c.clientHold = clientHold.body;
    const lettersBefore = (await letters(c.held.client.id)).length;

    await sweep('2026-02-20');
    expect(await level(c.held.invoices[0])).toBe(1);
    expect(await level(c.split.invoices[0])).toBe(1);
    expect(await level(c.split.invoices[1])).toBe(2);
    expect(await level(c.free.invoices[0])).toBe(2);
    // The level-2 letter of the split client claims only the invoice that is not held.
    const splitLetters = await eventually(() => letters(c.split.client.id), (l) => l.some((x) => x.level === 2));
    expect(splitLetters.find((x) => x.level === 2).invoiceIds).toEqual([c.split.invoices[1].id]);
    // The sweep's letters are produced by now (the free client's too), and none for the held client.
    await eventually(() => letters(c.free.client.id), (l) => l.some((x) => x.level === 2));
    expect((await letters(c.held.client.id)).length).toBe(lettersBefore);

    const active = (await as(u.manager).get('/v1/dunning-holds?active=true')).body.data.map((h: any) => h.id);
    expect(active.sort()).toEqual([clientHold.body.id, invoiceHold.body.id].sort());
    const history = (await as(u.manager).get(`/v1/clients/${c.held.client.id}/activities`)).body.data;
    expect(history.find((a: any) => a.kind === 'dunning_hold')).toMatchObject({ subjectId: clientHold.body.id, authorId: u.manager.id });
  });

  it('a released hold lets the next sweep catch up; releasing twice answers 409', async () => {
    expectProblem(await api().as(tokenFor('head_of_sales')).post(`/v1/dunning-holds/${c.invoiceHold.id}/release`, {}), 403);
    expectProblem(await as(u.outsider).post(`/v1/dunning-holds/${c.invoiceHold.id}/release`, {}), 404);
    const released = await as(u.manager).post(`/v1/dunning-holds/${c.invoiceHold.id}/release`, { reason: 'Return rejected' });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'released', releasedBy: u.manager.id, releaseReason: 'Return rejected' });
    expectProblem(await as(u.manager).post(`/v1/dunning-holds/${c.invoiceHold.id}/release`, {}), 409);
    await sweep('2026-02-25');
    expect(await level(c.split.invoices[0])).toBe(2);
    expect(await level(c.held.invoices[0])).toBe(1);
  });

  it('a hold ends by itself on its date', async () => {
    await sweep('2026-03-20');
    expect((await as(u.manager).get(`/v1/dunning-holds/${c.clientHold.id}`)).body.status).toBe('expired');
    expect(await level(c.held.invoices[0])).toBe(3);
    expect((await as(u.manager).get('/v1/dunning-holds?active=false')).body.data.map((h: any) => h.id)).toEqual(expect.arrayContaining([c.clientHold.id, c.invoiceHold.id]));
  });

  it('a hold on a settled invoice answers 409', async () => {
    const pay = await system.invoicingFactory.pay({ clientId: c.split.client.id, amount: 60_000, invoiceId: c.split.invoices[1].id, receivedOn: '2026-03-20' });
    expect(pay.status).toBe(201);
    expectProblem(await as(u.manager).post(`/v1/invoices/${c.split.invoices[1].id}/dunning-holds`, { until: '2026-04-01', reason: 'x' }), 409);
  });

  it('lists promises with what was paid, cancels one (dunning resumes) and shows a partly kept one as such', async () => {
    const promise = async (name: string, amount: number, date: string) => {
      const task = (await as(u.manager).get(`/v1/tasks?clientId=${c[name].client.id}&status=open`)).body.data[0];
      const done = await as(u.manager).post(`/v1/tasks/${task.id}/complete`, { outcome: 'promise_to_pay', promisedDate: date, promisedAmount: amount });
      expect(done.status).toBe(200);
      return (await as(u.manager).get(`/v1/promises?clientId=${c[name].client.id}`)).body.data[0];
    };
    const free = await promise('free', 60_000, '2026-04-10');
    expect(free).toMatchObject({ status: 'active', promisedAmount: 60_000, paid: 0, partlyKept: false, promisedDate: '2026-04-10' });
    expectProblem(await as(u.outsider).get(`/v1/promises/${free.id}`), 404);
    expectProblem(await as(u.outsider).post(`/v1/promises/${free.id}/cancel`, { reason: 'x' }), 404);
    expectProblem(await as(u.manager).post(`/v1/promises/${free.id}/cancel`, {}), 400);
    const cancelled = await as(u.manager).post(`/v1/promises/${free.id}/cancel`, { reason: 'Recorded for the wrong client' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Recorded for the wrong client', resolvedOn: '2026-03-20' });
    expectProblem(await as(u.manager).post(`/v1/promises/${free.id}/cancel`, { reason: 'again' }), 409);
    expect((await as(u.manager).get('/v1/promises?status=cancelled')).body.data.map((p: any) => p.id)).toEqual([free.id]);

    const partial = await promise('partial', 60_000, '2026-03-27');
    system.setToday('2026-03-25');
    expect((await system.invoicingFactory.pay({ clientId: c.partial.client.id, amount: 20_000, receivedOn: '2026-03-25' })).status).toBe(201);
    expect((await as(u.manager).get(`/v1/promises/${partial.id}`)).body).toMatchObject({ status: 'active', paid: 20_000 });
    await sweep('2026-03-28');
    expect((await as(u.manager).get(`/v1/promises/${partial.id}`)).body).toMatchObject({ status: 'broken', paid: 20_000, partlyKept: true });
    // The cancelled promise held nothing: the free client's invoice rose with the sweep.
    expect(await level(c.free.invoices[0])).toBe(3);
  });

  it('delivers the new events to a subscribed finance system', async () => {
    // An endpoint hears events that happen after it was created, so this part runs on the real clock.
    system.setToday(undefined);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const inDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const hold = await as(u.manager).post(`/v1/clients/${c.held.client.id}/dunning-holds`, { until: inDays(30), reason: 'Insolvency check' });
    expect(hold.status).toBe(201);
    expect((await as(u.manager).post(`/v1/dunning-holds/${hold.body.id}/release`, { reason: 'Check passed' })).status).toBe(200);
    const task = (await as(u.manager).get(`/v1/tasks?clientId=${c.held.client.id}&status=open`)).body.data[0];
    expect((await as(u.manager).post(`/v1/tasks/${task.id}/complete`, { outcome: 'promise_to_pay', promisedDate: inDays(5), promisedAmount: 10_000 })).status).toBe(200);
    const promise = (await as(u.manager).get(`/v1/promises?clientId=${c.held.client.id}&status=active`)).body.data[0];
    expect((await as(u.manager).post(`/v1/promises/${promise.id}/cancel`, { reason: 'Withdrawn' })).status).toBe(200);

    const events = await eventually(
      () => receiver.received.map((r) => JSON.parse(r.body)),
      (received) => ['dunning.hold_placed', 'dunning.hold_released', 'promise.cancelled'].every((t) => received.some((e: any) => e.type === t)),
    );
    expect(events.find((e: any) => e.type === 'dunning.hold_placed').data).toMatchObject({ holdId: hold.body.id, clientId: c.held.client.id, invoiceId: null, until: inDays(30), reason: 'Insolvency check', createdBy: u.manager.id });
    expect(events.find((e: any) => e.type === 'dunning.hold_released').data).toMatchObject({ holdId: hold.body.id, reason: 'Check passed', releasedBy: u.manager.id });
    expect(events.find((e: any) => e.type === 'promise.cancelled').data).toMatchObject({ promiseId: promise.id, reason: 'Withdrawn', promisedAmount: 10_000, currency: 'EUR' });
  });
});
