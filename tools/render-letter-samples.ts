import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  creditorReference, DEFAULT_LETTER_TEMPLATES, epcQrPayload, formatCreditorReference, formatLetterDate, LETTER_KINDS, LETTER_LANGUAGES, LetterDocument,
  LetterKind, LetterLanguage, localeOf, renderLetterPdf, renderTemplate,
} from '@ar/invoicing';
import { formatMoney } from '@ar/money';

/** Where the sample pages live (npm scripts run at the repository's root). */
const OUT = join(process.cwd(), 'docs', 'letters');

const payee = { name: 'Nordwind Forderungen GmbH', iban: 'DE02120300000000202051', bic: 'BYLADEM1001', bankName: 'Deutsche Kreditbank Berlin' };
const recipients: Record<LetterLanguage, LetterDocument['recipient']> = {
  de: { name: 'Muster GmbH', lines: ['Erika Mustermann', 'Hauptstraße 5', '10115 Berlin', 'DE'] },
  en: { name: 'Acme Trading Ltd', lines: ['Accounts Payable', '1 King Street', 'London EC2V 8AU', 'GB'] },
  ru: { name: 'ООО «Ромашка»', lines: ['Бухгалтерия', 'Невский пр., 1', '191186 Санкт-Петербург', 'RU'] },
};

/** A letter of each kind in each language with the default templates and made-up figures, as the debtor sees it. */
function sample(kind: LetterKind, language: LetterLanguage): LetterDocument {
  const reference = creditorReference('L2026000042');
  const money = (amount: number) => formatMoney(amount, 'EUR', localeOf(language));
  const date = (value: string) => formatLetterDate(value, language);
  const totals = { outstanding: 142_800, interest: kind === 'reminder' ? 0 : 1_862, fees: kind === 'reminder' ? 0 : 4_000, due: 0 };
  totals.due = totals.outstanding + totals.interest + totals.fees;
  const statement = { from: '2026-01-01', to: '2026-03-31', opening: 0, closing: 92_800, entries: [
    { on: '2026-01-05', kind: 'invoice' as const, text: 'INV-2026-000101', debit: 119_000, credit: 0, balance: 119_000 },
    { on: '2026-02-10', kind: 'invoice' as const, text: 'INV-2026-000102', debit: 23_800, credit: 0, balance: 142_800 },
    { on: '2026-02-20', kind: 'payment' as const, text: formatCreditorReference(reference), debit: 0, credit: 50_000, balance: 92_800 },
  ] };
  const view = {
    client: { name: recipients[language].name }, contact: { name: recipients[language].lines[0] }, sender: { name: payee.name },
    letter: { number: 'L-2026-000042', date: date('2026-05-04'), payBy: date(kind === 'pre_trial_claim' ? '2026-06-03' : '2026-05-18'), reference: formatCreditorReference(reference), level: 1, answerDays: 30 },
    totals: { outstanding: money(totals.outstanding), interest: money(totals.interest), fees: money(totals.fees), due: money(totals.due) },
    period: { from: date(statement.from), to: date(statement.to), opening: money(statement.opening), closing: money(statement.closing) },
  };
  const template = DEFAULT_LETTER_TEMPLATES[kind][language];
  return {
    kind, language, recipient: recipients[language], date: '2026-05-04', number: kind === 'statement' ? 'S-2026-03-31' : 'L-2026-000042',
    sender: { name: payee.name, addressLines: ['Hafenstraße 1', '20457 Hamburg', 'Germany'], email: null, payee },
    reference: kind === 'statement' ? null : reference, subject: renderTemplate(template.subject, view), body: renderTemplate(template.body, view), currency: 'EUR',
    invoices: [
      { number: 'INV-2026-000101', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 119_000, paid: 0, outstanding: 119_000, daysOverdue: 34 },
      { number: 'INV-2026-000102', issueDate: '2026-03-10', dueDate: '2026-04-09', amount: 23_800, paid: 0, outstanding: 23_800, daysOverdue: 25 },
    ],
    totals, payBy: kind === 'statement' ? null : kind === 'pre_trial_claim' ? '2026-06-03' : '2026-05-18',
    interestPeriods: [{ invoiceNumber: 'INV-2026-000101', from: '2026-04-01', to: '2026-05-04', days: 34, principal: 119_000, ratePercent: 10.27, interest: 1_138 }],
    qrPayload: kind === 'statement' ? null : epcQrPayload(payee, { amount: totals.due, currency: 'EUR', reference, purpose: 'L-2026-000042' }),
    statement: kind === 'statement' ? statement : null,
  };
}

/** npm run letters:samples: docs/letters/<kind>-<language>.png, the first page of each at 60 dpi (needs poppler's pdftoppm). */
async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'ar-letters-'));
  try {
    for (const kind of LETTER_KINDS) {
      for (const language of LETTER_LANGUAGES) {
        const pdf = join(work, `${kind}-${language}.pdf`);
        writeFileSync(pdf, await renderLetterPdf(sample(kind, language)));
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(work, `${kind}-${language}`)]);
        renameSync(join(work, `${kind}-${language}.png`), join(OUT, `${kind}-${language}.png`));
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`wrote ${LETTER_KINDS.length * LETTER_LANGUAGES.length} sample pages to ${OUT}`);
}

if (require.main === module) void main();
