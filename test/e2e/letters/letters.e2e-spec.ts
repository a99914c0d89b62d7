import { randomUUID } from 'node:crypto';
import {
  eventually, expectProblem, pdfText, qrPayloadOnFirstPage, RunningSystem, SmtpReceiver, startSmtpReceiver, startSystem, tokenFor, withDatabase,
} from '@ar/testing';

const squash = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ');
const grouped = (reference: string) => reference.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Letters to debtors against a real SMTP server: produced on demand, e-mailed once by the worker with their
 * PDF, read back as the debtor would (text, QR code), posted when there is no e-mail address, and their RF
 * reference settling their invoices when a payment quotes it.
 */
describe('letters: PDF by e-mail, by post, and paid by their RF reference', () => {
  let system: RunningSystem;
  let smtp: SmtpReceiver;
  const previous = { SMTP_URL: process.env.SMTP_URL, SENDER_NAME: process.env.SENDER_NAME };
  const today = '2026-04-15';
  const finance = () => system.invoicingFactory.finance;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    Object.assign(process.env, { SMTP_URL: smtp.url, SENDER_NAME: 'Nordwind Forderungen GmbH' });
    system = await startSystem({ collections: true });
    system.setToday(today);
  });
  afterAll(async () => {
    await system.close();
    await smtp.close();
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  /** A manager's client with an active EUR contract (14 days), optionally with a billing contact. */
  async function account(client: Record<string, unknown> = {}) {
    const c = system.contractsFactory;
    const manager = await c.newUser('account_manager');
    const email = `ap-${randomUUID().slice(0, 8)}@muster.example`;
    const created = await c.newClient(manager.id, {
      name: 'Muster GmbH', language: 'de', postalAddress: { street: 'Hauptstraße 5', postalCode: '10115', city: 'Berlin' },
      billingContacts: [{ name: 'Erika Mustermann', email }], ...client,
    });
    const contract = await c.activeContract(created.id, { paymentTermDays: 14 });
    return { manager, client: created, contract, email, api: system.invoicing.api.as(manager.token) };
  }

  const letter = async (id: string) => (await finance().get(`/v1/letters/${id}`)).body;
  const mailsTo = (email: string) => smtp.messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.text.includes(email)));

  it('e-mails a German reminder once, with a PDF that shows the claim and a QR code for the same amount and reference', async () => {
    const { client, contract, email, api } = await account();
    const invoice = await system.invoicingFactory.newInvoice(contract.id, 119_000, { issueDate: '2026-03-01' });

    const created = await api.post('/v1/letters', { clientId: client.id, kind: 'reminder' }, { 'Idempotency-Key': randomUUID() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      clientId: client.id, kind: 'reminder', level: null, invoiceIds: [invoice.id], language: 'de', channel: 'email', recipientEmail: email,
      status: 'queued', currency: 'EUR', letterDate: today, payBy: '2026-04-29', reference: expect.stringMatching(/^RF\d{2}L2026\d{6}$/),
    });
    const sent = await eventually(() => letter(created.body.id), (l) => l.status === 'sent', 20_000);
    expect(sent.attempts).toEqual([expect.objectContaining({ outcome: 'sent', error: null })]);

    const [mail] = mailsTo(email);
    expect(mailsTo(email)).toHaveLength(1);
    expect(mail.subject).toBe(`Zahlungserinnerung ${sent.number}`);
    expect(mail.text).toContain(grouped(sent.reference));
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${sent.number}.pdf`, 'application/pdf']]);
    const pdf = mail.attachments[0].content;
    const text = squash(pdfText(pdf));
    for (const expected of ['Muster GmbH', 'Erika Mustermann', 'Hauptstraße 5', invoice.number, '1.190,00 €', 'DE02120300000000202051', grouped(sent.reference), '29.04.2026']) {
      expect(text).toContain(expected);
    }
    expect(qrPayloadOnFirstPage(pdf)?.split('\n').slice(6, 10)).toEqual(['DE02120300000000202051', `EUR${(sent.totalDue / 100).toFixed(2)}`, '', sent.reference]);

    const download = await api.get(`/v1/letters/${sent.id}/pdf`);
    expect(download.status).toBe(200);
    expect(download.contentType).toBe('application/pdf');
    expect(Buffer.compare(download.body, pdf)).toBe(0);
    // Nothing more goes out, however long we wait for the queue.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('settles the invoices of the letter whose RF reference a payment quotes, not the older ones', async () => {
    const { client, contract, api } = await account();
    const older = await system.invoicingFactory.newInvoice(contract.id, 50_000, { issueDate: '2026-02-01' });
    const claimed = await system.invoicingFactory.newInvoice(contract.id, 30_000, { issueDate: '2026-03-01' });
    const created = await api.post('/v1/letters', { clientId: client.id, kind: 'reminder', invoiceIds: [claimed.id], send: false });
    expect(created.body).toMatchObject({ status: 'draft', invoiceIds: [claimed.id] });

    const paid = await system.invoicingFactory.pay({ clientId: client.id, amount: 30_000, receivedOn: today, reference: `Zahlung ${grouped(created.body.reference)} danke` });
    expect(paid.body.allocations).toEqual([{ invoiceId: claimed.id, amount: 30_000, discount: 0 }]);
    expect((await system.invoicingFactory.invoice(older.id)).balance).toBe(50_000);
  });

  it('leaves a letter to post when the client has no billing e-mail, says so, and records the posting once', async () => {
    const { client, contract, api } = await account({ billingContacts: [] });
    await system.invoicingFactory.newInvoice(contract.id, 20_000, { issueDate: '2026-03-01' });
    const created = await api.post('/v1/letters', { clientId: client.id, kind: 'final_notice' });
    expect(created.body).toMatchObject({ channel: 'post', status: 'draft', recipientEmail: null, statusReason: 'no billing e-mail: post the letter' });
    const posted = await api.post(`/v1/letters/${created.body.id}/mark-posted`);
    expect(posted.body).toMatchObject({ status: 'posted', postedAt: expect.any(String) });
    expectProblem(await api.post(`/v1/letters/${created.body.id}/mark-posted`), 409);
    expect((await api.get(`/v1/letters?clientId=${client.id}&status=posted`)).body.data.map((l: { id: string }) => l.id)).toEqual([created.body.id]);
  });

  it('retries a mail server that answers 451 and stops at a 550, listing every attempt', async () => {
    const { client, contract, email, api } = await account();
    await system.invoicingFactory.newInvoice(contract.id, 10_000, { issueDate: '2026-03-01' });
    smtp.refuseNext(451);
    const retried = await api.post('/v1/letters', { clientId: client.id, kind: 'reminder' });
    const sent = await eventually(() => letter(retried.body.id), (l) => l.status === 'sent', 20_000);
    expect(sent.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['retrying', 'sent']);
    expect(mailsTo(email)).toHaveLength(1);

    smtp.refuseNext(550);
    const refused = await api.post('/v1/letters', { clientId: client.id, kind: 'final_notice' });
    const failed = await eventually(() => letter(refused.body.id), (l) => l.status === 'failed', 20_000);
    expect(failed.attempts).toEqual([expect.objectContaining({ outcome: 'failed', error: expect.stringContaining('550') })]);
    expect(failed.statusReason).toContain('550');
    expect(mailsTo(email)).toHaveLength(1);
    const events = await withDatabase(async (db) =>
      (await db.query(`SELECT type FROM invoicing.outbox_events WHERE aggregate_id = ANY($1::uuid[]) ORDER BY id`, [[retried.body.id, refused.body.id]])).rows.map((r) => r.type),
    );
    expect(events).toEqual(['letter.queued', 'letter.sent', 'letter.queued', 'letter.failed']);
  });

  it('writes Russian letters for a Russian client: a pre-trial claim (претензия) with its 30-day answer period', async () => {
    const { client, contract, api } = await account({ name: 'ООО «Ромашка»', country: 'RU', language: 'ru', postalAddress: { street: 'Невский пр., 1', postalCode: '191186', city: 'Санкт-Петербург' } });
    await system.invoicingFactory.newInvoice(contract.id, 119_000, { issueDate: '2026-02-01' });
    const created = await api.post('/v1/letters', { clientId: client.id, kind: 'pre_trial_claim', send: false });
    expect(created.body).toMatchObject({ language: 'ru', payBy: '2026-05-15', subject: `Претензия ${created.body.number}` });
    const text = squash(pdfText((await api.get(`/v1/letters/${created.body.id}/pdf`)).body));
    expect(text).toContain('ООО «Ромашка»');
    expect(text).toContain('30 календарных дней');
    expect(text).toContain('арбитражный суд');
  });

  it('refuses what it must: another manager gets 404, a head of sales 403, bad input 400, nothing to claim 422; nothing is written', async () => {
    const { client, contract, api } = await account();
    const stranger = system.invoicing.api.as(tokenFor('account_manager'));
    expectProblem(await stranger.post('/v1/letters', { clientId: client.id, kind: 'reminder' }), 404);
    expectProblem(await system.invoicing.api.as(tokenFor('head_of_sales')).post('/v1/letters', { clientId: client.id, kind: 'reminder' }), 403);
    for (const body of [{ clientId: client.id, kind: 'letter' }, { clientId: client.id, kind: 'reminder', from: '2026-01-01' }, { clientId: 'x', kind: 'reminder' }, { clientId: client.id, kind: 'reminder', invoiceIds: [] }, { clientId: client.id, kind: 'reminder', send: 'yes' }]) {
      expectProblem(await api.post('/v1/letters', body), 400);
    }
    expectProblem(await api.post('/v1/letters', { clientId: client.id, kind: 'reminder' }), 422);
    const notYetDue = await system.invoicingFactory.newInvoice(contract.id, 10_000, { issueDate: today });
    expectProblem(await api.post('/v1/letters', { clientId: client.id, kind: 'reminder', invoiceIds: [notYetDue.id] }), 422);
    expect((await api.get(`/v1/letters?clientId=${client.id}`)).body.data).toEqual([]);
    const { body } = await api.post('/v1/letters', { clientId: client.id, kind: 'reminder', invoiceIds: [randomUUID()] });
    expect(body.status).toBe(422);
  });

  it('lets an admin replace a template, refusing an invalid one with its line, and uses it for the next letter', async () => {
    const admin = system.invoicing.api.as(tokenFor('admin'));
    const invalid = await admin.put('/v1/letter-templates/reminder/de', { subject: 'Erinnerung', body: 'Hallo\n{{#invoices}}{{number}}\n{{client.iban}}' });
    expectProblem(invalid, 422);
    expect(invalid.body.detail).toContain('line 3');
    expectProblem(await system.invoicing.api.as(tokenFor('finance')).put('/v1/letter-templates/reminder/de', { subject: 'x', body: 'y' }), 403);
    expectProblem(await admin.put('/v1/letter-templates/reminder/fr', { subject: 'x', body: 'y' }), 404);

    const put = await admin.put('/v1/letter-templates/reminder/de', { subject: 'Offene Posten {{letter.number}} von {{client.name}}', body: 'Bitte zahlen Sie {{totals.due}}.' });
    expect(put.body).toMatchObject({ kind: 'reminder', language: 'de', isDefault: false });
    const { client, contract, api } = await account({ name: 'Vorlage KG' });
    await system.invoicingFactory.newInvoice(contract.id, 10_000, { issueDate: '2026-03-01' });
    const created = await api.post('/v1/letters', { clientId: client.id, kind: 'reminder', send: false });
    expect(created.body.subject).toBe(`Offene Posten ${created.body.number} von Vorlage KG`);

    expect((await admin.delete('/v1/letter-templates/reminder/de')).body).toMatchObject({ isDefault: true, subject: 'Zahlungserinnerung {{letter.number}}' });
    const listed = (await api.get('/v1/letter-templates')).body.data;
    // Five kinds (courtesy, reminder, final notice, pre-trial claim, statement) in three languages.
    expect(listed).toHaveLength(15);
  });

  describe('account statements', () => {
    it('balance to the cent against the ledger: invoices, interest invoice, credit note, payments, reversal', async () => {
      const c = system.contractsFactory;
      const manager = await c.newUser('account_manager');
      const client = await c.newClient(manager.id, { name: 'Saldo AG', language: 'de' });
      const contract = await c.activeContract(client.id, { paymentTermDays: 14, lateInterest: { rule: 'de_b2b' } });
      const f = system.invoicingFactory;
      const first = await f.newInvoice(contract.id, 100_000, { issueDate: '2026-01-05' });
      const second = await f.newInvoice(contract.id, 50_000, { issueDate: '2026-02-10' });
      await f.pay({ clientId: client.id, amount: 40_000, receivedOn: '2026-01-20', invoiceId: first.id });
      const bounced = await f.pay({ clientId: client.id, amount: 30_000, receivedOn: '2026-02-20', invoiceId: second.id });
      expect((await finance().post(`/v1/payments/${bounced.body.id}/reverse`)).status).toBe(200);
      expect((await finance().post('/v1/credit-notes', { invoiceId: second.id, amount: 5_000, reason: 'Damaged goods' })).status).toBe(201);
      const interest = await finance().post(`/v1/invoices/${first.id}/charge-interest`);
      expect(interest.status).toBe(201);
      await f.pay({ clientId: client.id, amount: 70_000, receivedOn: '2026-04-01' });

      const api = system.invoicing.api.as(manager.token);
      const statement = (await api.get(`/v1/clients/${client.id}/statement?from=2026-02-01&to=${today}`)).body;
      const [balance] = (await api.get(`/v1/clients/${client.id}/balance`)).body;
      expect(statement.closing).toBe(balance.open - balance.unappliedCredit);
      expect(statement.opening).toBe(100_000 - 40_000);
      expect(statement.closing).toBe(statement.opening + statement.debits - statement.credits);
      // By date; on one day invoices first, then reversals, credit notes, discounts and payments.
      expect(statement.entries.map((e: { on: string; kind: string }) => [e.on, e.kind])).toEqual([
        ['2026-02-10', 'invoice'], ['2026-02-20', 'payment'], ['2026-04-01', 'payment'], [today, 'interest_invoice'], [today, 'reversal'], [today, 'credit_note'],
      ]);
      expect(statement.entries.filter((e: { kind: string }) => e.kind === 'interest_invoice')).toHaveLength(1);
      expect(statement.entries.at(-1).balance).toBe(statement.closing);

      const csv = await api.get(`/v1/clients/${client.id}/statement?from=2026-02-01&to=${today}`, { accept: 'text/csv' });
      expect(csv.contentType).toContain('text/csv');
      expect((csv.body as string).trim().split('\n').at(-1)).toBe(`${today},closing_balance,,,,${statement.closing},EUR`);
      const pdf = await api.get(`/v1/clients/${client.id}/statement?from=2026-02-01&to=${today}`, { accept: 'application/pdf' });
      const text = squash(pdfText(pdf.body));
      expect(text).toContain('Kontoauszug 01.02.2026 – 15.04.2026');
      expect(text).toContain(second.number);
      expect(text).toContain('Endsaldo');
    });

    it('is an акт сверки with two signature blocks for a Russian client, and refuses bad periods', async () => {
      const c = system.contractsFactory;
      const manager = await c.newUser('account_manager');
      const client = await c.newClient(manager.id, { name: 'ООО «Сверка»', country: 'RU', language: 'ru' });
      const contract = await c.activeContract(client.id, { currency: 'RUB' });
      await system.invoicingFactory.newInvoice(contract.id, 250_000, { issueDate: '2026-03-01' });
      const api = system.invoicing.api.as(manager.token);
      const pdf = await api.get(`/v1/clients/${client.id}/statement?from=2026-01-01&to=2026-03-31`, { accept: 'application/pdf' });
      const text = squash(pdfText(pdf.body));
      for (const expected of ['Акт сверки взаимных расчётов', 'От кредитора', 'От должника', 'ООО «Сверка»', '2 500,00 ₽']) expect(text).toContain(expected);

      const letter = await api.post('/v1/letters', { clientId: client.id, kind: 'statement', from: '2026-01-01', to: '2026-03-31', send: false });
      expect(letter.body).toMatchObject({ kind: 'statement', status: 'draft', currency: 'RUB', totalDue: 250_000, reference: null, payBy: null, invoiceIds: [] });
      expect(squash(pdfText((await api.get(`/v1/letters/${letter.body.id}/pdf`)).body))).toContain('Акт сверки взаимных расчётов');

      expectProblem(await api.get(`/v1/clients/${client.id}/statement?from=2026-03-01&to=2026-01-01`), 400);
      expectProblem(await api.get(`/v1/clients/${client.id}/statement?from=2026-03-01`), 400);
      expectProblem(await api.get(`/v1/clients/${client.id}/statement?from=2026-03-01&to=2027-01-01`), 422);
      expectProblem(await system.invoicing.api.as(tokenFor('account_manager')).get(`/v1/clients/${client.id}/statement?from=2026-01-01&to=2026-03-31`), 404);
    });
  });
});
