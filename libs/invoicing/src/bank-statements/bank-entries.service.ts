import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { decodeIdCursor, Page, toPage } from '@ar/pagination';
import { PaymentsService } from '../payments/payments.service';
import { BankEntry, BankEntryStatus } from './bank-statement.entity';
import { BankStatementRepository, InvoiceByNumber } from './bank-statement.repository';
import { BANK_SOURCE } from './bank-import.service';

export interface SuspenseSuggestion {
  clientId: string;
  reason: 'payer_iban' | 'payer_name' | 'amount';
  invoices: Pick<InvoiceByNumber, 'id' | 'number' | 'balance' | 'dueDate'>[];
}

/** The suspense list: entries nothing proved, with suggestions, applied or ignored by finance. */
@Injectable()
export class BankEntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statements: BankStatementRepository,
    private readonly payments: PaymentsService,
  ) {}

  async list(status: BankEntryStatus | undefined, limit: number, cursor?: string): Promise<Page<BankEntry>> {
    const rows = await this.statements.listEntries(status, decodeIdCursor(cursor), limit + 1);
    return toPage(rows, limit, (e) => [e.id], (e) => e);
  }

  /**
   * Who may have paid: the client a payer account was learnt for, clients whose name resembles the payer's, and
   * open invoices whose balance is the amount; each with the client's open invoices of that amount.
   */
  async suggestions(entry: BankEntry): Promise<SuspenseSuggestion[]> {
    const suggestions: SuspenseSuggestion[] = [];
    const seen = new Set<string>();
    const fittingOf = async (clientId: string) =>
      (await this.statements.openInvoices(clientId, entry.currency))
        .filter((i) => entry.transactions.some((t) => t.amount === i.balance) || i.balance === entry.amount)
        .map(({ id, number, balance, dueDate }) => ({ id, number, balance, dueDate }));
    for (const iban of new Set(entry.transactions.map((t) => t.debtorIban).filter((i): i is string => i !== null))) {
      const clientId = await this.statements.clientByIban(iban);
      if (!clientId || seen.has(clientId)) continue;
      seen.add(clientId);
      suggestions.push({ clientId, reason: 'payer_iban', invoices: await fittingOf(clientId) });
    }
    for (const name of new Set(entry.transactions.map((t) => t.debtorName).filter((n): n is string => n !== null))) {
      for (const clientId of await this.statements.clientsNamed(name, 3)) {
        if (seen.has(clientId)) continue;
        seen.add(clientId);
        suggestions.push({ clientId, reason: 'payer_name', invoices: await fittingOf(clientId) });
      }
    }
    if (entry.amount !== null) {
      for (const invoice of await this.statements.openInvoicesOfAmount(entry.amount, entry.currency, 5)) {
        if (seen.has(invoice.clientId)) continue;
        seen.add(invoice.clientId);
        suggestions.push({ clientId: invoice.clientId, reason: 'amount', invoices: [{ id: invoice.id, number: invoice.number, balance: invoice.balance, dueDate: invoice.dueDate }] });
      }
    }
    return suggestions;
  }

  /** Finance applies an unmatched (or partly matched) entry's amount to a client, optionally to named invoices. */
  async apply(principal: Principal, id: string, command: { clientId: string; invoiceIds?: string[] }): Promise<BankEntry> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await this.statements.lockEntry(id, manager);
      if (!entry) throw DomainError.notFound('Bank entry', id);
      if (entry.status !== 'unmatched') throw new DomainError(ErrorCode.InvalidTransition, `The entry is ${entry.status}; only an unmatched entry is applied by hand`);
      if (entry.amount === null) throw DomainError.businessRule(`The amount ${entry.amountText} ${entry.currency} has more decimals than the currency`);
      const [result] = await this.payments.recordMany(
        { all: true },
        [{
          command: {
            clientId: command.clientId, amount: entry.amount, currency: entry.currency, receivedOn: entry.bookingDate, externalId: `${entry.entryKey}#manual`,
            reference: entry.transactions.map((t) => t.remittance ?? t.endToEndId ?? '').join(' ').trim().slice(0, 500) || null, invoiceIds: command.invoiceIds ?? null,
          },
          sourceKey: BANK_SOURCE,
        }],
        manager,
      );
      if (result instanceof DomainError) throw result;
      entry.status = 'applied';
      entry.paymentIds = [...entry.paymentIds, result.payment.id];
      entry.reasons = [...entry.reasons, `applied_by:${principal.userId}`];
      const ibans = entry.transactions.map((t) => t.debtorIban).filter((i): i is string => i !== null);
      await this.statements.learnPayerAccounts(new Map(ibans.map((iban) => [iban, command.clientId])), manager);
      await this.statements.saveEntry(entry, manager);
      return entry;
    });
  }

  async ignore(principal: Principal, id: string, reason: string): Promise<BankEntry> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await this.statements.lockEntry(id, manager);
      if (!entry) throw DomainError.notFound('Bank entry', id);
      if (entry.status !== 'unmatched') throw new DomainError(ErrorCode.InvalidTransition, `The entry is ${entry.status}; only an unmatched entry is ignored`);
      entry.status = 'ignored';
      entry.ignoreReason = reason;
      entry.reasons = [...entry.reasons, `ignored_by:${principal.userId}`];
      await this.statements.saveEntry(entry, manager);
      return entry;
    });
  }
}
