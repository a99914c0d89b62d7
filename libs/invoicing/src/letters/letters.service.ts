import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Principal, VisibilityService } from '@ar/auth';
import { AppConfig } from '@ar/config';
import { DomainError, ErrorCode } from '@ar/errors';
import { OutboxWriter } from '@ar/outbox';
import { LetterRequest } from '@ar/queues';
import { decodeIdCursor, Page, toPage } from '@ar/pagination';
import { addDays, BusinessCalendar, CalendarDate } from '@ar/time';
import { InvoiceClaim, InvoiceClaimsService } from '../claims/invoice-claims.service';
import { ClientCorrespondence, ContractsDirectory } from '../directory/contracts-directory';
import { Invoice } from '../invoices/invoice.entity';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { InvoicingEvents } from '../invoicing-events';
import { AccountStatementService } from '../statements/account-statement.service';
import { creditorReference } from './creditor-reference';
import { addresseeOf, composeDunningLetter, letterSender, PRE_TRIAL_ANSWER_DAYS } from './letter-composer';
import { LetterKind, LetterLanguage } from './letter-kinds';
import { LetterDocument } from './letter-document';
import { LetterPdfStore } from './letter-pdf-store';
import { LetterRenderer } from './letter-renderer';
import { LetterTemplateText } from './letter-template';
import { LetterTemplatesService } from './letter-templates.service';
import { Letter, LetterAttempt, LetterStatus } from './letter.entity';
import { LetterRepository } from './letter.repository';

export type DunningLetterKind = Exclude<LetterKind, 'statement'>;

export interface CreateLetterCommand {
  clientId: string;
  kind: LetterKind;
  /** A statement's period: default from the first day of the year to today. */
  from?: string;
  to?: string;
  /** Default: every invoice of the client that is overdue and owes something, in one currency. */
  invoiceIds?: string[];
  /** Default true: e-mail it to the billing contact, or leave it to be posted. */
  send?: boolean;
}

/** A dunning letter the sweep asks for (one per client, kind, level and invoice set). */
export type DunningLetterRequest = LetterRequest;

const LETTER_WRITERS = ['account_manager', 'finance', 'admin'];

