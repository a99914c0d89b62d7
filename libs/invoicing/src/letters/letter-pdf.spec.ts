import { join } from 'node:path';
import { AppConfig } from '@ar/config';
import { pdfPageCount, pdfText, qrPayloadOnFirstPage } from '@ar/testing';
import { creditorReference } from './creditor-reference';
import { LetterDocument } from './letter-document';
import { renderLetterPdf } from './letter-pdf';
import { epcQrPayload, gostQrPayload, Payee } from './payment-qr';

const payee: Payee = { name: 'Nordwind Forderungen GmbH', iban: 'DE02120300000000202051', bic: 'BYLADEM1001', bankName: 'Deutsche Kreditbank' };
const reference = creditorReference('L2026000042');

function letter(overrides: Partial<LetterDocument> = {}): LetterDocument {
  return {
    kind: 'final_notice',
    language: 'de',
    sender: { name: 'Nordwind Forderungen GmbH', addressLines: ['Hafenstraße 1', '20457 Hamburg'], email: 'ar@nordwind.example', payee },
    recipient: { name: 'Muster GmbH', lines: ['Erika Mustermann', 'Hauptstraße 5', '10115 Berlin', 'DE'] },
    date: '2026-05-04',
    number: 'L-2026-000042',
    reference,
    subject: 'Letzte Mahnung L-2026-000042',
    body: 'Sehr geehrte Damen und Herren,\n\nbitte zahlen Sie bis zum 18.05.2026.',
    currency: 'EUR',
    invoices: [
      { number: 'INV-2026-000101', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 119000, paid: 50000, outstanding: 69000, daysOverdue: 34 },
      { number: 'INV-2026-000102', issueDate: '2026-03-10', dueDate: '2026-04-09', amount: 23800, paid: 0, outstanding: 23800, daysOverdue: 25 },
    ],
    totals: { outstanding: 92800, interest: 1234, fees: 4000, due: 98034 },
    payBy: '2026-05-18',
    interestPeriods: [{ invoiceNumber: 'INV-2026-000101', from: '2026-04-01', to: '2026-05-04', days: 34, principal: 69000, ratePercent: 10.27, interest: 660 }],
    qrPayload: epcQrPayload(payee, { amount: 98034, currency: 'EUR', reference, purpose: 'L-2026-000042' }),
    statement: null,
    ...overrides,
  };
}

const squash = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ');

describe('letter PDF (rendered, then read back with poppler and a QR decoder)', () => {
  it('prints a German final notice: window address, invoices, interest and fees, total, IBAN, RF reference, annex', async () => {
    const pdf = await renderLetterPdf(letter());
    const text = squash(pdfText(pdf));
    for (const expected of ['Muster GmbH', 'Hauptstraße 5', '10115 Berlin', 'L-2026-000042', 'INV-2026-000101', 'INV-2026-000102', '1.190,00 €', '690,00 €', '12,34 €', '40,00 €', '980,34 €', '18.05.2026', 'IBAN DE02120300000000202051', 'BIC BYLADEM1001']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(reference.replace(/(.{4})(?=.)/g, '$1 '));
    expect(text).toContain('Anlage: Zinsberechnung');
    expect(pdfPageCount(pdf)).toBe(2);
  });

  it('carries an EPC QR code that decodes to the same amount and reference', async () => {
    const payload = qrPayloadOnFirstPage(await renderLetterPdf(letter()));
    expect(payload?.split('\n')).toEqual(['BCD', '002', '1', 'SCT', 'BYLADEM1001', 'Nordwind Forderungen GmbH', 'DE02120300000000202051', 'EUR980.34', '', reference, '']);
  });

  it('prints Cyrillic (embedded DejaVu) and a GOST R 56042 QR code for RUB', async () => {
    const rubPayee: Payee = { name: 'ООО «Норд»', iban: '40702810900000000001', bic: '044525225', bankName: 'ПАО Сбербанк', correspondentAccount: '30101810400000000225' };
    const pdf = await renderLetterPdf(letter({
      kind: 'pre_trial_claim', language: 'ru', currency: 'RUB', subject: 'Претензия L-2026-000042', body: 'Требуем погасить задолженность в течение 30 календарных дней.',
      sender: { name: 'ООО «Норд»', addressLines: ['Москва'], email: null, payee: rubPayee }, recipient: { name: 'ООО «Ромашка»', lines: ['Санкт-Петербург', 'RU'] },
      qrPayload: gostQrPayload(rubPayee, { amount: 98034, currency: 'RUB', reference, purpose: 'Оплата по претензии L-2026-000042' }),
    }));
    const text = squash(pdfText(pdf));
    expect(text).toContain('Претензия L-2026-000042');
    expect(text).toContain('ООО «Ромашка»');
    expect(text).toContain('980,34 ₽');
    expect(text).toContain('Приложение: расчёт процентов');
    expect(qrPayloadOnFirstPage(pdf)).toBe(
      `ST00012|Name=ООО «Норд»|PersonalAcc=40702810900000000001|BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=30101810400000000225|Sum=98034|Purpose=Оплата по претензии L-2026-000042 ${reference}`,
    );
  });

  it('breaks a long invoice table onto further pages, repeating its header', async () => {
    const invoices = Array.from({ length: 80 }, (_, i) => ({ ...letter().invoices[0], number: `INV-2026-${String(i).padStart(6, '0')}` }));
    const pdf = await renderLetterPdf(letter({ kind: 'reminder', invoices, interestPeriods: [] }));
    const text = pdfText(pdf);
    expect(text).toContain('INV-2026-000079');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);
    expect(text.split('\f').filter((page) => page.includes('Tage überfällig')).length).toBeGreaterThanOrEqual(2);
  });

  it('lays out words once for all letters: a letter rendered after others in another language prints the same', async () => {
    const first = pdfText(await renderLetterPdf(letter()));
    await renderLetterPdf(letter({ language: 'en', subject: 'Final notice L-2026-000042', body: 'Dear Sir or Madam,\n\nplease pay by 18 May 2026.' }));
    await renderLetterPdf(letter({ language: 'ru', currency: 'RUB', subject: 'Претензия L-2026-000042', body: 'Требуем погасить задолженность.' }));
    expect(pdfText(await renderLetterPdf(letter()))).toBe(first);
  });

  it('renders in a worker thread of the built worker script as on the event loop', async () => {
    // The thread runs compiled JavaScript: the build's renderer, as the worker process uses it (npm test builds first).
    const built = join(__dirname, '../../../../dist/libs/invoicing/src/letters/letter-renderer.js');
    const { LetterRenderer } = (await import(built)) as typeof import('./letter-renderer');
    const renderer = new LetterRenderer({ letterRenderThreads: 1 } as AppConfig);
    try {
      expect(renderer.threads).toBe(1);
      const inThread = await renderer.render(letter());
      expect(Buffer.isBuffer(inThread)).toBe(true);
      expect(squash(pdfText(inThread))).toBe(squash(pdfText(await renderLetterPdf(letter()))));
      expect(qrPayloadOnFirstPage(inThread)).toContain('EUR980.34');
    } finally {
      await renderer.onModuleDestroy();
    }
  });
});
