import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Principal, VisibilityService } from '@ar/auth';
import { AppConfig } from '@ar/config';
import { DomainError, ErrorCode } from '@ar/errors';
import { OutboxWriter } from '@ar/outbox';
import { decodeIdCursor, Page, toPage } from '@ar/pagination';
import { addDays, BusinessCalendar } from '@ar/time';
import { InvoiceClaimsService } from '../claims/invoice-claims.service';
import { ClientCorrespondence, ContractsDirectory } from '../directory/contracts-directory';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { InvoicingEvents } from '../invoicing-events';
import { AccountStatementService } from '../statements/account-statement.service';
import { creditorReference } from './creditor-reference';
import { addresseeOf, composeDunningLetter, letterSender, PRE_TRIAL_ANSWER_DAYS } from './letter-composer';
import { LetterKind } from './letter-kinds';
import { LetterPdfStore } from './letter-pdf-store';
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
export interface DunningLetterRequest {
  clientId: string;
  kind: DunningLetterKind;
  level: number;
  invoiceIds: string[];
  channel: 'email' | 'post';
  /** From the level's policy. */
  payWithinDays: number;
}

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
    const letter = await this.produce(client, command.kind, null, command.invoiceIds ?? null, wanted, principal.userId, null);
    return letter as Letter;
  }

  /**
   * A dunning level's letter, asked for by the sweep through its events. Idempotent: the same client, kind,
   * level and invoices produce one letter however often asked (a repeated sweep, a redelivered event).
   */
  async produceForDunning(request: DunningLetterRequest): Promise<Letter | null> {
    const client = await this.directory.correspondence(request.clientId);
    if (!client) return null;
    return this.produce(client, request.kind, request.level, request.invoiceIds, request.channel, null, request.payWithinDays);
  }

  private async produce(
    client: ClientCorrespondence,
    kind: DunningLetterKind,
    level: number | null,
    invoiceIds: string[] | null,
    wanted: 'email' | 'post' | null,
    createdBy: string | null,
    /** Set for the sweep's letters (from the level's policy); null on demand. */
    policyPayDays: number | null,
  ): Promise<Letter | null> {
    const fromSweep = policyPayDays !== null;
    const today = this.calendar.today();
    const courtesy = kind === 'courtesy';
    const claims = courtesy ? await this.comingDue(client.id, invoiceIds ?? [], today) : await this.claimedInvoices(client.id, invoiceIds, today, fromSweep);
    if (claims === null) return null;
    // A courtesy reminder is a friendly e-mail before the due date; it is never posted.
    if (courtesy && this.delivery(client, wanted).channel !== 'email') return null;
    const dunningKey = fromSweep ? dunningKeyOf(client.id, kind, level, claims.map((c) => c.invoice.id)) : null;
    if (dunningKey && (await this.dataSource.manager.existsBy(Letter, { dunningKey }))) return null;

    const { contact, language } = addresseeOf(client);
    const { number, referenceBody } = await this.letters.nextNumber(Number(today.slice(0, 4)));
    const reference = creditorReference(referenceBody);
    const payBy = courtesy
      ? claims.map((c) => c.invoice.dueDate).sort()[0]
      : addDays(today, kind === 'pre_trial_claim' ? PRE_TRIAL_ANSWER_DAYS : (policyPayDays ?? this.config.letterPayWithinDays));
    const document = composeDunningLetter({
      kind, level, language, number, reference, date: today, payBy, client, contact, sender: letterSender(this.config.sender), template: await this.templates.effective(kind, language), claims,
    });
    const letter = Object.assign(new Letter(), {
      id: uuidv7(), number, clientId: client.id, kind, level, invoiceIds: claims.map((c) => c.invoice.id), dunningKey, language,
      ...this.delivery(client, wanted), currency: document.currency, totalDue: document.totals.due, letterDate: today, payBy, reference,
      subject: document.subject, body: document.body, document, pdf: null, sendingSince: null, createdBy, sentAt: null, postedAt: null,
    });
    return (await this.save(letter)) ? ((await this.letters.findById(letter.id)) as Letter) : null;
  }

  /** A statement of account as a letter, e-mailed like the others or left to post. */
  private async produceStatement(principal: Principal, client: ClientCorrespondence, from: string | undefined, to: string | undefined, wanted: 'email' | null): Promise<Letter> {
    const today = this.calendar.today();
    const { statement, document } = await this.statements.document(principal, client.id, { from: from ?? `${today.slice(0, 4)}-01-01`, to: to ?? today });
    const { number } = await this.letters.nextNumber(Number(today.slice(0, 4)));
    const delivery = this.delivery(client, wanted);
    const letter = Object.assign(new Letter(), {
      id: uuidv7(), number, clientId: client.id, kind: 'statement' as const, level: null, invoiceIds: [], dunningKey: null, language: document.language,
      ...delivery, currency: statement.currency, totalDue: statement.closing, letterDate: today, payBy: null, reference: null,
      subject: document.subject, body: document.body, document: { ...document, number }, pdf: null, sendingSince: null, createdBy: principal.userId, sentAt: null, postedAt: null,
    });
    await this.save(letter);
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

  /** Inserts the letter (unless its dunning key exists) and, when it is to be e-mailed, queues it through the outbox. */
  private async save(letter: Letter): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.letters.insert(letter, manager))) return false;
      if (letter.status === 'queued') {
        await this.outbox.append(manager, 'invoicing', [{ type: InvoicingEvents.LetterQueued, aggregateId: letter.id, data: letterEventData(letter) }]);
      }
      return true;
    });
  }

  /** The claim statements of the invoices a letter claims, in one currency; null from the sweep when nothing is owed any more. */
  /** The named invoices of the client not yet due that still owe something, in one currency; null when none. */
  private async comingDue(clientId: string, invoiceIds: string[], asOf: string) {
    const invoices = (await this.invoices.byIds(invoiceIds)).filter((i) => i.clientId === clientId && i.dueDate >= asOf && ['open', 'partially_paid'].includes(i.status));
    const claims = await this.claims.claims(invoices, asOf);
    const owed = invoices.map((invoice, i) => ({ invoice, claim: claims[i] })).filter(({ claim }) => claim.principal.outstanding > 0);
    if (owed.length === 0) return null;
    return owed.filter((o) => o.claim.currency === owed[0].claim.currency);
  }

  private async claimedInvoices(clientId: string, invoiceIds: string[] | null, asOf: string, fromSweep: boolean) {
    const due = await this.invoices.dueBefore(clientId, asOf);
    const wanted = invoiceIds ? due.filter((i) => invoiceIds.includes(i.id)) : due;
    if (invoiceIds && !fromSweep) {
      const missing = invoiceIds.filter((id) => !wanted.some((i) => i.id === id));
      if (missing.length > 0) throw DomainError.businessRule(`Not overdue invoices of this client: ${missing.join(', ')}`);
    }
    const claims = await this.claims.claims(wanted, asOf);
    const owed = wanted.map((invoice, i) => ({ invoice, claim: claims[i] })).filter(({ invoice, claim }) => claim.totalClaimable > 0 && invoice.status !== 'void');
    if (owed.length === 0) {
      if (fromSweep) return null;
      throw DomainError.businessRule('Nothing overdue to claim from this client');
    }
    const currencies = new Set(owed.map((o) => o.claim.currency));
    if (currencies.size > 1) {
      if (fromSweep) return owed.filter((o) => o.claim.currency === owed[0].claim.currency);
      throw DomainError.businessRule(`The invoices are in ${[...currencies].join(' and ')}: one letter claims one currency; name invoiceIds`);
    }
    return owed.sort((a, b) => (a.invoice.dueDate < b.invoice.dueDate ? -1 : a.invoice.dueDate > b.invoice.dueDate ? 1 : 0));
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
