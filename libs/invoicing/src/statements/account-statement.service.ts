import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal, VisibilityService } from '@ar/auth';
import { AppConfig } from '@ar/config';
import { DomainError } from '@ar/errors';
import { formatMoney } from '@ar/money';
import { BusinessCalendar, CalendarDate } from '@ar/time';
import { ContractsDirectory } from '../directory/contracts-directory';
import { recipientOf } from '../letters/letter-composer';
import { LetterDocument } from '../letters/letter-document';
import { letterLanguage } from '../letters/letter-kinds';
import { formatLetterDate, localeOf } from '../letters/letter-labels';
import { renderLetterPdf } from '../letters/letter-pdf';
import { renderTemplate } from '../letters/letter-template';
import { LetterTemplatesService } from '../letters/letter-templates.service';
import { AccountMovement, AccountStatement, accountStatement } from './account-statement';

/** Every movement on a client's account in one currency up to a date, from the invoicing ledger. */
const MOVEMENTS_SQL = `
  SELECT to_char(issue_date, 'YYYY-MM-DD') AS on, CASE kind WHEN 'interest' THEN 'interest_invoice' ELSE 'invoice' END AS kind,
         number AS text, total AS debit, 0 AS credit, extract(epoch FROM created_at) AS sequence
  FROM invoicing.invoices WHERE client_id = $1 AND currency = $2 AND status <> 'void' AND issue_date <= $3
  UNION ALL
  SELECT to_char(c.issued_on, 'YYYY-MM-DD'), 'credit_note', i.number, 0, c.amount, extract(epoch FROM c.created_at)
  FROM invoicing.credit_notes c JOIN invoicing.invoices i ON i.id = c.invoice_id
  WHERE c.client_id = $1 AND c.currency = $2 AND c.issued_on <= $3
  UNION ALL
  SELECT to_char(received_on, 'YYYY-MM-DD'), 'payment', coalesce(reference, external_id, ''), 0, amount, extract(epoch FROM created_at)
  FROM invoicing.payments WHERE client_id = $1 AND currency = $2 AND received_on <= $3
  UNION ALL
  SELECT to_char(reversed_on, 'YYYY-MM-DD'), 'reversal', coalesce(reference, external_id, ''), amount, 0, extract(epoch FROM created_at)
  FROM invoicing.payments WHERE client_id = $1 AND currency = $2 AND status = 'reversed' AND reversed_on <= $3
  UNION ALL
  SELECT to_char(a.effective_on, 'YYYY-MM-DD'), 'discount', i.number, greatest(-a.amount, 0), greatest(a.amount, 0), extract(epoch FROM a.created_at)
  FROM invoicing.payment_allocations a JOIN invoicing.invoices i ON i.id = a.invoice_id
  WHERE i.client_id = $1 AND i.currency = $2 AND a.kind = 'discount' AND a.effective_on <= $3`;

export interface StatementQuery {
  from: CalendarDate;
  to: CalendarDate;
  currency?: string;
}

/** Account statements (Kontoauszug, statement of account, акт сверки): JSON, CSV or the PDF letter. */
@Injectable()
export class AccountStatementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: ContractsDirectory,
    private readonly visibility: VisibilityService,
    private readonly templates: LetterTemplatesService,
    private readonly calendar: BusinessCalendar,
    private readonly config: AppConfig,
  ) {}

  async statement(principal: Principal, clientId: string, query: StatementQuery): Promise<AccountStatement> {
    if (query.to < query.from) throw DomainError.validation('to must not be before from', [{ path: 'to', message: 'before from' }]);
    if (query.to > this.calendar.today()) throw DomainError.businessRule(`to ${query.to} is after today`);
    if (!(await this.visibility.canSeeClient(await this.visibility.scopeFor(principal), clientId))) throw DomainError.notFound('Client', clientId);
    const currency = query.currency ?? (await this.mainCurrency(clientId));
    const rows: { on: string; kind: AccountMovement['kind']; text: string; debit: string; credit: string; sequence: string }[] = await this.dataSource.query(
      MOVEMENTS_SQL,
      [clientId, currency, query.to],
    );
    const movements = rows.map((r) => ({ on: r.on, kind: r.kind, text: r.text, debit: Number(r.debit), credit: Number(r.credit), sequence: Number(r.sequence) }));
    return accountStatement(currency, query.from, query.to, movements);
  }

  /** The statement as the PDF the client receives: in Russian an акт сверки with both signature blocks. */
  async pdf(principal: Principal, clientId: string, query: StatementQuery): Promise<{ statement: AccountStatement; pdf: Buffer }> {
    const { statement, document } = await this.document(principal, clientId, query);
    return { statement, pdf: await renderLetterPdf(document) };
  }

  /** Everything the statement letter prints, in the language of the client's billing contact (or the client's). */
  async document(principal: Principal, clientId: string, query: StatementQuery): Promise<{ statement: AccountStatement; document: LetterDocument }> {
    const statement = await this.statement(principal, clientId, query);
    const client = await this.directory.correspondence(clientId);
    if (!client) throw DomainError.notFound('Client', clientId);
    const contact = client.billingContacts[0] ?? null;
    const language = letterLanguage(contact?.language, client.language);
    const money = (amount: number) => formatMoney(amount, statement.currency, localeOf(language));
    const template = await this.templates.effective('statement', language);
    const view = {
      client: { name: client.name },
      contact: { name: contact?.name ?? '' },
      sender: { name: this.config.sender.name },
      period: { from: formatLetterDate(statement.from, language), to: formatLetterDate(statement.to, language), opening: money(statement.opening), closing: money(statement.closing) },
      letter: { date: formatLetterDate(this.calendar.today(), language) },
    };
    const s = this.config.sender;
    const document: LetterDocument = {
      kind: 'statement',
      language,
      sender: { name: s.name, addressLines: [...s.addressLines], email: null, payee: { name: s.name, iban: s.iban, bic: s.bic, bankName: s.bankName } },
      recipient: recipientOf(client, contact),
      date: this.calendar.today(),
      number: `S-${statement.to}`,
      reference: null,
      subject: renderTemplate(template.subject, view).replace(/\s+/g, ' ').trim(),
      body: renderTemplate(template.body, view),
      currency: statement.currency,
      invoices: [],
      totals: { outstanding: statement.closing, interest: 0, fees: 0, due: statement.closing },
      payBy: null,
      interestPeriods: [],
      qrPayload: null,
      statement: { from: statement.from, to: statement.to, opening: statement.opening, closing: statement.closing, entries: statement.entries },
    };
    return { statement, document };
  }

  /** The currency of the client's latest invoice (EUR without any). */
  private async mainCurrency(clientId: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT currency FROM invoicing.invoices WHERE client_id = $1 ORDER BY issue_date DESC, id DESC LIMIT 1`, [clientId]);
    return row?.currency ?? 'EUR';
  }
}
