import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Principal } from '@ar/auth';
import { AppConfig } from '@ar/config';
import { DomainError, ErrorCode } from '@ar/errors';
import { OutboxWriter } from '@ar/outbox';
import { InvoicingEvents } from '../invoicing-events';
import { quotedCreditorReferences } from '../letters/creditor-reference';
import { LetterRepository } from '../letters/letter.repository';
import { DuplicatePaymentError, PaymentsService, PaymentToRecord, RecordPaymentCommand } from '../payments/payments.service';
import { bankAmountToMinor } from './bank-amount';
import { bankEntryKey } from './bank-entry-identity';
import { BankEntry, BankStatement } from './bank-statement.entity';
import { BankStatementRepository, InvoiceByNumber } from './bank-statement.repository';
import { CamtEntry, CamtFormatError, CamtStatement, parseCamt } from './camt-parser';

/** Payments recorded from bank entries carry this source, and the entry's identity as externalId. */
export const BANK_SOURCE = 'bank';
const INSERT_BATCH = 500;
const MATCH_BATCH = 500;

type Transaction = BankEntry['transactions'][number];
interface Match {
  command: RecordPaymentCommand;
  reason: string;
  learnIban: string | null;
}

/**
 * Imports camt.052/053/054 messages: every booked entry is stored once by its identity (the file is streamed and
 * stored in one transaction, or not at all), then matched and applied by the worker (bank_statement.received):
 * by a creditor reference (a letter's RF reference or an invoice number), by invoice numbers in the remittance,
 * by a payer account learnt from earlier matches with an amount that fits, or left for finance in the suspense list.
 * Every payment goes through the same allocation as any other, with the entry's identity as its externalId.
 */
