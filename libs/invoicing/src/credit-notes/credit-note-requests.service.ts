import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { clientScopeCondition, mayAdjustReceivables, Principal, VisibilityService } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { decodeIdCursor, Page, toPage } from '@ar/pagination';
import { OutboxWriter } from '@ar/outbox';
import { InvoicingEvents } from '../invoicing-events';
import { InvoiceAccess } from '../invoices/invoice-access';
import { CreditNoteRequest, CreditNoteRequestStatus } from './credit-note-request.entity';
import { assertCreditable, CreateCreditNoteCommand, CreditNotesService } from './credit-notes.service';
import type { EventDataOf } from '@ar/events';

export interface CreditNoteRequestFilters {
  status?: CreditNoteRequestStatus;
  clientId?: string;
}

/**
 * Credit notes are finance's to issue. An account manager who agrees one with a client asks for it here;
 * the request is visible to finance (and to whoever sees the client), and finance approves it, which
 * issues the credit note in the same transaction, or rejects it with a reason.
 */
@Injectable()
export class CreditNoteRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: InvoiceAccess,
    private readonly creditNotes: CreditNotesService,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
  ) {}

  async request(principal: Principal, command: CreateCreditNoteCommand): Promise<CreditNoteRequest> {
    const scope = await this.visibility.scopeFor(principal);
    return this.dataSource.transaction(async (manager) => {
      const invoice = await this.access.lockVisible(manager, scope, command.invoiceId);
      assertCreditable(invoice, command.amount);
      const request = Object.assign(new CreditNoteRequest(), {
        id: uuidv7(),
        invoiceId: invoice.id,
        clientId: invoice.clientId,
        amount: command.amount,
        currency: invoice.currency,
        reason: command.reason,
        status: 'pending' as const,
        requestedBy: principal.userId,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        creditNoteId: null,
      });
      await manager.insert(CreditNoteRequest, request);
      await this.outbox.append(manager, 'invoicing', [{ type: InvoicingEvents.CreditNoteRequested, aggregateId: request.id, data: requestEventData(request) }]);
      return (await manager.findOneBy(CreditNoteRequest, { id: request.id })) as CreditNoteRequest;
    });
  }

  async list(principal: Principal, filters: CreditNoteRequestFilters, limit: number, cursor?: string): Promise<Page<CreditNoteRequest>> {
    const scope = await this.visibility.scopeFor(principal);
    const qb = this.dataSource.manager.createQueryBuilder(CreditNoteRequest, 'r').orderBy('r.id', 'ASC').limit(limit + 1);
    if (!scope.all) {
      const visible = clientScopeCondition(scope, 'r.client_id', ':managers');
      qb.andWhere(visible.sql, { managers: visible.params[0] });
    }
    if (filters.status) qb.andWhere('r.status = :status', { status: filters.status });
    if (filters.clientId) qb.andWhere('r.client_id = :clientId', { clientId: filters.clientId });
    const after = decodeIdCursor(cursor);
    if (after) qb.andWhere('r.id > :after', { after });
    return toPage(await qb.getMany(), limit, (r) => [r.id], (r) => r);
  }

  async get(principal: Principal, id: string): Promise<CreditNoteRequest> {
    const request = await this.dataSource.manager.findOneBy(CreditNoteRequest, { id });
    if (!request || !(await this.visibility.principalCanSeeClient(principal, request.clientId))) {
      throw DomainError.notFound('Credit note request', id);
    }
    return request;
  }

  /** Issues the requested credit note and records who approved it, in one transaction. */
  approve(principal: Principal, id: string, note?: string): Promise<CreditNoteRequest> {
    return this.decide(principal, id, async (request, manager) => {
      const creditNote = await this.creditNotes.createIn(manager, principal, { invoiceId: request.invoiceId, amount: request.amount, reason: request.reason });
      return { status: 'approved', creditNoteId: creditNote.id, decisionNote: note ?? null };
    });
  }

  reject(principal: Principal, id: string, reason: string): Promise<CreditNoteRequest> {
    return this.decide(principal, id, async () => ({ status: 'rejected', creditNoteId: null, decisionNote: reason }));
  }

  private async decide(
    principal: Principal,
    id: string,
    decision: (request: CreditNoteRequest, manager: EntityManager) => Promise<Pick<CreditNoteRequest, 'status' | 'creditNoteId' | 'decisionNote'>>,
  ): Promise<CreditNoteRequest> {
    if (!mayAdjustReceivables(principal.role)) throw DomainError.forbidden('Credit note requests are decided by finance or an admin');
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(CreditNoteRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw DomainError.notFound('Credit note request', id);
      if (request.status !== 'pending') throw new DomainError(ErrorCode.InvalidTransition, `The request is already ${request.status}`);
      const decided = await decision(request, manager);
      Object.assign(request, decided, { decidedBy: principal.userId, decidedAt: new Date() });
      await manager.save(CreditNoteRequest, request);
      const type = decided.status === 'approved' ? InvoicingEvents.CreditNoteRequestApproved : InvoicingEvents.CreditNoteRequestRejected;
      await this.outbox.append(manager, 'invoicing', [{ type, aggregateId: request.id, data: requestEventData(request) }]);
      return request;
    });
  }
}

function requestEventData(request: CreditNoteRequest): EventDataOf<'invoicing', 'credit_note.requested'> {
  return {
    requestId: request.id,
    invoiceId: request.invoiceId,
    clientId: request.clientId,
    amount: request.amount,
    currency: request.currency,
    reason: request.reason,
    status: request.status,
    requestedBy: request.requestedBy,
    decidedBy: request.decidedBy,
    creditNoteId: request.creditNoteId,
  };
}
