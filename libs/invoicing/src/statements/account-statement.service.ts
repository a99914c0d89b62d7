import { Injectable } from '@nestjs/common';
import { Principal, VisibilityService } from '@ar/auth';
import { AppConfig } from '@ar/config';
import { DomainError } from '@ar/errors';
import { formatMoney } from '@ar/money';
import { BusinessCalendar, CalendarDate } from '@ar/time';
import { ContractsDirectory } from '../directory/contracts-directory';
import { addresseeOf, letterSender, recipientOf } from '../letters/letter-composer';
import { LetterDocument } from '../letters/letter-document';
import { formatLetterDate, localeOf } from '../letters/letter-labels';
import { LetterRenderer } from '../letters/letter-renderer';
import { renderTemplate } from '../letters/letter-template';
import { LetterTemplatesService } from '../letters/letter-templates.service';
import { AccountStatement, accountStatement } from './account-statement';
import { AccountMovementsRepository } from './account-movements.repository';

export interface StatementQuery {
  from: CalendarDate;
  to: CalendarDate;
  currency?: string;
}

/** Account statements (Kontoauszug, statement of account, акт сверки): JSON, CSV or the PDF letter. */
@Injectable()
export class AccountStatementService {
  constructor(
    private readonly movements: AccountMovementsRepository,
    private readonly directory: ContractsDirectory,
    private readonly visibility: VisibilityService,
    private readonly templates: LetterTemplatesService,
    private readonly calendar: BusinessCalendar,
    private readonly config: AppConfig,
    private readonly renderer: LetterRenderer,
  ) {}

  async statement(principal: Principal, clientId: string, query: StatementQuery): Promise<AccountStatement> {
    if (query.to < query.from) throw DomainError.validation('to must not be before from', [{ path: 'to', message: 'before from' }]);
    if (query.to > this.calendar.today()) throw DomainError.businessRule(`to ${query.to} is after today`);
    if (!(await this.visibility.principalCanSeeClient(principal, clientId))) throw DomainError.notFound('Client', clientId);
    const currency = query.currency ?? (await this.movements.mainCurrency(clientId));
    const movements = await this.movements.upTo(clientId, currency, query.to);
    return accountStatement(currency, query.from, query.to, movements);
  }

  /** The statement as the PDF the client receives: in Russian an акт сверки with both signature blocks. */
  async pdf(principal: Principal, clientId: string, query: StatementQuery): Promise<{ statement: AccountStatement; pdf: Buffer }> {
    const { statement, document } = await this.document(principal, clientId, query);
    return { statement, pdf: await this.renderer.render(document) };
  }

  /** Everything the statement letter prints, in the language of the client's billing contact (or the client's). */
  async document(principal: Principal, clientId: string, query: StatementQuery): Promise<{ statement: AccountStatement; document: LetterDocument }> {
    const statement = await this.statement(principal, clientId, query);
    const client = await this.directory.correspondence(clientId);
    if (!client) throw DomainError.notFound('Client', clientId);
    const { contact, language } = addresseeOf(client);
    const money = (amount: number) => formatMoney(amount, statement.currency, localeOf(language));
    const template = (await this.templates.effectiveTemplates())('statement', language);
    const view = {
      client: { name: client.name },
      contact: { name: contact?.name ?? '' },
      sender: { name: this.config.sender.name },
      period: { from: formatLetterDate(statement.from, language), to: formatLetterDate(statement.to, language), opening: money(statement.opening), closing: money(statement.closing) },
      letter: { date: formatLetterDate(this.calendar.today(), language) },
    };
    const document: LetterDocument = {
      kind: 'statement',
      language,
      sender: letterSender(this.config.sender),
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
}