/** Letters to debtors: produced from the claim statements, kept as produced, e-mailed by the worker or posted. */
@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: LetterRepository,
    private readonly templates: LetterTemplatesService,
    private readonly claims: InvoiceClaimsService,
    private readonly invoices: InvoiceRepository,
    private readonly directory: ContractsDirectory,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
    private readonly config: AppConfig,
    private readonly pdfs: LetterPdfStore,
    private readonly statements: AccountStatementService,
    private readonly renderer: LetterRenderer,
  ) {}

  /** POST /v1/letters: a letter on demand, for a client the caller sees. */
  async create(principal: Principal, command: CreateLetterCommand): Promise<Letter> {
    if (!LETTER_WRITERS.includes(principal.role)) throw DomainError.forbidden('Letters are written by account managers, finance and admins');
    const client = await this.directory.correspondence(command.clientId);
    if (!client || !(await this.visibility.principalCanSeeClient(principal, command.clientId))) {
      throw DomainError.notFound('Client', command.clientId);
    }
    const wanted = command.send === false ? null : 'email';
    if (command.kind !== 'statement' && (command.from || command.to)) {
      throw DomainError.validation('from and to are for statements only', [{ path: command.from ? 'from' : 'to', message: 'only with kind statement' }]);
    }
    if (command.kind === 'statement' && command.invoiceIds) {
      throw DomainError.validation('A statement lists every movement of its period', [{ path: 'invoiceIds', message: 'not with kind statement' }]);
    }
    if (command.kind === 'statement') return this.produceStatement(principal, client, command.from, command.to, wanted);
    return this.produce(client, command.kind, command.invoiceIds ?? null, wanted, principal.userId);
  }

  /**
   * The letters the sweep asked for (`dunning.letter_requested`), produced together in a fixed number of queries
   * however many there are. Idempotent: the same client, kind, level and invoices produce one letter however often
   * asked (a repeated sweep, a redelivered event, a retried job). Each is rendered once, here, and stored with its
   * PDF. Answers the letters produced now; a request whose invoices owe nothing any more, or whose letter exists,
   * produces none.
   */
  async produceForDunning(requests: readonly DunningLetterRequest[]): Promise<Letter[]> {
    if (requests.length === 0) return [];
    const today = this.calendar.today();
    const [clients, invoices, template] = await Promise.all([
      this.directory.correspondences([...new Set(requests.map((r) => r.clientId))]),
      this.invoices.byIds([...new Set(requests.flatMap((r) => r.invoiceIds))]),
      this.templates.effectiveTemplates(),
    ]);
    const claimOf = new Map((await this.claims.claims(invoices, today)).map((claim, i) => [invoices[i].id, { invoice: invoices[i], claim }]));
    const wanted = requests.flatMap((request) => {
      const client = clients.get(request.clientId);
      const claimed = request.invoiceIds.flatMap((id) => claimOf.get(id) ?? []).filter((c) => c.invoice.clientId === request.clientId);
      const claims = client ? (request.kind === 'courtesy' ? comingDue(claimed, today) : overdue(claimed, today)) : null;
      // A courtesy reminder is a friendly e-mail before the due date; it is never posted.
      if (!client || !claims || (request.kind === 'courtesy' && this.delivery(client, request.channel).channel !== 'email')) return [];
      return [{ request, client, claims, dunningKey: dunningKeyOf(client.id, request.kind, request.level, claims.map((c) => c.invoice.id)) }];
    });
    const existing = await this.letters.existingDunningKeys(wanted.map((w) => w.dunningKey));
    const fresh = wanted.filter((w, i) => !existing.has(w.dunningKey) && wanted.findIndex((o) => o.dunningKey === w.dunningKey) === i);
    const numbers = await this.letters.nextNumbers(Number(today.slice(0, 4)), fresh.length);
    const letters = fresh.map(({ request, client, claims, dunningKey }, i) =>
      this.letter(client, request.kind, request.level, claims, request.channel, null, request.payWithinDays, dunningKey, numbers[i], template, today),
    );
    // Rendered before they are stored: a letter is never queued for sending, or seen, without its PDF.
    const pdfs = await Promise.all(letters.map((l) => this.renderer.render(l.document as LetterDocument)));
    letters.forEach((l, i) => (l.pdf = pdfs[i]));
    const inserted = await this.saveAll(letters);
    return letters.filter((l) => inserted.has(l.id));
  }

  /** A letter on demand (POST /v1/letters): the named invoices, or all the client owes overdue. */
  private async produce(client: ClientCorrespondence, kind: DunningLetterKind, invoiceIds: string[] | null, wanted: 'email' | null, createdBy: string): Promise<Letter> {
    const today = this.calendar.today();
    // Courtesy reminders come from the sweep only (the request DTO refuses them).
    if (kind === 'courtesy') throw DomainError.validation('Courtesy reminders are sent by the sweep', [{ path: 'kind', message: 'not on demand' }]);
    const claims = await this.claimedInvoices(client.id, invoiceIds, today);
    const [numbered] = await this.letters.nextNumbers(Number(today.slice(0, 4)), 1);
    const letter = this.letter(client, kind, null, claims, wanted, createdBy, null, null, numbered, await this.templates.effectiveTemplates(), today);
    await this.saveAll([letter]);
    return (await this.letters.findById(letter.id)) as Letter;
  }

  /** A dunning or courtesy letter claiming these invoices, as it is stored and printed. */
  private letter(
    client: ClientCorrespondence,
    kind: DunningLetterKind,
    level: number | null,
    claims: ClaimedInvoice[],
    wanted: 'email' | 'post' | null,
    createdBy: string | null,
    policyPayDays: number | null,
    dunningKey: string | null,
    { number, referenceBody }: { number: string; referenceBody: string },
    template: (kind: LetterKind, language: LetterLanguage) => LetterTemplateText,
    today: CalendarDate,
  ): Letter {
    const { contact, language } = addresseeOf(client);
    const reference = creditorReference(referenceBody);
    const payBy =
      kind === 'courtesy'
        ? claims.map((c) => c.invoice.dueDate).sort()[0]
        : addDays(today, kind === 'pre_trial_claim' ? PRE_TRIAL_ANSWER_DAYS : (policyPayDays ?? this.config.letterPayWithinDays));
    const document = composeDunningLetter({
      kind, level, language, number, reference, date: today, payBy, client, contact, sender: letterSender(this.config.sender), template: template(kind, language), claims,
    });
    return Object.assign(new Letter(), {
      id: uuidv7(), number, clientId: client.id, kind, level, invoiceIds: claims.map((c) => c.invoice.id), dunningKey, language,
      ...this.delivery(client, wanted), currency: document.currency, totalDue: document.totals.due, letterDate: today, payBy, reference,
      subject: document.subject, body: document.body, document, pdf: null, sendingSince: null, createdBy, sentAt: null, postedAt: null,
    });
  }

  /** A statement of account as a letter, e-mailed like the others or left to post. */
  private async produceStatement(principal: Principal, client: ClientCorrespondence, from: string | undefined, to: string | undefined, wanted: 'email' | null): Promise<Letter> {
    const today = this.calendar.today();
    const { statement, document } = await this.statements.document(principal, client.id, { from: from ?? `${today.slice(0, 4)}-01-01`, to: to ?? today });
    const [{ number }] = await this.letters.nextNumbers(Number(today.slice(0, 4)), 1);
    const delivery = this.delivery(client, wanted);
    const letter = Object.assign(new Letter(), {
      id: uuidv7(), number, clientId: client.id, kind: 'statement' as const, level: null, invoiceIds: [], dunningKey: null, language: document.language,
      ...delivery, currency: statement.currency, totalDue: statement.closing, letterDate: today, payBy: null, reference: null,
      subject: document.subject, body: document.body, document: { ...document, number }, pdf: null, sendingSince: null, createdBy: principal.userId, sentAt: null, postedAt: null,
    });
    await this.saveAll([letter]);
    return (await this.letters.findById(letter.id)) as Letter;
  }

  /** E-mail when asked for and possible, else post; why it goes by post when e-mail was asked for. */
  private delivery(client: ClientCorrespondence, wanted: 'email' | 'post' | null) {
    const { contact } = addresseeOf(client);
    const channel: 'email' | 'post' = wanted === 'email' && contact && this.config.smtpUrl ? 'email' : 'post';
    const statusReason =
      wanted === 'email' && channel === 'post' ? (!contact ? 'no billing e-mail: post the letter' : 'e-mail is switched off (no SMTP_URL): post the letter') : null;
    return {
      channel,
      statusReason,
      recipientEmail: channel === 'email' ? (contact?.email ?? null) : null,
      status: (wanted !== null && channel === 'email' ? 'queued' : 'draft') as LetterStatus,
    };
  }

  /**
   * Inserts the letters (each unless its dunning key exists) and queues those to be e-mailed through the outbox, in
   * one transaction; answers the ids inserted.
   */
  private async saveAll(letters: Letter[]): Promise<Set<string>> {
    if (letters.length === 0) return new Set();
    return this.dataSource.transaction(async (manager) => {
      const inserted = await this.letters.insertAll(letters, manager);
      const queued = letters.filter((l) => inserted.has(l.id) && l.status === 'queued');
      await this.outbox.append(manager, 'invoicing', queued.map((l) => ({ type: InvoicingEvents.LetterQueued, aggregateId: l.id, data: letterEventData(l) })));
      return inserted;
    });
  }

  /** The client's overdue invoices (or the named ones, each of which must be) that owe something, in one currency. */
  private async claimedInvoices(clientId: string, invoiceIds: string[] | null, asOf: CalendarDate): Promise<ClaimedInvoice[]> {
    const due = await this.invoices.dueBefore(clientId, asOf);
    const wanted = invoiceIds ? due.filter((i) => invoiceIds.includes(i.id)) : due;
    const missing = (invoiceIds ?? []).filter((id) => !wanted.some((i) => i.id === id));
    if (missing.length > 0) throw DomainError.businessRule(`Not overdue invoices of this client: ${missing.join(', ')}`);
    const claims = await this.claims.claims(wanted, asOf);
    const owed = owing(wanted.map((invoice, i) => ({ invoice, claim: claims[i] })), asOf);
    if (owed.length === 0) throw DomainError.businessRule('Nothing overdue to claim from this client');
    const currencies = new Set(owed.map((o) => o.claim.currency));
    if (currencies.size > 1) {
      throw DomainError.businessRule(`The invoices are in ${[...currencies].join(' and ')}: one letter claims one currency; name invoiceIds`);
    }
    return owed;
  }

  async get(principal: Principal, id: string): Promise<Letter> {
    const letter = await this.letters.findById(id);
    if (!letter || !(await this.visibility.principalCanSeeClient(principal, letter.clientId))) throw DomainError.notFound('Letter', id);
    return letter;
  }

  async attempts(letterId: string): Promise<LetterAttempt[]> {
    return this.letters.attempts(letterId);
  }

  async pdf(principal: Principal, id: string): Promise<{ letter: Letter; pdf: Buffer }> {
    const letter = await this.get(principal, id);
    return { letter, pdf: (await this.pdfs.pdf(id)) as Buffer };
  }

  async list(principal: Principal, filters: { clientId?: string; status?: LetterStatus }, limit: number, cursor?: string): Promise<Page<Letter>> {
    const scope = await this.visibility.scopeFor(principal);
    const rows = await this.letters.list({ scope, ...filters }, decodeIdCursor(cursor), limit + 1);
    return toPage(rows, limit, (l) => [l.id], (l) => l);
  }

  /** Someone put the letter in the post; a letter already sent by e-mail or posted cannot be. */
  async markPosted(principal: Principal, id: string): Promise<Letter> {
    const letter = await this.get(principal, id);
    if (letter.status !== 'draft' && letter.status !== 'failed') {
      throw new DomainError(ErrorCode.InvalidTransition, `The letter is ${letter.status}; only a draft or failed letter can be marked as posted`);
    }
    if (!(await this.letters.markPosted(id))) throw new DomainError(ErrorCode.InvalidTransition, 'The letter changed meanwhile; reload it');
    return (await this.letters.findById(id)) as Letter;
  }

  /** The letter whose RF reference a payment quotes, for cash application. */
  byReference(reference: string, manager?: EntityManager): Promise<Letter | null> {
    return this.letters.byReference(reference, manager);
  }
}

