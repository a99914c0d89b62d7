import Mustache from 'mustache';

/** A letter's words: its subject and its body, Mustache templates over TEMPLATE_FIELDS. */
export interface LetterTemplateText {
  subject: string;
  body: string;
}

/**
 * The fields a template may use, documented in docs/api.md. Values arrive formatted for the letter's
 * language (dates, amounts with their currency). `invoices` is a list: `{{#invoices}}{{number}}{{/invoices}}`.
 */
export const TEMPLATE_FIELDS: Readonly<Record<string, string>> = {
  'client.name': "the client's name",
  'contact.name': 'the billing contact the letter is addressed to (empty for a posted letter without one)',
  'letter.number': 'our reference, e.g. L-2026-000042',
  'letter.date': 'the date of the letter',
  'letter.payBy': 'the date by which to pay',
  'letter.reference': 'the RF creditor reference to quote with the payment',
  'letter.level': 'the dunning level (1-4)',
  'letter.answerDays': 'days the debtor has to answer a pre-trial claim',
  'totals.outstanding': 'principal still owed',
  'totals.interest': 'late interest claimed',
  'totals.fees': 'fees claimed',
  'totals.due': 'the total due',
  'period.from': 'first day of a statement',
  'period.to': 'last day of a statement',
  'period.opening': 'the opening balance of a statement',
  'period.closing': 'the closing balance of a statement',
  'sender.name': 'our company name',
  invoices: 'the claimed invoices, a list with number, dueDate and outstanding',
  number: 'inside {{#invoices}}: the invoice number',
  dueDate: 'inside {{#invoices}}: its due date',
  outstanding: 'inside {{#invoices}}: what is still owed of it',
};

const SECTIONS = new Set(['invoices']);
const INSIDE_INVOICES = new Set(['number', 'dueDate', 'outstanding']);

export interface TemplateProblem {
  line: number;
  message: string;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

type Token = [string, string, number, number, Token[]?];

/** What is wrong with a template: a syntax error or a field that does not exist, each with its line (1-based). */
export function templateProblems(text: string): TemplateProblem[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (error) {
    const at = /at (\d+)$/.exec((error as Error).message);
    return [{ line: at ? lineAt(text, Number(at[1])) : 1, message: (error as Error).message.replace(/ at \d+$/, '') }];
  }
  const problems: TemplateProblem[] = [];
  const walk = (list: Token[], inInvoices: boolean) => {
    for (const [type, name, start, , children] of list) {
      if (type === 'text') continue;
      const line = lineAt(text, start);
      if (type === '>' || type === '=') {
        problems.push({ line, message: `${type === '>' ? 'partials' : 'changing delimiters'} are not supported` });
      } else if (type === '#' || type === '^') {
        if (!SECTIONS.has(name) && !(name in TEMPLATE_FIELDS)) problems.push({ line, message: `unknown section ${name}` });
        walk(children ?? [], inInvoices || name === 'invoices');
      } else if (type === 'name' || type === '&' || type === '{') {
        const known = (name in TEMPLATE_FIELDS && !INSIDE_INVOICES.has(name)) || (inInvoices && INSIDE_INVOICES.has(name));
        if (!known) problems.push({ line, message: `unknown field ${name}` });
      }
    }
  };
  walk(tokens, false);
  return problems;
}

/** Renders a checked template; values are printed as they are (a PDF and a plain-text e-mail need no HTML escaping). */
export function renderTemplate(text: string, view: object): string {
  return Mustache.render(text, view, {}, { escape: (value: unknown) => String(value) });
}
