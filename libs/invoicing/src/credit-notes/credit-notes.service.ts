import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { mayAdjustReceivables, Principal, VisibilityService } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { BusinessCalendar } from '@ar/time';
import { InvoicingEvents } from '../invoicing-events';
import { Invoice, invoiceBalance } from '../invoices/invoice.entity';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { InvoiceAccess } from '../invoices/invoice-access';
import { CreditNote } from './credit-note.entity';

export interface CreateCreditNoteCommand {
  invoiceId: string;
  amount: number;
  reason: string;
}

@Injectable()
export class CreditNotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoiceRepository,
    private readonly access: InvoiceAccess,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** A credit note lowers what the client owes on one invoice, never below zero. */
  async create(principal: Principal, command: CreateCreditNoteCommand): Promise<CreditNote> {
    return this.dataSource.transaction((manager) => this.createIn(manager, principal, command));
  }

  /** `create` inside the caller's transaction (an approved credit-note request issues its note with its decision). */
  async createIn(manager: EntityManager, principal: Principal, command: CreateCreditNoteCommand): Promise<CreditNote> {
    const scope = await this.visibility.scopeFor(principal);
    const invoice = await this.access.lockVisible(manager, scope, command.invoiceId);
    if (!mayAdjustReceivables(principal.role)) {
      throw DomainError.forbidden('Credit notes are issued by finance or an admin; ask for one with POST /v1/credit-note-requests');
    }
    return this.issueIn(manager, invoice, command.amount, command.reason, principal.userId);
  }

  /** Books a credit note on an invoice the caller has locked; `createdBy` null when the system issues it (a rebate). */
  async issueIn(manager: EntityManager, invoice: Invoice, amount: number, reason: string, createdBy: string | null): Promise<CreditNote> {
    const today = this.calendar.today();
    const balance = assertCreditable(invoice, amount);
    const note = Object.assign(new CreditNote(), {
      id: uuidv7(),
      invoiceId: invoice.id,
      clientId: invoice.clientId,
      amount,
      currency: invoice.currency,
      reason,
      kind: 'credit_note' as const,
      createdBy,
      issuedOn: today,
    });
    await manager.insert(CreditNote, note);
    await this.invoices.applySettlements([{ invoiceId: invoice.id, paid: 0, discounted: 0, credited: amount }], today, manager);
    const events: NewOutboxEvent<'invoicing'>[] = [
      {
        type: InvoicingEvents.CreditNoteIssued,
        aggregateId: note.id,
        data: { creditNoteId: note.id, invoiceId: invoice.id, clientId: invoice.clientId, amount: note.amount, currency: note.currency, reason: note.reason },
      },
    ];
    if (amount === balance) {
      events.push({
        type: InvoicingEvents.InvoicePaid,
        aggregateId: invoice.id,
        data: { invoiceId: invoice.id, clientId: invoice.clientId, number: invoice.number, total: invoice.total, currency: invoice.currency, balance: 0, paymentId: null, discounted: 0 },
      });
    }
    await this.outbox.append(manager, 'invoicing', events);
    return (await manager.findOneBy(CreditNote, { id: note.id })) as CreditNote;
  }
}

/** A credit goes to an invoice that can still be credited and never takes it below zero; returns the open balance. */
export function assertCreditable(invoice: Invoice, amount: number): number {
  if (invoice.status === 'void' || invoice.status === 'written_off') {
    throw new DomainError(ErrorCode.InvalidTransition, `A ${invoice.status} invoice cannot be credited`);
  }
  const balance = invoiceBalance(invoice);
  if (amount > balance) throw DomainError.businessRule(`The credit of ${amount} exceeds the open balance of ${balance} ${invoice.currency}`);
  return balance;
}
