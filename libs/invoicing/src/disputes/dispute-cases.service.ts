import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { mayAdjustReceivables, Principal, VisibilityService } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { decodeCursor, Page, toPage } from '@ar/pagination';
import { addDays, BusinessCalendar, CalendarDate, Clock } from '@ar/time';
import { CreditNotesService } from '../credit-notes/credit-notes.service';
import { ContractsDirectory } from '../directory/contracts-directory';
import { InvoicingEvents } from '../invoicing-events';
import { Invoice, invoiceBalance } from '../invoices/invoice.entity';
import { InvoiceAccess } from '../invoices/invoice-access';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { invoiceEventData } from '../invoices/invoices.service';
import { WriteOffsService } from '../write-offs/write-offs.service';
import { DisputeCase, DisputeReasonCode, DisputeResolution, ProposableResolution } from './dispute-case.entity';
import { DisputeCaseQuery, DisputeCaseRepository, DisputeReportRow } from './dispute-case.repository';

/** Days a new case has until it should be resolved, unless given. */
const DEFAULT_CASE_DAYS = 14;

export interface OpenDisputeCommand {
  reason: string;
  reasonCode?: DisputeReasonCode;
  ownerId?: string;
  dueOn?: CalendarDate;
}

export interface ResolveDisputeCommand {
  resolution: DisputeResolution;
  /** For credit_note and write_off: default what the invoice still owes. */
  amount?: number;
  note?: string;
}

/**
 * Dispute cases: opening one disputes its invoice (never escalated while open); notes; a resolution by credit note
 * or write-off (finance books it, a manager proposes it and finance approves), rejection (dunning resumes) or
 * payment (cases close by themselves once the invoice is paid). The complaints analysis counts them by reason.
 */
