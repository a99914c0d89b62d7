import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { canSeeManager, clientScopeCondition, Principal, VisibilityScope, VisibilityService } from '@ar/auth';
import { isUniqueViolation } from '@ar/database';
import { DomainError, ErrorCode } from '@ar/errors';
import { decodeIdCursor, Page, toPage } from '@ar/http';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { BusinessCalendar } from '@ar/time';
import { ContractsDirectory } from '../directory/contracts-directory';
import { InvoicingEvents } from '../invoicing-events';
import { InvoiceRepository, PayableInvoice } from '../invoices/invoice.repository';
import { allocatePayment, byDueDate } from './allocate-payment';
import { MANUAL_SOURCE, Payment } from './payment.entity';
import { NetAllocation, PaymentRepository } from './payment.repository';

export interface RecordPaymentCommand {
  clientId: string;
  amount: number;
  currency: string;
  receivedOn: string;
  reference?: string | null;
  invoiceId?: string | null;
  externalId?: string | null;
}

export interface PaymentView {
  payment: Payment;
  allocations: NetAllocation[];
}

/** Thrown when a payment with the same source and externalId already exists. */
export class DuplicatePaymentError extends DomainError {
  constructor(readonly externalId: string) {
    super(ErrorCode.Conflict, `A payment with externalId ${externalId} was already recorded`);
  }
}

