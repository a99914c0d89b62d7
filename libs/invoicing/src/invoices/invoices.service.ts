import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { clientScopeCondition, mayAdjustReceivables, Principal, VisibilityService } from '@ar/auth';
import { isUniqueViolation } from '@ar/database';
import { DomainError, ErrorCode } from '@ar/errors';
import { decodeIdCursor, Page, toPage } from '@ar/pagination';
import { AmountLimitExceededError, InvoiceTotals, invoiceTotals, LineInput, volumePeriod } from '@ar/money';
import { OutboxWriter } from '@ar/outbox';
import { addDays, BusinessCalendar, CalendarDate } from '@ar/time';
import { AccruedClaim, InvoiceClaimsService, NOTHING_ACCRUED } from '../claims/invoice-claims.service';
import { CollectionsDirectory, DunningState, NO_DUNNING } from '../directory/collections-directory';
import { ContractsDirectory } from '../directory/contracts-directory';
import { InvoicingEvents } from '../invoicing-events';
import { InvoiceLine } from './invoice-line.entity';
import { InvoiceAccess } from './invoice-access';
import { Invoice, invoiceBalance, InvoiceStatus } from './invoice.entity';
import { InvoiceRepository } from './invoice.repository';
import { predictedPaymentDate } from './payment-prediction';
import { VolumeDiscountApplied, volumeDiscountLines } from './volume-discount-lines';
import type { EventDataOf } from '@ar/events';

export interface CreateInvoiceCommand {
  contractId: string;
  issueDate: string;
  dueDate?: string;
  number?: string;
  externalId?: string;
  lines: (LineInput & { description: string })[];
}

/** An invoice with the dunning state the collections context keeps for it and what it accrued as of a date. */
export interface InvoiceView {
  invoice: Invoice;
  dunning: DunningState;
  accrued: AccruedClaim;
  predictedPaymentDate: CalendarDate | null;
}

export interface ListInvoicesQuery {
  clientId?: string;
  status?: InvoiceStatus;
  overdue?: boolean;
  asOf?: string;
  from?: string;
  to?: string;
  accountManagerId?: string;
  limit: number;
  cursor?: string;
}

