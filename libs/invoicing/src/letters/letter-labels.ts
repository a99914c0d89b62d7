import { LetterLanguage } from './letter-kinds';

/** The fixed words of the layout around a template's text, per language. */
export interface LetterLabels {
  date: string;
  ourReference: string;
  paymentReference: string;
  invoice: string;
  issued: string;
  due: string;
  amount: string;
  paid: string;
  outstanding: string;
  daysOverdue: string;
  principal: string;
  interest: string;
  fees: string;
  totalDue: string;
  payBy: string;
  payTo: string;
  scanToPay: string;
  annexTitle: string;
  from: string;
  to: string;
  days: string;
  rate: string;
  openingBalance: string;
  closingBalance: string;
  entry: string;
  debit: string;
  credit: string;
  balance: string;
  page: string;
  signatures: [string, string];
  entryKinds: Record<'invoice' | 'credit_note' | 'write_off' | 'payment' | 'reversal' | 'interest_invoice' | 'discount', string>;
}

export const LETTER_LABELS: Readonly<Record<LetterLanguage, LetterLabels>> = {
  de: {
    date: 'Datum', ourReference: 'Unser Zeichen', paymentReference: 'Verwendungszweck', invoice: 'Rechnung', issued: 'Datum', due: 'Fällig',
    amount: 'Betrag', paid: 'Bezahlt', outstanding: 'Offen', daysOverdue: 'Tage überfällig', principal: 'Hauptforderung', interest: 'Verzugszinsen',
    fees: 'Kosten', totalDue: 'Zu zahlen', payBy: 'Zahlbar bis', payTo: 'Bankverbindung', scanToPay: 'Mit der Banking-App scannen',
    annexTitle: 'Anlage: Zinsberechnung', from: 'Von', to: 'Bis', days: 'Tage', rate: 'Zinssatz', openingBalance: 'Anfangssaldo',
    closingBalance: 'Endsaldo', entry: 'Buchung', debit: 'Soll', credit: 'Haben', balance: 'Saldo', page: 'Seite',
    signatures: ['Für den Gläubiger', 'Für den Schuldner'],
    entryKinds: { invoice: 'Rechnung', credit_note: 'Gutschrift', write_off: 'Ausbuchung', payment: 'Zahlung', reversal: 'Rückbuchung', interest_invoice: 'Zinsrechnung', discount: 'Skonto' },
  },
  en: {
    date: 'Date', ourReference: 'Our reference', paymentReference: 'Payment reference', invoice: 'Invoice', issued: 'Issued', due: 'Due',
    amount: 'Amount', paid: 'Paid', outstanding: 'Outstanding', daysOverdue: 'Days overdue', principal: 'Principal', interest: 'Late interest',
    fees: 'Fees', totalDue: 'Total due', payBy: 'Pay by', payTo: 'Bank details', scanToPay: 'Scan with your banking app',
    annexTitle: 'Annex: interest calculation', from: 'From', to: 'To', days: 'Days', rate: 'Rate', openingBalance: 'Opening balance',
    closingBalance: 'Closing balance', entry: 'Entry', debit: 'Debit', credit: 'Credit', balance: 'Balance', page: 'Page',
    signatures: ['For the creditor', 'For the debtor'],
    entryKinds: { invoice: 'Invoice', credit_note: 'Credit note', write_off: 'Write-off', payment: 'Payment', reversal: 'Payment reversed', interest_invoice: 'Interest invoice', discount: 'Cash discount' },
  },
  ru: {
    date: 'Дата', ourReference: 'Наш номер', paymentReference: 'Назначение платежа', invoice: 'Счёт', issued: 'Дата', due: 'Срок',
    amount: 'Сумма', paid: 'Оплачено', outstanding: 'Остаток', daysOverdue: 'Дн. просрочки', principal: 'Основной долг',
    interest: 'Проценты', fees: 'Расходы', totalDue: 'Итого к оплате', payBy: 'Оплатить до', payTo: 'Банковские реквизиты',
    scanToPay: 'Отсканируйте в банковском приложении', annexTitle: 'Приложение: расчёт процентов', from: 'С', to: 'По', days: 'Дней',
    rate: 'Ставка', openingBalance: 'Сальдо на начало', closingBalance: 'Сальдо на конец', entry: 'Операция', debit: 'Дебет',
    credit: 'Кредит', balance: 'Сальдо', page: 'Стр.', signatures: ['От кредитора', 'От должника'],
    entryKinds: { invoice: 'Счёт', credit_note: 'Кредит-нота', write_off: 'Списание', payment: 'Оплата', reversal: 'Возврат платежа', interest_invoice: 'Счёт на проценты', discount: 'Скидка' },
  },
};

const LOCALES: Record<LetterLanguage, string> = { de: 'de-DE', en: 'en-GB', ru: 'ru-RU' };

export const localeOf = (language: LetterLanguage) => LOCALES[language];

/** A calendar date as the reader writes it: 31.03.2026 (de, ru) or 31 March 2026 (en). */
const ENGLISH_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export function formatLetterDate(date: string, language: LetterLanguage): string {
  const [y, m, d] = date.split('-');
  if (language !== 'en') return `${d}.${m}.${y}`;
  return ENGLISH_DATE.format(new Date(`${date}T00:00:00Z`));
}