@Injectable()
export class DisputeCasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: DisputeCaseRepository,
    private readonly invoices: InvoiceRepository,
    private readonly access: InvoiceAccess,
    private readonly directory: ContractsDirectory,
    private readonly visibility: VisibilityService,
    private readonly creditNotes: CreditNotesService,
    private readonly writeOffs: WriteOffsService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  async open(principal: Principal, invoiceId: string, command: OpenDisputeCommand): Promise<DisputeCase> {
    const today = this.calendar.today();
    if (command.dueOn && command.dueOn < today) throw DomainError.businessRule('dueOn must not be in the past');
    const id = await this.dataSource.transaction(async (manager) => {
      const invoice = await this.access.lockVisible(manager, await this.visibility.scopeFor(principal), invoiceId);
      if (invoice.status === 'void' || invoice.status === 'written_off') throw new DomainError(ErrorCode.InvalidTransition, `A ${invoice.status} invoice cannot be disputed`);
      if (invoice.disputed) throw new DomainError(ErrorCode.InvalidTransition, 'The invoice is already disputed');
      const ownerId = command.ownerId ?? (await this.directory.client(invoice.clientId, manager))?.accountManagerId ?? null;
      if (command.ownerId && !(await this.userExists(command.ownerId, manager))) throw DomainError.businessRule(`No user ${command.ownerId}`);
      invoice.disputed = true;
      invoice.disputeReason = command.reason;
      await this.invoices.save(invoice, manager);
      const opened = this.newCase(invoice, command.reasonCode ?? 'other', command.reason, ownerId, command.dueOn ?? addDays(today, DEFAULT_CASE_DAYS), principal.userId, today);
      await this.cases.insert([opened], manager);
      await this.outbox.append(manager, 'invoicing', [
        { type: InvoicingEvents.InvoiceDisputed, aggregateId: invoice.id, data: invoiceEventData(invoice) },
        { type: InvoicingEvents.DisputeCaseOpened, aggregateId: opened.id, data: caseEventData(opened) },
      ]);
      return opened.id;
    });
    return (await this.cases.findById(id)) as DisputeCase;
  }

  /** Opens cases for invoices disputed on the collections context's word (a call ended in a dispute). Idempotent. */
  async openBySystem(invoiceIds: string[], reason: string, by: string | null): Promise<number> {
    if (invoiceIds.length === 0) return 0;
    const today = this.calendar.today();
    return this.dataSource.transaction(async (manager) => {
      const changed = await this.invoices.lockOpenUndisputed(invoiceIds, manager);
      if (changed.length === 0) return 0;
      await this.invoices.markDisputed(changed.map((i) => i.id), reason, manager);
      // One call's invoices are one client's: its manager owns the cases.
      const owners = new Map<string, string | null>();
      for (const clientId of new Set(changed.map((i) => i.clientId))) owners.set(clientId, (await this.directory.client(clientId, manager))?.accountManagerId ?? null);
      const opened = changed.map((invoice) => {
        Object.assign(invoice, { disputed: true, disputeReason: reason });
        return this.newCase(invoice, 'other', reason, owners.get(invoice.clientId) ?? null, addDays(today, DEFAULT_CASE_DAYS), by, today);
      });
      await this.cases.insert(opened, manager);
      await this.outbox.append(manager, 'invoicing', [
        ...changed.map((i) => ({ type: InvoicingEvents.InvoiceDisputed, aggregateId: i.id, data: invoiceEventData(i) })),
        ...opened.map((c) => ({ type: InvoicingEvents.DisputeCaseOpened, aggregateId: c.id, data: caseEventData(c) })),
      ] as NewOutboxEvent<'invoicing'>[]);
      return changed.length;
    });
  }

  async get(principal: Principal, id: string, manager?: EntityManager): Promise<DisputeCase> {
    const found = manager ? await this.cases.lockById(id, manager) : await this.cases.findById(id);
    if (!found || !(await this.visibility.principalCanSeeClient(principal, found.clientId, manager))) throw DomainError.notFound('Dispute case', id);
    return found;
  }

  async list(principal: Principal, filters: Omit<DisputeCaseQuery, 'scope' | 'after' | 'limit'>, limit: number, cursor?: string): Promise<Page<DisputeCase>> {
    const after = decodeCursor(cursor, ['uuid']) as [string] | null;
    const rows = await this.cases.list({ ...filters, scope: await this.visibility.scopeFor(principal), after: after?.[0] ?? null, limit });
    return toPage(rows, limit, (c) => [c.id], (c) => c);
  }

  async addNote(principal: Principal, id: string, note: string): Promise<DisputeCase> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.get(principal, id, manager);
      found.notes = [...found.notes, { at: this.clock.now().toISOString(), by: principal.userId, note }];
      await this.cases.save(found, manager);
    });
    return this.get(principal, id);
  }

  /**
   * Resolves an open case. A credit note or write-off is booked at once by finance or an admin; anyone else who sees
   * the client proposes it, for finance to approve. Rejection and payment close the case for anyone who sees it.
   */
  async resolve(principal: Principal, id: string, command: ResolveDisputeCommand): Promise<DisputeCase> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.lockOpen(principal, id, manager);
      const books = command.resolution === 'credit_note' || command.resolution === 'write_off';
      if (books && !mayAdjustReceivables(principal.role)) {
        if (found.proposedResolution) throw new DomainError(ErrorCode.InvalidTransition, 'A resolution is already proposed; finance decides on it first');
        found.proposedResolution = command.resolution as ProposableResolution;
        found.proposedAmount = command.amount ?? null;
        found.proposedBy = principal.userId;
        if (command.note) found.notes = [...found.notes, { at: this.clock.now().toISOString(), by: principal.userId, note: command.note }];
        await this.cases.save(found, manager);
        await this.outbox.append(manager, 'invoicing', [{ type: InvoicingEvents.DisputeCaseResolutionProposed, aggregateId: id, data: caseEventData(found) }]);
        return;
      }
      await this.close(manager, principal, found, command);
    });
    return this.get(principal, id);
  }

  /** Finance (or an admin) books the resolution a manager proposed. */
  async approve(principal: Principal, id: string, note?: string): Promise<DisputeCase> {
    if (!mayAdjustReceivables(principal.role)) throw DomainError.forbidden('Finance or an admin approves a proposed resolution');
    await this.dataSource.transaction(async (manager) => {
      const found = await this.lockOpen(principal, id, manager);
      if (!found.proposedResolution) throw new DomainError(ErrorCode.InvalidTransition, 'No resolution is proposed');
      await this.close(manager, principal, found, { resolution: found.proposedResolution, amount: found.proposedAmount ?? undefined, note });
    });
    return this.get(principal, id);
  }

  /** Finance (or an admin) declines a proposed resolution; the case stays open. */
  async decline(principal: Principal, id: string, reason: string): Promise<DisputeCase> {
    if (!mayAdjustReceivables(principal.role)) throw DomainError.forbidden('Finance or an admin declines a proposed resolution');
    await this.dataSource.transaction(async (manager) => {
      const found = await this.lockOpen(principal, id, manager);
      if (!found.proposedResolution) throw new DomainError(ErrorCode.InvalidTransition, 'No resolution is proposed');
      found.notes = [...found.notes, { at: this.clock.now().toISOString(), by: principal.userId, note: `Proposed ${found.proposedResolution} declined: ${reason}` }];
      Object.assign(found, { proposedResolution: null, proposedAmount: null, proposedBy: null });
      await this.cases.save(found, manager);
    });
    return this.get(principal, id);
  }

  /** The legacy POST /v1/invoices/:id/resolve-dispute: the invoice's open case ends as rejected (dunning resumes). */
  async resolveInvoiceDispute(principal: Principal, invoiceId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invoice = await this.access.lockVisible(manager, await this.visibility.scopeFor(principal), invoiceId);
      if (!invoice.disputed) throw new DomainError(ErrorCode.InvalidTransition, 'The invoice is not disputed');
      const found = await this.cases.lockOpenForInvoice(invoiceId, manager);
      if (found) await this.close(manager, principal, found, { resolution: 'rejected', note: 'Resolved on the invoice' });
      else await this.clearDispute(manager, invoice);
    });
  }

  /** An invoice was paid (from `invoice.paid`): its open case closes as paid. Idempotent. */
  async closePaid(invoiceId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.cases.lockOpenForInvoice(invoiceId, manager);
      if (!found) return false;
      await this.close(manager, null, found, { resolution: 'paid' });
      return true;
    });
  }

  async report(principal: Principal, from: CalendarDate, to: CalendarDate): Promise<DisputeReportRow[]> {
    if (to < from) throw DomainError.validation('to must not be before from', [{ path: 'to', message: 'before from' }]);
    return this.cases.report(await this.visibility.scopeFor(principal), from, to);
  }

  private async close(manager: EntityManager, principal: Principal | null, found: DisputeCase, command: ResolveDisputeCommand): Promise<void> {
    const invoice = (await this.invoices.findByIdForUpdate(found.invoiceId, manager)) as Invoice;
    const balance = invoiceBalance(invoice);
    let amount: number | null = null;
    if (command.resolution === 'paid' && balance > 0 && !['void', 'written_off'].includes(invoice.status)) {
      throw DomainError.businessRule(`The invoice still owes ${balance} ${invoice.currency}; it is not paid`);
    }
    // The credit note or write-off first: it checks the amount against the balance, still marked disputed.
    if (command.resolution === 'credit_note' || command.resolution === 'write_off') {
      amount = command.amount ?? balance;
      const reason = `Dispute (${found.reasonCode}): ${found.reason}`;
      if (command.resolution === 'credit_note') {
        found.creditNoteId = (await this.creditNotes.createIn(manager, principal as Principal, { invoiceId: invoice.id, amount, reason })).id;
      } else {
        found.creditNoteId = await this.writeOffs.writeOffIn(manager, principal as Principal, invoice.id, { amount, reason });
      }
    }
    Object.assign(found, {
      status: 'resolved', resolution: command.resolution, resolutionAmount: amount, resolvedOn: this.calendar.today(), resolvedBy: principal?.userId ?? null,
      proposedResolution: null, proposedAmount: null,
    });
    if (command.note) found.notes = [...found.notes, { at: this.clock.now().toISOString(), by: principal?.userId ?? null, note: command.note }];
    await this.cases.save(found, manager);
    const current = (await this.invoices.findByIdForUpdate(found.invoiceId, manager)) as Invoice;
    await this.clearDispute(manager, current);
    await this.outbox.append(manager, 'invoicing', [{ type: InvoicingEvents.DisputeCaseResolved, aggregateId: found.id, data: caseEventData(found) }]);
  }

  private async clearDispute(manager: EntityManager, invoice: Invoice): Promise<void> {
    if (!invoice.disputed) return;
    invoice.disputed = false;
    await this.invoices.save(invoice, manager);
    await this.outbox.append(manager, 'invoicing', [{ type: InvoicingEvents.InvoiceDisputeResolved, aggregateId: invoice.id, data: invoiceEventData(invoice) }]);
  }

  private async lockOpen(principal: Principal, id: string, manager: EntityManager): Promise<DisputeCase> {
    const found = await this.get(principal, id, manager);
    if (found.status !== 'open') throw new DomainError(ErrorCode.InvalidTransition, `The case is already ${found.status}`);
    return found;
  }

  private newCase(invoice: Invoice, reasonCode: DisputeReasonCode, reason: string, ownerId: string | null, dueOn: CalendarDate, by: string | null, today: CalendarDate): DisputeCase {
    return Object.assign(new DisputeCase(), {
      id: uuidv7(), invoiceId: invoice.id, clientId: invoice.clientId, currency: invoice.currency, amount: invoiceBalance(invoice), reasonCode, reason,
      ownerId, dueOn, notes: [], status: 'open' as const, resolution: null, resolutionAmount: null, creditNoteId: null, proposedResolution: null,
      proposedAmount: null, proposedBy: null, openedOn: today, openedBy: by, resolvedOn: null, resolvedBy: null,
    });
  }

  private async userExists(id: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM contracts.user_directory_v1 WHERE id = $1`, [id]);
    return rows.length > 0;
  }
}

export function caseEventData(c: DisputeCase) {
  return {
    caseId: c.id, invoiceId: c.invoiceId, clientId: c.clientId, currency: c.currency, amount: c.amount, reasonCode: c.reasonCode, reason: c.reason,
    ownerId: c.ownerId, dueOn: c.dueOn, status: c.status, resolution: c.resolution, resolutionAmount: c.resolutionAmount, proposedResolution: c.proposedResolution,
    proposedAmount: c.proposedAmount, openedOn: c.openedOn, resolvedOn: c.resolvedOn,
  };
}
