import { randomUUID } from 'node:crypto';
import { addDays } from '@ar/time';
import {
  CollectionsDriver, eventually, IsolatedEnvironment, isolatedEnvironment, pdfText, RunningSystem, SmtpReceiver, startSmtpReceiver, startSystem, tokenFor,
} from '@ar/testing';

type Letter = { id: string; kind: string; level: number; status: string; channel: string; subject: string; invoiceIds: string[]; number: string; letterDate: string; payBy: string };

/**
 * The sweep decides, the letter goes out: a German, an English and a Russian client pass the four levels of the
 * standard policy; levels 1-3 e-mail their letter (reminder, reminder, final notice) through a real SMTP server,
 * level 4 produces the pre-trial claim to post. Repeated sweeps and redelivered events send nothing twice.
 */
describe('dunning letters from the sweep, in three languages', () => {
  let env: IsolatedEnvironment;
  let system: RunningSystem;
  let smtp: SmtpReceiver;
  const previous = process.env.SMTP_URL;
  const due = '2026-01-31';
  const clients: Record<'de' | 'en' | 'ru', { id: string; email: string; invoiceId: string; managerToken: string }> = {} as never;
  const admin = () => system.invoicing.api.as(tokenFor('admin'));
  const lettersOf = async (clientId: string): Promise<Letter[]> =>
    ((await admin().get(`/v1/letters?clientId=${clientId}&limit=50`)).body.data as Letter[]).sort((a, b) => a.level - b.level);
  const mailsTo = (email: string) => smtp.messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.text.includes(email)));

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    process.env.SMTP_URL = smtp.url;
    env = await isolatedEnvironment('dunning_letters');
    system = await startSystem({ collections: true });
    system.setToday(due);
    const c = system.contractsFactory;
    for (const [language, name, country, currency] of [['de', 'Muster GmbH', 'DE', 'EUR'], ['en', 'Acme Ltd', 'GB', 'EUR'], ['ru', 'ООО «Ромашка»', 'RU', 'RUB']] as const) {
      const manager = await c.newUser('account_manager');
      const email = `ap-${language}-${randomUUID().slice(0, 6)}@client.example`;
      const client = await c.newClient(manager.id, {
        name, country, language, billingContacts: [{ name: 'Accounts Payable', email }], postalAddress: { street: 'Street 1', postalCode: '10115', city: 'City' },
      });
      const contract = await c.activeContract(client.id, { paymentTermDays: 30, currency, lateInterest: { rule: currency === 'RUB' ? 'ru_395' : 'de_b2b' } });
      const invoice = await system.invoicingFactory.newInvoice(contract.id, 119_000, { issueDate: '2026-01-01' });
      clients[language] = { id: client.id, email, invoiceId: invoice.id, managerToken: manager.token };
    }
  });
  afterAll(async () => {
    await system.close();
    await smtp.close();
    await env.restore();
    if (previous === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previous;
  });

  const sweep = async (asOf: string) => {
    system.setToday(asOf);
    const result = await new CollectionsDriver(system.collections!.api.as(tokenFor('finance'))).sweep(asOf);
    expect(result.status).toBe('completed');
  };

  /** Sweeps the day the level is reached and waits until every client has that level's letter, sent or to post. */
  const reach = async (level: number, daysOverdue: number) => {
    await sweep(addDays(due, daysOverdue));
    for (const client of Object.values(clients)) {
      await eventually(() => lettersOf(client.id), (letters) => letters.some((l) => l.level === level && ['sent', 'draft'].includes(l.status)), 30_000);
    }
  };

  it('sends levels 1-3 by e-mail and produces level 4 to post, each in the client language', async () => {
    await reach(1, 3);
    await reach(2, 14);
    await reach(3, 30);
    await reach(4, 60);

    const expected = {
      de: ['Zahlungserinnerung', 'Zahlungserinnerung', 'Letzte Mahnung', 'Ankündigung des gerichtlichen Mahnverfahrens'],
      en: ['Payment reminder', 'Payment reminder', 'Final notice', 'Letter before action'],
      ru: ['Напоминание об оплате', 'Напоминание об оплате', 'Последнее напоминание', 'Претензия'],
    };
    for (const [language, client] of Object.entries(clients) as ['de' | 'en' | 'ru', (typeof clients)['de']][]) {
      const letters = await lettersOf(client.id);
      expect(letters.map((l) => [l.level, l.kind, l.channel, l.status])).toEqual([
        [1, 'reminder', 'email', 'sent'],
        [2, 'reminder', 'email', 'sent'],
        [3, 'final_notice', 'email', 'sent'],
        [4, 'pre_trial_claim', 'post', 'draft'],
      ]);
      letters.forEach((l, i) => expect(l.subject).toBe(`${expected[language][i]} ${l.number}`));
      // The standard policy gives 14 days to pay; a pre-trial claim always 30.
      expect(letters.map((l) => l.payBy)).toEqual(letters.map((l) => addDays(l.letterDate, l.kind === 'pre_trial_claim' ? 30 : 14)));
      expect(letters.every((l) => l.invoiceIds.length === 1 && l.invoiceIds[0] === client.invoiceId)).toBe(true);
      const mails = mailsTo(client.email);
      expect(mails.map((m) => m.subject)).toEqual(letters.slice(0, 3).map((l) => l.subject));
      expect(pdfText(mails[2].attachments[0].content)).toContain(language === 'de' ? 'Anlage: Zinsberechnung' : language === 'en' ? 'Annex: interest calculation' : 'Приложение: расчёт процентов');
    }
    // Every letter of the sweep was rendered once, right after it was produced: the level-4 letters to post too,
    // though nobody has downloaded them yet.
    const { DataSource } = await import('typeorm');
    const [unrendered] = await system.invoicing.app.get(DataSource).query(
      `SELECT count(*)::int AS n FROM invoicing.letters WHERE client_id = ANY($1) AND pdf IS NULL`, [Object.values(clients).map((c) => c.id)],
    );
    expect(unrendered.n).toBe(0);
    const tasks = (await system.collections!.api.as(clients.de.managerToken).get(`/v1/tasks?clientId=${clients.de.id}`)).body.data;
    expect(tasks.find((t: { dunningLevel: number }) => t.dunningLevel === 4).note).toContain('post it');
    expect(tasks.find((t: { dunningLevel: number }) => t.dunningLevel === 1).note).toContain('e-mailed');

    // Each e-mailed letter is in the client's contact history, once, as its manager sees it.
    const sent = (await lettersOf(clients.de.id)).filter((l) => l.status === 'sent');
    const history = await eventually(
      async () => (await system.collections!.api.as(clients.de.managerToken).get(`/v1/clients/${clients.de.id}/activities`)).body.data as any[],
      (entries) => entries.filter((a) => a.kind === 'letter_sent').length === sent.length,
    );
    expect(history.filter((a) => a.kind === 'letter_sent').map((a) => a.subjectId).sort()).toEqual(sent.map((l) => l.id).sort());
    expect(history.find((a) => a.subjectId === sent[0].id)).toMatchObject({ outcome: 'sent', authorId: null });
    expect(history.find((a) => a.subjectId === sent[0].id).note).toContain(sent[0].number);
  });

  it('sends nothing twice: later sweeps and a redelivered request add no letter and no e-mail', async () => {
    const before = smtp.messages.length;
    const counts = async () => Promise.all(Object.values(clients).map(async (c) => (await lettersOf(c.id)).length));
    const letters = await counts();
    await sweep(addDays(due, 61));
    await sweep(addDays(due, 75));
    // What a redelivered dunning.letter_requested does: the same client, kind, level and invoices.
    const { LetterProductionService } = await import('@ar/invoicing');
    const production = system.collections!.app.get(LetterProductionService);
    const request = { clientId: clients.en.id, kind: 'reminder' as const, level: 1, invoiceIds: [clients.en.invoiceId], channel: 'email' as const, payWithinDays: 14 };
    expect(await production.produce([request])).toBe(0);
    await production.enqueue([request]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await counts()).toEqual(letters);
    expect(smtp.messages.length).toBe(before);
  });
});
