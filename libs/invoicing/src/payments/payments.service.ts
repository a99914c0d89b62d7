import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { canSeeManager, clientScopeCondition, Principal, VisibilityScope, VisibilityService } from '@ar/auth';
import { EmbeddedStatement, isUniqueViolation, SqlParams } from '@ar/database';
import { DomainError, ErrorCode } from '@ar/errors';
import { decodeIdCursor, Page, toPage } from '@ar/pagination';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { BusinessCalendar } from '@ar/time';
import { ContractsDirectory } from '../directory/contracts-directory';
import { InvoicingEvents } from '../invoicing-events';
import { InvoiceRepository, PayableCandidates, PayableInvoice, PayableRequest, SettlementChange } from '../invoices/invoice.repository';
import { allocatePayment } from './allocate-payment';
import { PaymentAllocation } from './payment-allocation.entity';
import { quotedCreditorReferences } from '../letters/creditor-reference';
import { LetterRepository } from '../letters/letter.repository';
import { selectPaymentTargets } from './payment-targets';
import { MANUAL_SOURCE, Payment } from './payment.entity';
import { NetAllocation, PaymentListFilters, PaymentRepository } from './payment.repository';
import type { EventDataOf } from '@ar/events';

export interface RecordPaymentCommand {
  clientId: string;
  amount: number;
  currency: string;
  receivedOn: string;
  reference?: string | null;
  invoiceId?: string | null;
  externalId?: string | null;
  /** Settle these of the client's invoices, oldest due first (finance applying a bank entry by hand). */
  invoiceIds?: string[] | null;
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
    private readonly letters: LetterRepository,
  ) {}

  async recordManual(principal: Principal, command: RecordPaymentCommand): Promise<PaymentView> {
    const scope = await this.visibility.scopeFor(principal);
    return this.inTransaction((manager) => this.record(scope, command, MANUAL_SOURCE, manager), command.externalId);
  }

  /**
   * Records up to a thousand payments (each with its externalId) in one transaction through the same rules as
   * single ones; each gets its own outcome: the payment, a DuplicatePaymentError when its externalId was recorded
   * before (so a repeated batch applies nothing twice), or the problem that refused it. If another request records
   * one of them meanwhile, the batch is decided again.
   */
  async recordBatch(principal: Principal, commands: RecordPaymentCommand[]): Promise<(PaymentView | DomainError)[]> {
    const scope = await this.visibility.scopeFor(principal);
    const items = commands.map((command) => ({ command, sourceKey: MANUAL_SOURCE }));
    try {
      return await this.inTransaction((manager) => this.recordMany(scope, items, manager));
    } catch (error) {
      if (!(error instanceof DuplicatePaymentError)) throw error;
      return this.inTransaction((manager) => this.recordMany(scope, items, manager));
    }
  }

  /**
   * Records a payment and applies it: to the named invoice, else to the invoice whose number the
   * reference contains, else to the client's open invoices oldest due date first. The rest stays on
   * the client as unapplied credit. Runs inside the caller's transaction.
   */
  async record(scope: VisibilityScope, command: RecordPaymentCommand, sourceKey: string, manager: EntityManager): Promise<PaymentView> {
    const [result] = await this.recordMany(scope, [{ command, sourceKey }], manager);
    if (result instanceof DomainError) throw result;
    return result;
  }

  /**
   * Records several payments in one transaction with a fixed number of round trips: one statement locks
   * every payment's candidate invoices, allocation runs in memory in the given order (a later payment
   * sees what an earlier one settled), and one statement writes payments, ledger, invoices and events.
   * A payment the rules refuse (unknown client, unpayable named invoice, an externalId recorded before
   * or earlier in the batch) gets its error in its slot and writes nothing; the others are unaffected.
   */
  async recordMany(scope: VisibilityScope, items: PaymentToRecord[], manager: EntityManager): Promise<(PaymentView | DomainError)[]> {
    const letterInvoices = await this.letterInvoices(items, manager);
    const batch = this.planBatch(scope, items, await this.invoices.lockPayable(payableRequests(items), manager), letterInvoices);
    if (batch.plans.length > 0) await this.write(batch, manager, []);
    return batch.results;
  }

  /**
   * `recordMany` in two round trips and no explicit transaction, for the hot path: candidates are read
   * without locks, and one statement writes everything, together with the statements `also` derives from
   * the outcomes; when there is nothing to write at all, there is no second round trip. If any invoice
   * it settles changed since the read, it applies nothing and throws serialization_failure (40001); if a
   * payment was recorded meanwhile, a unique violation. Either way the caller decides again under locks
   * with `recordMany`.
   */
  async recordManyUnlocked(
    scope: VisibilityScope,
    items: PaymentToRecord[],
    also: (results: (PaymentView | DomainError)[]) => EmbeddedStatement[],
  ): Promise<(PaymentView | DomainError)[]> {
    const batch = this.planBatch(scope, items, await this.invoices.readPayable(payableRequests(items)), await this.letterInvoices(items));
    const alsoStatements = also(batch.results);
    if (batch.plans.length > 0 || alsoStatements.length > 0) await this.write(batch, this.dataSource.manager, alsoStatements);
    return batch.results;
  }

  /** Allocates each payment in order against the invoices found for it; one object per invoice for the whole batch. */
  /**
   * For each payment quoting a letter's RF creditor reference, that letter's invoices (when the letter is the
   * payer's client's). No query at all when no payment quotes one, as on the webhook hot path.
   */
  private async letterInvoices(items: PaymentToRecord[], manager?: EntityManager): Promise<(string[] | null)[]> {
    const quoted = items.map(({ command }) => (command.reference ? quotedCreditorReferences(command.reference) : []));
    if (quoted.every((q) => q.length === 0)) return items.map(() => null);
    const letters = await this.letters.invoicesByReference([...new Set(quoted.flat())], manager);
    return items.map(({ command }, index) => {
      const letter = quoted[index].map((reference) => letters.get(reference)).find((l) => l?.clientId === command.clientId);
      return letter?.invoiceIds ?? null;
    });
  }

  private planBatch(scope: VisibilityScope, items: PaymentToRecord[], candidates: PayableCandidates[], letterInvoices: (string[] | null)[]): BatchPlan {
    const invoices = new Map<string, PayableInvoice>();
    const asRead = new Map<string, InvoiceAsRead>();
    const externalIds = new Set<string>();
    const plans: PaymentPlan[] = [];
    const today = this.calendar.today();
    const results = items.map(({ command, sourceKey }, index): PaymentView | DomainError => {
      const { client, invoices: found, alreadyRecorded } = candidates[index];
      if (!client || !canSeeManager(scope, client.accountManagerId)) return DomainError.notFound('Client', command.clientId);
      // Money not yet received cannot settle anything; a future date would also skew interest and aging.
      if (command.receivedOn > today) return DomainError.businessRule(`receivedOn ${command.receivedOn} is after today (${today})`);
      if (command.externalId) {
        const key = `${sourceKey} ${command.externalId}`;
        if (alreadyRecorded || externalIds.has(key)) return new DuplicatePaymentError(command.externalId);
        externalIds.add(key);
      }
      const shared = found.map((invoice) => {
        if (!invoices.has(invoice.id)) {
          invoices.set(invoice.id, invoice);
          asRead.set(invoice.id, { settled: invoice.settled, status: invoice.status });
        }
        return invoices.get(invoice.id) as PayableInvoice;
      });
      let targets: PayableInvoice[];
      try {
        targets = selectPaymentTargets({ ...command, letterInvoiceIds: command.invoiceIds?.length ? command.invoiceIds : letterInvoices[index] }, shared);
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
      const plan = planPayment(command, sourceKey, targets);
      for (const a of plan.allocations) (invoices.get(a.invoiceId) as PayableInvoice).settled += a.paid + a.discounted;
      plans.push(plan);
      return { payment: plan.payment, allocations: plan.allocations };
    });
    return { results, plans, asRead };
  }

  private async write(batch: BatchPlan, manager: EntityManager, also: EmbeddedStatement[]): Promise<void> {
    const { plans } = batch;
    const events = plans.flatMap((p) => p.events);
    const createdAt = await this.payments.recordApplied(
      plans.map((p) => p.payment),
      plans.flatMap((p) => p.ledger),
      settlementsOf(batch),
      manager,
      [...(events.length > 0 ? [(params: SqlParams) => this.outbox.insertStatement('invoicing', events, params).sql] : []), ...also],
    );
    for (const { payment } of plans) payment.createdAt = createdAt.get(payment.id) as Date;
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

  async list(principal: Principal, filters: PaymentListFilters, limit: number, cursor?: string): Promise<Page<PaymentView>> {
    const scope = await this.visibility.scopeFor(principal);
    const rows = await this.payments.list(clientScopeCondition(scope, 'client_id', '$1::uuid[]'), filters, decodeIdCursor(cursor), limit + 1);
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

  private async inTransaction<T>(work: (manager: EntityManager) => Promise<T>, externalId?: string | null): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'payments_source_external_id_key')) throw new DuplicatePaymentError(externalId ?? '');
      throw error;
    }
  }
}