@Injectable()
export class InvoicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoiceRepository,
    private readonly directory: ContractsDirectory,
    private readonly collections: CollectionsDirectory,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
    private readonly claims: InvoiceClaimsService,
    private readonly access: InvoiceAccess,
  ) {}

  async create(principal: Principal, command: CreateInvoiceCommand): Promise<InvoiceView> {
    const scope = await this.visibility.scopeFor(principal);
    const terms = (await this.directory.contractTerms([command.contractId])).get(command.contractId);
    const client = terms ? await this.directory.visibleClient(scope, terms.clientId) : null;
    if (!terms || !client) throw DomainError.notFound('Contract', command.contractId);
    if (terms.status !== 'active') throw DomainError.businessRule(`Contract ${terms.id} is ${terms.status}, not active`);
    if (client.status === 'blocked') throw DomainError.businessRule(`Client ${client.id} is blocked; no new invoices may be issued`);

    const dueDate = command.dueDate ?? addDays(command.issueDate, terms.paymentTermDays);
    if (dueDate < command.issueDate) {
      throw DomainError.validation('dueDate must not be before issueDate', [{ path: 'dueDate', message: 'before issueDate' }]);
    }
    const totals = exactInvoiceTotals(command.lines);

    // A client on hold (by hand or by its solvency decision) may keep buying within its limit; beyond it,
    // sales must wait for payment.
    const decision = await this.collections.solvencyDecision(client.id);
    const onHold = client.status === 'on_hold' || decision === 'hold' || decision === 'block';
    if (onHold && client.creditLimitAmount !== null && client.creditLimitCurrency === terms.currency) {
      const exposure = await this.invoices.openExposure(client.id, terms.currency);
      if (exposure + totals.total > client.creditLimitAmount) {
        throw DomainError.businessRule(
          `Client ${client.id} is on hold (solvency decision ${decision ?? 'none'}) and this invoice would raise its exposure to ${exposure + totals.total} ${terms.currency}, above its credit limit of ${client.creditLimitAmount}`,
        );
      }
    }

    const id = uuidv7();
    const invoice = Object.assign(new Invoice(), {
      id,
      clientId: client.id,
      contractId: terms.id,
      currency: terms.currency,
      issueDate: command.issueDate,
      dueDate,
      subtotal: totals.subtotal,
      taxTotal: totals.taxTotal,
      total: totals.total,
      amountPaid: 0,
      amountCredited: 0,
      amountDiscounted: 0,
      status: (totals.total === 0 ? 'paid' : 'open') as InvoiceStatus,
      settledOn: totals.total === 0 ? command.issueDate : null,
      volumeDiscount: null as VolumeDiscountApplied | null,
      disputed: false,
      disputeReason: null,
      externalId: command.externalId ?? null,
    });
    const lineEntities = (lines: CreateInvoiceCommand['lines'], amounts: InvoiceTotals) =>
      lines.map((line, index) =>
        Object.assign(new InvoiceLine(), {
          invoiceId: id,
          position: index + 1,
          description: line.description,
          quantity: Number(line.quantity),
          unitPrice: line.unitPrice,
          taxRatePercent: Number(line.taxRatePercent ?? 0),
          netAmount: amounts.lines[index].netAmount,
          taxAmount: amounts.lines[index].taxAmount,
        }),
      );

    try {
      await this.dataSource.transaction(async (manager) => {
        invoice.number = command.number ?? (await this.invoices.nextNumber(Number(command.issueDate.slice(0, 4)), manager));
        let lines = command.lines;
        let amounts = totals;
        if (terms.volumeDiscount) {
          // The period's volume is read and this invoice added under one lock per contract, so two invoices issued
          // at once count each other.
          const period = volumePeriod(terms.volumeDiscount.period, terms.startsOn, command.issueDate);
          const { volume } = await this.invoices.lockedPeriodVolume(terms.id, period, manager);
          const discount = volumeDiscountLines(terms.volumeDiscount, terms.currency, command.lines, volume, period);
          invoice.volumeDiscount = discount.applied;
          if (discount.lines.length > 0) {
            lines = [...command.lines, ...discount.lines];
            amounts = exactInvoiceTotals(lines);
            Object.assign(invoice, { subtotal: amounts.subtotal, taxTotal: amounts.taxTotal, total: amounts.total });
          }
        }
        await this.invoices.insertWithLines(invoice, lineEntities(lines, amounts), manager);
        await this.outbox.append(manager, 'invoicing', [
          { type: InvoicingEvents.InvoiceIssued, aggregateId: id, data: invoiceEventData(invoice) },
        ]);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'invoices_client_id_number_key')) {
        throw DomainError.conflict(`Client ${client.id} already has an invoice numbered ${invoice.number}`);
      }
      if (isUniqueViolation(error, 'invoices_client_external_id_key')) throw DomainError.conflict(`Client ${client.id} already has an invoice with this externalId`);
      throw error;
    }
    return this.toView((await this.invoices.findById(id)) as Invoice);
  }

  async get(principal: Principal, id: string, asOf: CalendarDate = this.calendar.today()): Promise<InvoiceView> {
    return this.toView(await this.access.visible(principal, id), asOf);
  }

  async list(principal: Principal, query: ListInvoicesQuery): Promise<Page<InvoiceView>> {
    const scope = await this.visibility.scopeFor(principal);
    const asOf = query.asOf ?? this.calendar.today();
    const rows = await this.invoices.list(
      {
        clientId: query.clientId, status: query.status, overdue: query.overdue, asOf, from: query.from, to: query.to, accountManagerId: query.accountManagerId,
        scope: clientScopeCondition(scope, 'client_id', '$1::uuid[]'),
      },
      decodeIdCursor(query.cursor),
      query.limit + 1,
    );
    const views = await this.toViews(rows.slice(0, query.limit), asOf);
    return toPage(rows, query.limit, (i) => [i.id], (invoice) => views.get(invoice.id) as InvoiceView);
  }

  private async toView(invoice: Invoice, asOf: CalendarDate = this.calendar.today()): Promise<InvoiceView> {
    return (await this.toViews([invoice], asOf)).get(invoice.id) as InvoiceView;
  }

  /** Each invoice with its dunning state, what it accrued and when it is likely paid as of `asOf`, in three queries for all of them. */
  private async toViews(invoices: Invoice[], asOf: CalendarDate): Promise<Map<string, InvoiceView>> {
    const [states, accrued, delays] = await Promise.all([
      this.collections.dunningStates(invoices.map((i) => i.id)),
      this.claims.accrue(invoices, asOf),
      this.invoices.typicalDelays(invoices.map((i) => i.clientId), asOf),
    ]);
    return new Map(
      invoices.map((invoice) => [
        invoice.id,
        {
          invoice,
          dunning: states.get(invoice.id) ?? NO_DUNNING,
          accrued: accrued.get(invoice.id) ?? NOTHING_ACCRUED,
          predictedPaymentDate: predictedPaymentDate(invoice, delays.get(invoice.clientId) ?? 0, asOf),
        },
      ]),
    );
  }

  void(principal: Principal, id: string): Promise<InvoiceView> {
    return this.change(principal, id, (invoice) => {
      if (!mayAdjustReceivables(principal.role)) throw DomainError.forbidden('Invoices are voided by finance or an admin');
      if (invoice.status === 'void') throw new DomainError(ErrorCode.InvalidTransition, 'The invoice is already void');
      if (invoice.amountPaid > 0 || invoice.amountCredited > 0 || invoice.amountDiscounted > 0) {
        throw new DomainError(ErrorCode.InvalidTransition, 'Money was already applied to this invoice; issue a credit note instead');
      }
      invoice.status = 'void';
      return InvoicingEvents.InvoiceVoided;
    });
  }

  private async change(
    principal: Principal,
    id: string,
    apply: (invoice: Invoice) => typeof InvoicingEvents.InvoiceVoided,
  ): Promise<InvoiceView> {
    const scope = await this.visibility.scopeFor(principal);
    await this.dataSource.transaction(async (manager) => {
      const invoice = await this.access.lockVisible(manager, scope, id);
      const eventType = apply(invoice);
      await this.invoices.save(invoice, manager);
      await this.outbox.append(manager, 'invoicing', [{ type: eventType, aggregateId: id, data: invoiceEventData(invoice) }]);
    });
    return this.toView((await this.invoices.findById(id)) as Invoice);
  }
}

export function invoiceEventData(invoice: Invoice): EventDataOf<'invoicing', 'invoice.issued'> {
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    clientId: invoice.clientId,
    contractId: invoice.contractId,
    currency: invoice.currency,
    total: invoice.total,
    balance: invoiceBalance(invoice),
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    status: invoice.status,
    disputed: invoice.disputed,
    kind: invoice.kind ?? 'standard',
    originalInvoiceId: invoice.originalInvoiceId ?? null,
  };
}

function exactInvoiceTotals(lines: LineInput[]): InvoiceTotals {
  try {
    return invoiceTotals(lines);
  } catch (error) {
    if (error instanceof AmountLimitExceededError) {
      throw DomainError.validation('The invoice amounts exceed the maximum amount', [{ path: error.path, message: error.message }]);
    }
    throw error;
  }
}
