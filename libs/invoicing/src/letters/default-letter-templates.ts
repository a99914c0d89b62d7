import { LetterKind, LetterLanguage } from './letter-kinds';
import { LetterTemplateText } from './letter-template';

/**
 * The templates every installation starts with, per kind and language; an admin's version replaces one
 * (PUT /v1/letter-templates/:kind/:language). The legal wording (Mahnverfahren, претензия) is an example to be
 * checked by the user's lawyer, as the README says.
 */
export const DEFAULT_LETTER_TEMPLATES: Readonly<Record<LetterKind, Record<LetterLanguage, LetterTemplateText>>> = {
  courtesy: {
    de: {
      subject: 'Freundliche Erinnerung: Fälligkeit am {{letter.payBy}}',
      body: `Sehr geehrte Damen und Herren,

wir möchten Sie freundlich daran erinnern, dass die folgenden Rechnungen über {{totals.due}} am {{letter.payBy}} fällig werden. Bitte geben Sie bei der Überweisung die Referenz {{letter.reference}} an.

Sollten Sie die Zahlung bereits veranlasst haben, danken wir Ihnen herzlich.

Mit freundlichen Grüßen
{{sender.name}}`,
    },
    en: {
      subject: 'Friendly reminder: payment due on {{letter.payBy}}',
      body: `Dear Sir or Madam,

just a friendly note that the invoices below, {{totals.due}} in all, fall due on {{letter.payBy}}. Please quote the reference {{letter.reference}} with your transfer.

If you have already arranged the payment, thank you.

Kind regards
{{sender.name}}`,
    },
    ru: {
      subject: 'Напоминание: срок оплаты {{letter.payBy}}',
      body: `Уважаемые господа!

Напоминаем, что срок оплаты указанных ниже счетов на сумму {{totals.due}} наступает {{letter.payBy}}. Просим указать в назначении платежа ссылку {{letter.reference}}.

Если оплата уже запланирована, благодарим вас.

С уважением,
{{sender.name}}`,
    },
  },
  reminder: {
    de: {
      subject: 'Zahlungserinnerung {{letter.number}}',
      body: `Sehr geehrte Damen und Herren,

sicher ist es Ihrer Aufmerksamkeit entgangen: Die folgenden Rechnungen sind fällig und noch nicht vollständig beglichen. Bitte überweisen Sie den offenen Betrag von {{totals.due}} bis zum {{letter.payBy}} unter Angabe der Referenz {{letter.reference}}.

Sollten Sie inzwischen gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.

Mit freundlichen Grüßen
{{sender.name}}`,
    },
    en: {
      subject: 'Payment reminder {{letter.number}}',
      body: `Dear Sir or Madam,

our records show that the invoices below are due and not yet paid in full. Please transfer the amount of {{totals.due}} by {{letter.payBy}}, quoting the reference {{letter.reference}}.

If you have paid in the meantime, please disregard this letter.

Yours faithfully
{{sender.name}}`,
    },
    ru: {
      subject: 'Напоминание об оплате {{letter.number}}',
      body: `Уважаемые господа!

По нашим данным, указанные ниже счета подлежат оплате и оплачены не полностью. Просим перечислить сумму {{totals.due}} до {{letter.payBy}}, указав в назначении платежа ссылку {{letter.reference}}.

Если оплата уже произведена, просим считать это письмо недействительным.

С уважением,
{{sender.name}}`,
    },
  },
  final_notice: {
    de: {
      subject: 'Letzte Mahnung {{letter.number}}',
      body: `Sehr geehrte Damen und Herren,

trotz unserer Zahlungserinnerung sind die folgenden Rechnungen weiterhin offen. Sie befinden sich im Zahlungsverzug; wir berechnen Verzugszinsen von {{totals.interest}} und Kosten von {{totals.fees}} (Zinsberechnung in der Anlage).

Bitte zahlen Sie den Gesamtbetrag von {{totals.due}} bis spätestens {{letter.payBy}} unter Angabe der Referenz {{letter.reference}}. Nach Ablauf dieser Frist werden wir die Forderung ohne weitere Ankündigung gerichtlich geltend machen.

Mit freundlichen Grüßen
{{sender.name}}`,
    },
    en: {
      subject: 'Final notice {{letter.number}}',
      body: `Dear Sir or Madam,

despite our reminder, the invoices below remain unpaid. You are in default; we claim late interest of {{totals.interest}} and fees of {{totals.fees}} (interest calculation annexed).

Please pay the total of {{totals.due}} by {{letter.payBy}} at the latest, quoting the reference {{letter.reference}}. After that date we will enforce the claim without further notice.

Yours faithfully
{{sender.name}}`,
    },
    ru: {
      subject: 'Последнее напоминание {{letter.number}}',
      body: `Уважаемые господа!

Несмотря на наше напоминание, указанные ниже счета остаются неоплаченными. Вы допустили просрочку оплаты; мы начисляем проценты за пользование чужими денежными средствами в размере {{totals.interest}} и расходы в размере {{totals.fees}} (расчёт процентов в приложении).

Просим оплатить общую сумму {{totals.due}} не позднее {{letter.payBy}}, указав ссылку {{letter.reference}}. По истечении этого срока мы будем вынуждены взыскать задолженность в судебном порядке.

С уважением,
{{sender.name}}`,
    },
  },
  pre_trial_claim: {
    de: {
      subject: 'Ankündigung des gerichtlichen Mahnverfahrens {{letter.number}}',
      body: `Sehr geehrte Damen und Herren,

auf unsere Zahlungserinnerung und unsere letzte Mahnung haben Sie nicht gezahlt. Unsere Forderung beträgt einschließlich Verzugszinsen ({{totals.interest}}) und Kosten ({{totals.fees}}) insgesamt {{totals.due}}; die Zinsberechnung liegt bei.

Geht der Betrag nicht bis zum {{letter.payBy}} unter Angabe der Referenz {{letter.reference}} bei uns ein, beantragen wir ohne weitere Ankündigung den Erlass eines Mahnbescheids (gerichtliches Mahnverfahren, §§ 688 ff. ZPO). Die Kosten des Verfahrens gehen zu Ihren Lasten.

Mit freundlichen Grüßen
{{sender.name}}`,
    },
    en: {
      subject: 'Letter before action {{letter.number}}',
      body: `Dear Sir or Madam,

you have not paid in response to our reminder and our final notice. Our claim, including late interest ({{totals.interest}}) and fees ({{totals.fees}}), amounts to {{totals.due}}; the interest calculation is annexed.

Unless the amount reaches us by {{letter.payBy}}, quoting the reference {{letter.reference}}, we will start court proceedings to recover it without further notice, at your expense.

Yours faithfully
{{sender.name}}`,
    },
    ru: {
      subject: 'Претензия {{letter.number}}',
      body: `Уважаемые господа!

Несмотря на наши напоминания, задолженность по указанным ниже счетам не погашена. Сумма требования, включая проценты по статье 395 ГК РФ ({{totals.interest}}) и расходы ({{totals.fees}}), составляет {{totals.due}}; расчёт процентов прилагается.

Требуем погасить задолженность в течение {{letter.answerDays}} календарных дней с даты направления настоящей претензии, указав в назначении платежа ссылку {{letter.reference}}. В случае неудовлетворения требования мы обратимся в арбитражный суд по истечении этого срока (часть 5 статьи 4 АПК РФ); судебные расходы будут отнесены на вас.

С уважением,
{{sender.name}}`,
    },
  },
  statement: {
    de: {
      subject: 'Kontoauszug {{period.from}} – {{period.to}}',
      body: `Sehr geehrte Damen und Herren,

anbei erhalten Sie Ihren Kontoauszug für den Zeitraum vom {{period.from}} bis {{period.to}}. Anfangssaldo {{period.opening}}, Endsaldo {{period.closing}}.

Mit freundlichen Grüßen
{{sender.name}}`,
    },
    en: {
      subject: 'Statement of account {{period.from}} – {{period.to}}',
      body: `Dear Sir or Madam,

please find your statement of account for {{period.from}} to {{period.to}}. Opening balance {{period.opening}}, closing balance {{period.closing}}.

Yours faithfully
{{sender.name}}`,
    },
    ru: {
      subject: 'Акт сверки взаимных расчётов за период {{period.from}} – {{period.to}}',
      body: `Мы, нижеподписавшиеся, составили настоящий акт сверки взаимных расчётов за период с {{period.from}} по {{period.to}}. Сальдо на начало периода {{period.opening}}, сальдо на конец периода {{period.closing}}.

Просим подписать акт и вернуть один экземпляр в течение 10 дней; при наличии расхождений — приложить их перечень.`,
    },
  },
};
