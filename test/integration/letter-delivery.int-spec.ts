import { randomUUID } from 'node:crypto';
import { LetterDeliveryService, LettersService } from '@ar/invoicing';
import { RunningSystem, SmtpReceiver, startSmtpReceiver, startSystem } from '@ar/testing';

/**
 * The at-most-once e-mail of a letter, at service level: the invoicing service's delivery against a real SMTP
 * server, with no worker running (the test plays the workers).
 */
describe('letter delivery (service against Postgres and a real SMTP server)', () => {
  let system: RunningSystem;
  let smtp: SmtpReceiver;
  const previous = process.env.SMTP_URL;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    process.env.SMTP_URL = smtp.url;
    system = await startSystem();
    system.setToday('2026-04-15');
  });
  afterAll(async () => {
    await system.close();
    await smtp.close();
    if (previous === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previous;
  });

  async function queuedLetter() {
    const c = system.contractsFactory;
    const manager = await c.newUser('account_manager');
    const email = `ap-${randomUUID().slice(0, 8)}@client.example`;
    const client = await c.newClient(manager.id, { billingContacts: [{ name: 'AP', email }] });
    const contract = await c.activeContract(client.id, { paymentTermDays: 14 });
    await system.invoicingFactory.newInvoice(contract.id, 10_000, { issueDate: '2026-03-01' });
    const letter = await system.invoicing.app.get(LettersService).create({ userId: manager.id, role: 'account_manager' }, { clientId: client.id, kind: 'reminder' });
    expect(letter.status).toBe('queued');
    return { letter, email };
  }
  const delivery = () => system.invoicing.app.get(LetterDeliveryService);
  const received = (email: string) => smtp.messages.filter((m) => JSON.stringify(m.to).includes(email)).length;

  it('sends once when two workers take the same letter at the same time, and never again', async () => {
    const { letter, email } = await queuedLetter();
    const outcomes = await Promise.allSettled([delivery().attempt(letter.id, false), delivery().attempt(letter.id, false)]);
    // One sends; the other finds it taken and asks to be retried later (it may still be in flight).
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).name)).sort()).toEqual(['LetterInFlightError', 'sent']);
    expect(await delivery().attempt(letter.id, true)).toBe('skipped');
    expect(received(email)).toBe(1);
  });

  it('marks a letter failed, without sending it, when a worker died while handing it to SMTP', async () => {
    const { letter, email } = await queuedLetter();
    // What a worker killed mid-send leaves: the letter claimed and never finished.
    const { LetterRepository } = await import('../../libs/invoicing/src/letters/letter.repository');
    expect(await system.invoicing.app.get(LetterRepository).claimForSending([letter.id])).toHaveLength(1);
    // While the claim is younger than twice the send timeout (1 s in tests), it may still be in flight.
    await expect(delivery().attempt(letter.id, false)).rejects.toThrow('being sent by another worker');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await delivery().attempt(letter.id, false)).toBe('failed');
    const after = await system.invoicing.app.get(LettersService).get({ userId: randomUUID(), role: 'admin' }, letter.id);
    expect(after).toMatchObject({ status: 'failed', statusReason: expect.stringContaining('interrupted') });
    expect(received(email)).toBe(0);
  });

  it('fails for good on the last attempt of a transient refusal, and retries before it', async () => {
    const { letter, email } = await queuedLetter();
    smtp.refuseNext(421, 421);
    await expect(delivery().attempt(letter.id, false)).rejects.toMatchObject({ responseCode: 421 });
    expect(await delivery().attempt(letter.id, true)).toBe('failed');
    const attempts = await system.invoicing.app.get(LettersService).attempts(letter.id);
    expect(attempts.map((a) => a.outcome)).toEqual(['retrying', 'failed']);
    expect(received(email)).toBe(0);
  });
});
