import { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates';
import { renderTemplate, templateProblems } from './letter-template';

describe('letter templates', () => {
  it('renders the documented fields, lists included, without HTML escaping', () => {
    const text = 'Dear {{contact.name}},\n{{#invoices}}- {{number}} due {{dueDate}}: {{outstanding}}\n{{/invoices}}Total {{totals.due}} <by {{letter.payBy}}>';
    expect(templateProblems(text)).toEqual([]);
    const view = {
      contact: { name: 'Erika & Co' },
      invoices: [{ number: 'INV-1', dueDate: '31.03.2026', outstanding: '1.190,00 €' }, { number: 'INV-2', dueDate: '30.04.2026', outstanding: '10,00 €' }],
      totals: { due: '1.200,00 €' },
      letter: { payBy: '14.04.2026' },
    };
    expect(renderTemplate(text, view)).toBe('Dear Erika & Co,\n- INV-1 due 31.03.2026: 1.190,00 €\n- INV-2 due 30.04.2026: 10,00 €\nTotal 1.200,00 € <by 14.04.2026>');
  });

  it('names the line of a syntax error', () => {
    expect(templateProblems('Hello\n\n{{#invoices}}{{number}}')).toEqual([{ line: 3, message: 'Unclosed section "invoices"' }]);
    expect(templateProblems('Hello\n{{/invoices}}')).toEqual([{ line: 2, message: 'Unopened section "invoices"' }]);
  });

  it('names every unknown field with its line, and refuses partials and list fields outside their list', () => {
    expect(templateProblems('{{client.name}}\n{{client.iban}}\n{{> header}}\n{{number}}\n{{{secret}}}')).toEqual([
      { line: 2, message: 'unknown field client.iban' },
      { line: 3, message: 'partials are not supported' },
      { line: 4, message: 'unknown field number' },
      { line: 5, message: 'unknown field secret' },
    ]);
  });
});

describe('default letter templates', () => {
  it('use documented fields only, in every kind and language', () => {
    for (const [kind, languages] of Object.entries(DEFAULT_LETTER_TEMPLATES)) {
      for (const [language, text] of Object.entries(languages)) {
        expect({ kind, language, problems: [...templateProblems(text.subject), ...templateProblems(text.body)] }).toEqual({ kind, language, problems: [] });
      }
    }
  });
});