export function letterEventData(letter: Letter) {
  return {
    letterId: letter.id,
    number: letter.number,
    clientId: letter.clientId,
    kind: letter.kind,
    level: letter.level,
    channel: letter.channel,
    invoiceIds: letter.invoiceIds,
    currency: letter.currency,
    totalDue: letter.totalDue,
    reference: letter.reference,
  };
}

/**
 * One sweep letter per client, kind, level and invoice set. The set is hashed: the ids of a client's many invoices
 * would not fit the column (and a letter that cannot be stored stops every event behind it).
 */
export function dunningKeyOf(clientId: string, kind: string, level: number | null, invoiceIds: string[]): string {
  const digest = createHash('sha256').update([...invoiceIds].sort().join(',')).digest('hex');
  return `${clientId}:${kind}:${level}:${digest}`;
}

type ClaimedInvoice = { invoice: Invoice; claim: InvoiceClaim };

const byDueDate = (a: ClaimedInvoice, b: ClaimedInvoice) =>
  a.invoice.dueDate < b.invoice.dueDate ? -1 : a.invoice.dueDate > b.invoice.dueDate ? 1 : a.invoice.id < b.invoice.id ? -1 : 1;

/** The overdue invoices that still owe something (principal, interest or fees), earliest due first. */
function owing(claimed: ClaimedInvoice[], asOf: CalendarDate): ClaimedInvoice[] {
  return claimed.filter(({ invoice, claim }) => invoice.dueDate < asOf && invoice.status !== 'void' && claim.totalClaimable > 0).sort(byDueDate);
}

/** What a sweep's letter claims: the invoices still owing, in the currency of the earliest due; null when none owes. */
function overdue(claimed: ClaimedInvoice[], asOf: CalendarDate): ClaimedInvoice[] | null {
  const owed = owing(claimed, asOf);
  return owed.length === 0 ? null : owed.filter((o) => o.claim.currency === owed[0].claim.currency);
}

/** A courtesy reminder's invoices: not yet due, open, owing principal, in one currency; null when none. */
function comingDue(claimed: ClaimedInvoice[], asOf: CalendarDate): ClaimedInvoice[] | null {
  const owed = claimed
    .filter(({ invoice, claim }) => invoice.dueDate >= asOf && ['open', 'partially_paid'].includes(invoice.status) && claim.principal.outstanding > 0)
    .sort(byDueDate);
  return owed.length === 0 ? null : owed.filter((o) => o.claim.currency === owed[0].claim.currency);
}