@Injectable()
export class BankImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statements: BankStatementRepository,
    private readonly letters: LetterRepository,
    private readonly payments: PaymentsService,
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
  ) {}

  /** POST /v1/bank-statements: stores the message's entries and queues their matching; a malformed file stores nothing. */
  async import(principal: Principal, body: Readable): Promise<BankStatement> {
    const id = uuidv7();
    const counts = { statements: 0, entries: 0, credits: 0, matched: 0, partlyMatched: 0, unmatched: 0, duplicates: 0, ignored: 0 };
    return this.dataSource.transaction(async (manager) => {
      const statement: BankStatement = Object.assign(new BankStatement(), {
        id, messageId: null, messageType: 'camt', account: null as string | null, status: 'processing' as const, error: null, counts, createdBy: principal.userId,
      });
      await this.statements.insertStatement(statement, manager);
      let batch: BankEntry[] = [];
      const flush = async () => {
        const stored = await this.statements.insertEntries(batch, manager);
        counts.duplicates += batch.length - stored;
        batch = [];
      };
      try {
        const info = await parseCamt(body, {
          onStatement: (s) => {
            counts.statements++;
            statement.account ??= s.account;
          },
          onEntry: async (entry, s) => {
            counts.entries++;
            const isReturn = entry.direction === 'DBIT' && (entry.reversal || entry.transactions.some((t) => t.returnReason !== null));
            if ((entry.direction !== 'CRDT' && !isReturn) || entry.status !== 'BOOK') {
              counts.ignored++;
              return;
            }
            if (!isReturn) counts.credits++;
            batch.push(this.toEntry(id, entry, s));
            if (batch.length >= INSERT_BATCH) await flush();
          },
        });
        await flush();
        Object.assign(statement, { messageId: info.messageId, messageType: info.type });
      } catch (error) {
        if (error instanceof CamtFormatError) {
          throw new DomainError(ErrorCode.MalformedRequest, `The bank statement cannot be read: ${error.message}`, [
            { path: 'body', message: error.line === null ? error.message : `line ${error.line}, column ${error.column}: ${error.message}` },
          ]);
        }
        throw error;
      }
      await this.statements.saveStatement(statement, manager);
      await this.outbox.append(manager, 'invoicing', [{ type: InvoicingEvents.BankStatementReceived, aggregateId: id, data: { statementId: id, entries: counts.credits - counts.duplicates } }]);
      return statement;
    });
  }

  private toEntry(statementId: string, entry: CamtEntry, statement: CamtStatement): BankEntry {
    const single = entry.transactions.length === 1;
    return Object.assign(new BankEntry(), {
      id: uuidv7(),
      statementId,
      entryKey: bankEntryKey(statement.account, entry),
      account: statement.account,
      bookingDate: entry.bookingDate ?? entry.valueDate ?? new Date().toISOString().slice(0, 10),
      amount: bankAmountToMinor(entry.amount, entry.currency),
      isReturn: entry.direction === 'DBIT',
      amountText: entry.amount.slice(0, 32),
      currency: entry.currency.slice(0, 3),
      transactions: entry.transactions.map((t) => ({
        amount: bankAmountToMinor(t.amount ?? (single ? entry.amount : null), t.currency ?? entry.currency),
        endToEndId: t.endToEndId,
        debtorName: t.debtorName,
        debtorIban: t.debtorIban?.replace(/\s+/g, '').toUpperCase() ?? null,
        remittance: t.unstructured,
        creditorReferences: t.creditorReferences,
        returnReason: t.returnReason,
      })),
      status: 'pending' as const,
      reasons: [],
      paymentIds: [],
      ignoreReason: null,
    });
  }

  async get(id: string): Promise<BankStatement> {
    const statement = await this.statements.findStatement(id);
    if (!statement) throw DomainError.notFound('Bank statement', id);
    return statement;
  }

  /** Matches and applies a statement's pending entries (the worker, on bank_statement.received); safe to run again. */
  async process(statementId: string): Promise<void> {
    const statement = await this.statements.findStatement(statementId);
    if (!statement || statement.status !== 'processing') return;
    for (let entries = await this.statements.pendingEntries(statementId, MATCH_BATCH); entries.length > 0; entries = await this.statements.pendingEntries(statementId, MATCH_BATCH)) {
      for (const entry of entries.filter((e) => e.isReturn)) await this.reverseReturned(entry);
      await this.matchAndApply(entries.filter((e) => !e.isReturn));
    }
    const byStatus = await this.statements.statusCounts(statementId);
    statement.counts = { ...statement.counts, matched: byStatus.matched ?? 0, partlyMatched: byStatus.partly_matched ?? 0, unmatched: byStatus.unmatched ?? 0 };
    statement.status = 'completed';
    await this.statements.saveStatement(statement);
  }

  /**
   * A batch of entries in a fixed number of round trips: every reference, invoice number and IBAN of the batch is
   * looked up at once, the matches are decided in memory, and one transaction records all payments (recordMany),
   * learns the payer accounts and writes every entry's outcome.
   */
  private async matchAndApply(entries: BankEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const lookups = await this.lookups(entries);
    const decisions = entries.map((entry) => {
      const refusal = this.refusal(entry);
      return { entry, refusal, matches: entry.transactions.map((t) => (refusal ? null : matchTransaction(entry, t, lookups))) };
    });
    await this.dataSource.transaction(async (manager) => {
      const items: PaymentToRecord[] = decisions.flatMap(({ entry, matches }) =>
        matches.flatMap((m, i) => (m ? [{ command: { ...m.command, externalId: `${entry.entryKey}#${i}` }, sourceKey: BANK_SOURCE }] : [])),
      );
      const results = items.length > 0 ? await this.payments.recordMany({ all: true }, items, manager) : [];
      const learnt = new Map<string, string>();
      let r = 0;
      for (const { entry, refusal, matches } of decisions) {
        const reasons: string[] = [];
        const paymentIds: string[] = [];
        let applied = 0;
        for (const [i, m] of matches.entries()) {
          if (!m) {
            reasons.push(refusal ?? `${i}:no_match`);
            continue;
          }
          const result = results[r++];
          if (result instanceof DuplicatePaymentError) {
            applied++;
            reasons.push(`${i}:${m.reason}`);
          } else if (result instanceof DomainError) {
            reasons.push(`${i}:refused:${result.detail.slice(0, 200)}`);
          } else {
            applied++;
            paymentIds.push(result.payment.id);
            reasons.push(`${i}:${m.reason}`);
            if (m.learnIban) learnt.set(m.learnIban, m.command.clientId);
          }
        }
        entry.status = applied === 0 ? 'unmatched' : applied === matches.length ? 'matched' : 'partly_matched';
        entry.reasons = [...new Set(reasons)];
        entry.paymentIds = paymentIds;
      }
      await this.statements.learnPayerAccounts(learnt, manager);
      await this.statements.saveOutcomes(entries, manager);
    });
  }

  /** Everything the batch's transactions could be matched by, each kind in one query. */
  private async lookups(entries: BankEntry[]): Promise<MatchLookups> {
    const transactions = entries.flatMap((e) => e.transactions);
    const texts = transactions.map(transactionText);
    const rfs = new Set([...transactions.flatMap((t) => t.creditorReferences.flatMap((ref) => quotedCreditorReferences(ref))), ...texts.flatMap((text) => quotedCreditorReferences(text))]);
    const numbers = new Set([...transactions.flatMap((t) => t.creditorReferences.map((ref) => ref.trim())), ...texts.flatMap(tokensOf)]);
    const ibans = [...new Set(transactions.map((t) => t.debtorIban).filter((i): i is string => i !== null))];
    const [letters, invoices, payers] = await Promise.all([
      this.letters.invoicesByReference([...rfs]),
      this.statements.invoicesByNumber([...numbers]),
      this.statements.clientsByIban(ibans),
    ]);
    const open = await this.statements.openInvoicesOf([...new Set(payers.values())]);
    const byNumber = new Map<string, InvoiceByNumber[]>();
    for (const invoice of invoices) byNumber.set(invoice.number, [...(byNumber.get(invoice.number) ?? []), invoice]);
    const openByClient = new Map<string, InvoiceByNumber[]>();
    for (const invoice of open) openByClient.set(invoice.clientId, [...(openByClient.get(invoice.clientId) ?? []), invoice]);
    return { letters, byNumber, payers, openByClient };
  }

  /**
   * A returned direct debit or transfer: the entry we applied that carries the same end-to-end id and amount has
   * its payment reversed through the payments' own reversal; a return of something we never applied is ignored.
   */
  private async reverseReturned(entry: BankEntry): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const reasons: string[] = [];
      for (const t of entry.transactions) {
        const original = t.endToEndId ? await this.statements.appliedByEndToEndId(t.endToEndId, manager) : null;
        const position = original?.transactions.findIndex((o) => o.endToEndId === t.endToEndId && (o.amount === (t.amount ?? entry.amount)));
        if (!original || position === undefined || position < 0) {
          reasons.push('return_of_unknown_payment');
          continue;
        }
        const reversed = await this.payments.reverseBySource(BANK_SOURCE, `${original.entryKey}#${position}`, manager);
        reasons.push(reversed ? `reversed:${reversed.payment.id}` : 'return_of_unknown_payment');
        if (reversed) entry.paymentIds = [...entry.paymentIds, reversed.payment.id];
      }
      entry.status = entry.paymentIds.length > 0 ? 'matched' : 'ignored';
      entry.reasons = reasons;
      await this.statements.saveEntry(entry, manager);
    });
  }

  /** Why no transaction of the entry may match automatically, if so. */
  private refusal(entry: BankEntry): string | null {
    if (entry.amount === null) return 'amount_precision';
    const accounts = [this.config.sender.iban];
    if (!entry.account || !accounts.includes(entry.account.replace(/\s+/g, '').toUpperCase())) return 'unknown_account';
    const details = entry.transactions.map((t) => t.amount);
    if (details.some((a) => a === null) || details.reduce<number>((sum, a) => sum + (a ?? 0), 0) !== entry.amount) return 'details_do_not_add_up';
    return null;
  }
}