@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payments: PaymentRepository,
    private readonly invoices: InvoiceRepository,
    private readonly directory: ContractsDirectory,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
  ) {}

  async recordManual(principal: Principal, command: RecordPaymentCommand): Promise<PaymentView> {
    const scope = await this.visibility.scopeFor(principal);
    return this.inTransaction((manager) => this.record(scope, command, MANUAL_SOURCE, manager), command.externalId);
  }

  /**
   * Records a payment and applies it: to the named invoice, else to the invoice whose number the
   * reference contains, else to the client's open invoices oldest due date first. The rest stays on
   * the client as unapplied credit. Runs inside the caller's transaction.
   */
  async record(scope: VisibilityScope, command: RecordPaymentCommand, sourceKey: string, manager: EntityManager): Promise<PaymentView> {
    const { client, invoices: targets } = await this.lockTargets(command, manager);
    if (!client || !canSeeManager(scope, client.accountManagerId)) throw DomainError.notFound('Client', command.clientId);
    const { allocations, unapplied } = allocatePayment(command.amount, command.receivedOn, [...targets].sort(byDueDate));

    const payment = Object.assign(new Payment(), {
      id: uuidv7(),
      clientId: command.clientId,
      amount: command.amount,
      currency: command.currency,
      receivedOn: command.receivedOn,
      reference: command.reference ?? null,
      externalId: command.externalId ?? null,
      sourceKey,
      invoiceId: command.invoiceId ?? null,
      status: 'applied' as const,
      unappliedAmount: unapplied,
      reversedOn: null,
    });
    const byId = new Map(targets.map((i) => [i.id, i]));
    const net = allocations.map((a) => ({ invoiceId: a.invoiceId, paid: a.paid, discounted: a.discounted }));
    const events: NewOutboxEvent[] = [{ type: InvoicingEvents.PaymentReceived, aggregateId: payment.id, data: paymentEventData(payment, net) }];
    for (const a of allocations) {
      const invoice = byId.get(a.invoiceId) as PayableInvoice;
      if (invoice.total - invoice.settled === a.paid + a.discounted) {
        events.push({
          type: InvoicingEvents.InvoicePaid,
          aggregateId: invoice.id,
          data: { invoiceId: invoice.id, number: invoice.number, clientId: invoice.clientId, currency: invoice.currency, total: invoice.total, paymentId: payment.id, discounted: a.discounted },
        });
      }
    }
    payment.createdAt = await this.payments.recordApplied(
      payment,
      allocations.flatMap((a) => [
        { paymentId: payment.id, invoiceId: a.invoiceId, kind: 'payment' as const, amount: a.paid, effectiveOn: payment.receivedOn },
        ...(a.discounted > 0
          ? [{ paymentId: payment.id, invoiceId: a.invoiceId, kind: 'discount' as const, amount: a.discounted, effectiveOn: payment.receivedOn }]
          : []),
      ]),
      allocations.map((a) => ({ invoiceId: a.invoiceId, paid: a.paid, discounted: a.discounted, credited: 0 })),
      manager,
      this.outbox.insertStatement('invoicing', events, 20),
    );
    return { payment, allocations: net };
  }

  async reverse(principal: Principal, id: string): Promise<PaymentView> {
    const scope = await this.visibility.scopeFor(principal);
    return this.inTransaction(async (manager) => {
      const payment = await this.payments.findByIdForUpdate(id, manager);
      if (!payment || !(await this.visibility.canSeeClient(scope, payment.clientId, manager))) throw DomainError.notFound('Payment', id);
      return this.reverseLocked(payment, manager);
    });
  }

  /** Reverses a payment identified by its source, for `payment.reversed` webhooks. Null when unknown. */
  async reverseBySource(sourceKey: string, externalId: string, manager: EntityManager): Promise<{ payment: Payment; alreadyReversed: boolean } | null> {
    const payment = await this.payments.findBySourceForUpdate(sourceKey, externalId, manager);
    if (!payment) return null;
    if (payment.status === 'reversed') return { payment, alreadyReversed: true };
    return { payment: (await this.reverseLocked(payment, manager)).payment, alreadyReversed: false };
  }

  async get(principal: Principal, id: string): Promise<PaymentView> {
    const payment = await this.payments.findById(id);
    const scope = await this.visibility.scopeFor(principal);
    if (!payment || !(await this.visibility.canSeeClient(scope, payment.clientId))) throw DomainError.notFound('Payment', id);
    return { payment, allocations: await this.payments.netAllocations(id) };
  }

  async list(principal: Principal, clientId: string | undefined, limit: number, cursor?: string): Promise<Page<PaymentView>> {
    const scope = await this.visibility.scopeFor(principal);
    const rows = await this.payments.list(clientScopeCondition(scope, 'client_id', '$1::uuid[]'), clientId, decodeIdCursor(cursor), limit + 1);
    const allocations = await this.payments.netAllocationsFor(rows.slice(0, limit).map((p) => p.id));
    return toPage(rows, limit, (p) => [p.id], (p) => ({ payment: p, allocations: allocations.get(p.id) ?? [] }));
  }

  private async reverseLocked(payment: Payment, manager: EntityManager): Promise<PaymentView> {
    if (payment.status === 'reversed') throw new DomainError(ErrorCode.InvalidTransition, 'The payment is already reversed');
    const today = this.calendar.today();
    const net = await this.payments.netAllocations(payment.id, manager);
    await this.invoices.lockByIds(net.map((a) => a.invoiceId), manager);
    await this.payments.appendAllocations(
      net.flatMap((a) => [
        ...(a.paid !== 0 ? [{ paymentId: payment.id, invoiceId: a.invoiceId, kind: 'payment' as const, amount: -a.paid, effectiveOn: today }] : []),
        ...(a.discounted !== 0 ? [{ paymentId: payment.id, invoiceId: a.invoiceId, kind: 'discount' as const, amount: -a.discounted, effectiveOn: today }] : []),
      ]),
      manager,
    );
    await this.invoices.applySettlements(
      net.map((a) => ({ invoiceId: a.invoiceId, paid: -a.paid, discounted: -a.discounted, credited: 0 })),
      today,
      manager,
    );
    payment.status = 'reversed';
    payment.reversedOn = today;
    await this.payments.save(payment, manager);
    await this.outbox.append(manager, 'invoicing', [
      { type: InvoicingEvents.PaymentReversed, aggregateId: payment.id, data: { ...paymentEventData(payment, net), reversedOn: today } },
      ...net.map((a) => ({ type: InvoicingEvents.InvoiceReopened, aggregateId: a.invoiceId, data: { invoiceId: a.invoiceId, paymentId: payment.id } })),
    ]);
    return { payment, allocations: [] };
  }

  private async lockTargets(command: RecordPaymentCommand, manager: EntityManager): ReturnType<InvoiceRepository['lockPayable']> {
    const { clientId, currency } = command;
    if (command.invoiceId) {
      const named = await this.invoices.lockPayable(clientId, { invoiceId: command.invoiceId }, manager);
      const [invoice] = named.invoices;
      // An unknown client is reported as such (404) before anything about the invoice.
      if (named.client === null) return named;
      if (!invoice || invoice.clientId !== clientId) {
        throw DomainError.businessRule(`Invoice ${command.invoiceId} does not belong to client ${clientId}`);
      }
      if (invoice.currency !== currency) {
        throw DomainError.businessRule(`The payment is in ${currency} but invoice ${invoice.number} is in ${invoice.currency}`);
      }
      if (invoice.status === 'void' || invoice.status === 'written_off') {
        throw DomainError.businessRule(`Invoice ${invoice.number} is ${invoice.status} and cannot take payments`);
      }
      return named;
    }
    if (command.reference) {
      const quoted = await this.invoices.lockPayable(clientId, { currency, reference: command.reference }, manager);
      if (quoted.client === null || quoted.invoices.length > 0) return quoted;
    }
    return this.invoices.lockPayable(clientId, { currency }, manager);
  }

  private async inTransaction<T>(work: (manager: EntityManager) => Promise<T>, externalId?: string | null): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'payments_source_external_id_key')) throw new DuplicatePaymentError(externalId ?? '');
      throw error;
    }
  }
}

export function paymentEventData(payment: Payment, allocations: NetAllocation[]): Record<string, unknown> {
  return {
    paymentId: payment.id,
    clientId: payment.clientId,
    amount: payment.amount,
    currency: payment.currency,
    receivedOn: payment.receivedOn,
    reference: payment.reference,
    externalId: payment.externalId,
    unappliedAmount: payment.unappliedAmount,
    allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.paid })),
  };
}
