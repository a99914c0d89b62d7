import { randomUUID } from 'node:crypto';
import { CollectionsDriver, eventually, expectProblem, IsolatedEnvironment, isolatedEnvironment, RunningSystem, SmtpReceiver, startSmtpReceiver, startSystem, tokenFor } from '@ar/testing';

// Level 0: a policy may e-mail a courtesy reminder a few days before the due date, once per invoice, never by post
// and never for a disputed or held invoice.
describe('workflow: courtesy reminders before the due date', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  let smtp: SmtpReceiver;
  const previous = process.env.SMTP_URL;
  const x: Record<string, any> = {};
  const finance = () => system.collections!.api.as(tokenFor('finance'));
  const sweep = async (asOf: string) => {
    system.setToday(asOf);
    expect((await new CollectionsDriver(finance()).sweep(asOf)).status).toBe('completed');
  };
  const lettersOf = async (clientId: string) => (await system.invoicingFactory.admin.get(`/v1/letters?clientId=${clientId}`)).body.data as any[];

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    process.env.SMTP_URL = smtp.url;
    env = await isolatedEnvironment('workflow_courtesy');
    system = await startSystem({ collections: true });
    system.setToday('2026-01-20');
    const levels = [{ level: 1, minDaysOverdue: 3, action: 'reminder', letter: 'email' }];
    expectProblem(await finance().post('/v1/dunning-policies', { name: 'too-early', levels, courtesyDaysBeforeDue: 31 }), 400);
    const policy = await finance().post('/v1/dunning-policies', { name: 'friendly', levels, courtesyDaysBeforeDue: 3 });
    expect(policy.status).toBe(201);
    expect(policy.body.courtesyDaysBeforeDue).toBe(3);
    for (const name of ['mailed', 'nomail', 'disputed', 'standard']) {
      const manager = await system.contractsFactory.newUser('account_manager');
      x[`${name}Email`] = `ap-${randomUUID().slice(0, 6)}@client.example`;
      const client = await system.contractsFactory.newClient(manager.id, name === 'nomail' ? {} : { billingContacts: [{ name: 'AP', email: x[`${name}Email`], language: 'en' }] });
      const contract = await system.contractsFactory.activeContract(client.id, { paymentTermDays: 30, ...(name === 'standard' ? {} : { dunningPolicyId: policy.body.id }) });
      x[name] = { client, managerToken: manager.token, invoice: await system.invoicingFactory.newInvoice(contract.id, 40_000, { issueDate: '2026-01-01' }) };
    }
    expect((await system.invoicingFactory.invoicing.as(x.disputed.managerToken).post(`/v1/invoices/${x.disputed.invoice.id}/dispute`, { reason: 'Wrong quantity' })).status).toBe(200);
  });
  afterAll(async () => {
    await system.close();
    await smtp.close();
    await env.restore();
    if (previous === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previous;
  });

  it('e-mails the courtesy reminder three days before the due date, once, with the due date to pay by', async () => {
    await sweep('2026-01-27');
    expect(await lettersOf(x.mailed.client.id)).toEqual([]);
    await sweep('2026-01-28');
    const [letter] = await eventually(() => lettersOf(x.mailed.client.id), (l) => l.length === 1 && l[0].status === 'sent');
    expect(letter).toMatchObject({ kind: 'courtesy', level: 0, channel: 'email', payBy: '2026-01-31', invoiceIds: [x.mailed.invoice.id], totalDue: 40_000, subject: 'Friendly reminder: payment due on 31 January 2026' });
    const mail = smtp.messages.find((m) => m.subject === letter.subject);
    expect(mail?.text).toContain('fall due on 31 January 2026');
    // The history shows it; no task for a courtesy reminder.
    const history = await eventually(
      async () => (await system.collections!.api.as(x.mailed.managerToken).get(`/v1/clients/${x.mailed.client.id}/activities`)).body.data as any[],
      (entries) => entries.some((a) => a.kind === 'letter_sent'),
    );
    expect(history.find((a) => a.kind === 'letter_sent')?.subjectId).toBe(letter.id);
    expect((await finance().get(`/v1/tasks?clientId=${x.mailed.client.id}`)).body.data).toEqual([]);

    await sweep('2026-01-30');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await lettersOf(x.mailed.client.id)).toHaveLength(1);
  });

  it('sends none to a client without a billing e-mail, for a disputed invoice, or under a policy without courtesy', async () => {
    expect(await lettersOf(x.nomail.client.id)).toEqual([]);
    expect(await lettersOf(x.disputed.client.id)).toEqual([]);
    expect(await lettersOf(x.standard.client.id)).toEqual([]);
    expect(smtp.messages.filter((m) => [x.nomailEmail, x.disputedEmail, x.standardEmail].some((e) => JSON.stringify(m.to).includes(e)))).toEqual([]);
  });
});