export interface PaymentToRecord {
  command: RecordPaymentCommand;
  sourceKey: string;
}

interface PaymentPlan {
  payment: Payment;
  allocations: NetAllocation[];
  ledger: Omit<PaymentAllocation, 'id' | 'createdAt'>[];
  events: NewOutboxEvent<'invoicing'>[];
}

/** The plans of a batch, and each invoice they allocate to as it was before the batch. */
interface BatchPlan {
  results: (PaymentView | DomainError)[];
  plans: PaymentPlan[];
  asRead: Map<string, InvoiceAsRead>;
}

type InvoiceAsRead = NonNullable<SettlementChange['asRead']>;

function payableRequests(items: PaymentToRecord[]): PayableRequest[] {
  return items.map(({ command, sourceKey }) => ({ ...command, sourceKey }));
}

/** The payment, its ledger rows and its events for the chosen invoices (in allocation order). */
function planPayment(command: RecordPaymentCommand, sourceKey: string, targets: PayableInvoice[]): PaymentPlan {
  const { allocations, unapplied } = allocatePayment(command.amount, command.receivedOn, targets);
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
  const events: NewOutboxEvent<'invoicing'>[] = [{ type: InvoicingEvents.PaymentReceived, aggregateId: payment.id, data: paymentEventData(payment, net) }];
  for (const a of allocations) {
    const invoice = byId.get(a.invoiceId) as PayableInvoice;
    if (invoice.total - invoice.settled === a.paid + a.discounted) {
      events.push({
        type: InvoicingEvents.InvoicePaid,
        aggregateId: invoice.id,
        data: { invoiceId: invoice.id, number: invoice.number, clientId: invoice.clientId, currency: invoice.currency, total: invoice.total, balance: 0, paymentId: payment.id, discounted: a.discounted },
      });
    }
  }
  const ledger = allocations.flatMap((a) => [
    { paymentId: payment.id, invoiceId: a.invoiceId, kind: 'payment' as const, amount: a.paid, effectiveOn: payment.receivedOn },
    ...(a.discounted > 0 ? [{ paymentId: payment.id, invoiceId: a.invoiceId, kind: 'discount' as const, amount: a.discounted, effectiveOn: payment.receivedOn }] : []),
  ]);
  return { payment, allocations: net, ledger, events };
}

/** One settlement change per invoice across the batch, dated by the payment that touched it last. */
function settlementsOf({ plans, asRead }: BatchPlan): SettlementChange[] {
  const byInvoice = new Map<string, SettlementChange>();
  for (const { payment, allocations } of plans) {
    for (const a of allocations) {
      const change = byInvoice.get(a.invoiceId) ?? { invoiceId: a.invoiceId, paid: 0, discounted: 0, credited: 0, asRead: asRead.get(a.invoiceId) };
      change.paid += a.paid;
      change.discounted += a.discounted;
      change.settledOn = payment.receivedOn;
      byInvoice.set(a.invoiceId, change);
    }
  }
  return [...byInvoice.values()];
}

export function paymentEventData(payment: Payment, allocations: NetAllocation[]): EventDataOf<'invoicing', 'payment.received'> {
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