interface MatchLookups {
  letters: Map<string, { clientId: string; invoiceIds: string[] }>;
  byNumber: Map<string, InvoiceByNumber[]>;
  payers: Map<string, string>;
  openByClient: Map<string, InvoiceByNumber[]>;
}

const transactionText = (t: Transaction) => [...t.creditorReferences, t.remittance ?? '', t.endToEndId ?? ''].join(' ').trim();
const tokensOf = (text: string) => [...new Set(text.split(/[\s,;:()"'/]+/).filter((token) => token.length >= 3))];

/** The client and payment command a transaction proves, by the first rule that applies; null when none does. */
export function matchTransaction(entry: BankEntry, t: Transaction, lookups: MatchLookups): Match | null {
  const amount = t.amount as number;
  const text = transactionText(t);
  const base = { amount, currency: entry.currency, receivedOn: entry.bookingDate, reference: text.slice(0, 500) || null };
  const sameCurrency = (invoices: InvoiceByNumber[] | undefined) => (invoices ?? []).filter((i) => i.currency === entry.currency);
  // 1. A structured creditor reference: one of our letters' RF references, or an invoice number.
  for (const reference of t.creditorReferences) {
    const [rf] = quotedCreditorReferences(reference);
    const letter = rf ? lookups.letters.get(rf) : undefined;
    if (letter) return { command: { ...base, clientId: letter.clientId }, reason: 'rf_reference', learnIban: t.debtorIban };
    const [invoice] = sameCurrency(lookups.byNumber.get(reference.trim()));
    if (invoice) return { command: { ...base, clientId: invoice.clientId, invoiceId: invoice.id }, reason: 'invoice_number', learnIban: t.debtorIban };
  }
  // 2. The remittance or end-to-end id quoting an RF reference or invoice numbers (of one client).
  const [rf] = quotedCreditorReferences(text);
  const letter = rf ? lookups.letters.get(rf) : undefined;
  if (letter) return { command: { ...base, clientId: letter.clientId }, reason: 'rf_reference_in_text', learnIban: t.debtorIban };
  const quoted = tokensOf(text).flatMap((token) => sameCurrency(lookups.byNumber.get(token)));
  if (quoted.length > 0 && new Set(quoted.map((i) => i.clientId)).size === 1) {
    return { command: { ...base, clientId: quoted[0].clientId, invoiceIds: quoted.map((i) => i.id) }, reason: 'invoice_number_in_text', learnIban: t.debtorIban };
  }
  // 3. A payer account learnt before, with an amount that is one open invoice's balance or the client's whole open balance.
  const clientId = t.debtorIban ? lookups.payers.get(t.debtorIban) : undefined;
  if (clientId) {
    const open = sameCurrency(lookups.openByClient.get(clientId));
    const exact = open.find((i) => i.balance === amount);
    if (exact) return { command: { ...base, clientId, invoiceId: exact.id }, reason: 'payer_iban_invoice_amount', learnIban: null };
    if (open.length > 0 && open.reduce((sum, i) => sum + i.balance, 0) === amount) return { command: { ...base, clientId }, reason: 'payer_iban_total', learnIban: null };
  }
  return null;
}
