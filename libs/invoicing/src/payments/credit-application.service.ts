import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { mayAdjustReceivables, Principal, VisibilityService } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { BusinessCalendar, CalendarDate } from '@ar/time';
import { InvoicingEvents } from '../invoicing-events';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { allocatePayment } from './allocate-payment';
import { CreditApplicationRepository, CreditSource, CreditTarget } from './credit-application.repository';
import { PaymentRepository } from './payment.repository';

export interface CreditApplied {
  paymentId: string;
  invoiceId: string;
  amount: number;
}

export interface ApplyCreditResult {
  clientId: string;
  applied: { currency: string; amount: number }[];
  allocations: CreditApplied[];
}

/**
 * Applies a client's unapplied credit (what overpayments left) to its open invoices, oldest payment to oldest
 * due date first, dated today: by hand (finance, admin) or, with AUTO_APPLY_CREDIT, whenever the client gets a new
 * invoice or a payment leaves credit.
 */
@Injectable()
export class CreditApplicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CreditApplicationRepository,
    private readonly payments: PaymentRepository,
    private readonly invoices: InvoiceRepository,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
  ) {}

  async apply(principal: Principal, clientId: string, options: { currency?: string; invoiceIds?: string[] }): Promise<ApplyCreditResult> {
    if (!(await this.visibility.principalCanSeeClient(principal, clientId))) throw DomainError.notFound('Client', clientId);
    if (!mayAdjustReceivables(principal.role)) throw DomainError.forbidden('Credit is applied by finance or an admin');
    return this.dataSource.transaction(async (manager) => {
      const result = await this.applyIn(manager, clientId, options.currency ?? null, options.invoiceIds ?? null);
      if (options.invoiceIds && result.allocations.length === 0) throw DomainError.businessRule('None of these invoices is open in a currency the client has credit in');
      return result;
    });
  }

  /** What the system applies by itself; nothing when there is no credit or nothing open. */
  applyAutomatically(clientId: string, currency: string): Promise<ApplyCreditResult> {
    return this.dataSource.transaction((manager) => this.applyIn(manager, clientId, currency, null));
  }

  private async applyIn(manager: EntityManager, clientId: string, currency: string | null, invoiceIds: string[] | null): Promise<ApplyCreditResult> {
    const credit = await this.repository.lockCredit(manager, clientId, currency);
    if (credit.length === 0) return { clientId, applied: [], allocations: [] };
    if (invoiceIds) await this.assertClientsInvoices(manager, clientId, invoiceIds);
    const targets = await this.repository.lockTargets(manager, clientId, [...new Set(credit.map((c) => c.currency))], invoiceIds);
    const today = this.calendar.today();
    const allocations = spreadCredit(credit, targets, today);
    if (allocations.length === 0) return { clientId, applied: [], allocations: [] };

    await this.payments.appendAllocations(allocations.map((a) => ({ paymentId: a.paymentId, invoiceId: a.invoiceId, kind: 'payment' as const, amount: a.amount, effectiveOn: today })), manager);
    const perInvoice = sumBy(allocations, (a) => a.invoiceId);
    await this.invoices.applySettlements([...perInvoice].map(([invoiceId, paid]) => ({ invoiceId, paid, discounted: 0, credited: 0 })), today, manager);
    await this.repository.useCredit(manager, [...sumBy(allocations, (a) => a.paymentId)].map(([paymentId, amount]) => ({ paymentId, amount })));

    const byId = new Map(targets.map((t) => [t.id, t]));
    const applied = [...sumBy(allocations, (a) => byId.get(a.invoiceId)?.currency as string)].map(([cur, amount]) => ({ currency: cur, amount }));
    const events: NewOutboxEvent<'invoicing'>[] = applied.map(({ currency: cur, amount }) => ({
      type: InvoicingEvents.CreditApplied,
      aggregateId: clientId,
      data: { clientId, currency: cur, amount, appliedOn: today, allocations: allocations.filter((a) => byId.get(a.invoiceId)?.currency === cur) },
    }));
    for (const [invoiceId, paid] of perInvoice) {
      const invoice = byId.get(invoiceId) as CreditTarget;
      if (invoice.total - invoice.settled === paid) {
        events.push({
          type: InvoicingEvents.InvoicePaid,
          aggregateId: invoiceId,
          data: { invoiceId, number: invoice.number, clientId, currency: invoice.currency, total: invoice.total, balance: 0, paymentId: lastPaymentFor(allocations, invoiceId), discounted: 0 },
        });
      }
    }
    await this.outbox.append(manager, 'invoicing', events);
    return { clientId, applied, allocations };
  }

  private async assertClientsInvoices(manager: EntityManager, clientId: string, invoiceIds: string[]): Promise<void> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM invoicing.invoices WHERE client_id = $1 AND id = ANY($2::uuid[])`, [clientId, invoiceIds]);
    const found = new Set(rows.map((r) => r.id));
    const missing = invoiceIds.filter((id) => !found.has(id));
    if (missing.length > 0) throw DomainError.businessRule(`Not invoices of this client: ${missing.join(', ')}`);
  }
}

/** Each payment's credit, oldest first, over the invoices of its currency, oldest due date first. */
export function spreadCredit(credit: CreditSource[], targets: CreditTarget[], on: CalendarDate): CreditApplied[] {
  const settled = new Map(targets.map((t) => [t.id, t.settled]));
  const result: CreditApplied[] = [];
  for (const source of credit) {
    const open = targets.filter((t) => t.currency === source.currency).map((t) => ({ ...t, settled: settled.get(t.id) as number }));
    const { allocations } = allocatePayment(source.unapplied, on, open);
    for (const a of allocations) {
      result.push({ paymentId: source.paymentId, invoiceId: a.invoiceId, amount: a.paid });
      settled.set(a.invoiceId, (settled.get(a.invoiceId) as number) + a.paid);
    }
  }
  return result;
}

function sumBy<T extends { amount: number }>(items: T[], key: (item: T) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + item.amount);
  return sums;
}

function lastPaymentFor(allocations: CreditApplied[], invoiceId: string): string {
  return allocations.filter((a) => a.invoiceId === invoiceId).at(-1)?.paymentId as string;
}
