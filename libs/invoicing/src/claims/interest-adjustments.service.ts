import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Principal, VisibilityService } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { OutboxWriter } from '@ar/outbox';
import { addDays, BusinessCalendar } from '@ar/time';
import { ContractsDirectory } from '../directory/contracts-directory';
import { InvoicingEvents } from '../invoicing-events';
import { InvoiceLine } from '../invoices/invoice-line.entity';
import { Invoice } from '../invoices/invoice.entity';
import { InvoiceAccess } from '../invoices/invoice-access';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { invoiceEventData } from '../invoices/invoices.service';
import { InterestAdjustment, InterestAdjustmentKind } from './interest-adjustment.entity';
import { InvoiceClaim, InvoiceClaimsService } from './invoice-claims.service';

/**
 * Turns late interest into money or forgives it. Charging issues an interest invoice for the interest and
 * fees still open up to today (never the same days twice: what earlier charges claimed is deducted); waiving
 * forgives them and stops further accrual. Each is recorded (who, when, why) and announced.
 */
@Injectable()
export class InterestAdjustmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoiceRepository,
    private readonly access: InvoiceAccess,
    private readonly claims: InvoiceClaimsService,
    private readonly contracts: ContractsDirectory,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** Forgives the interest and fees open up to today and ends accrual; returns the claim as of today. */
  async waive(principal: Principal, invoiceId: string, reason: string): Promise<InvoiceClaim> {
    const today = this.calendar.today();
    await this.dataSource.transaction(async (manager) => {
      const { invoice, claim } = await this.lockWithClaim(principal, invoiceId, manager);
      await this.record(manager, invoice, 'waive', claim, principal, reason, null);
    });
    return this.claims.invoiceClaim(principal, invoiceId, today);
  }

  /** Issues an interest invoice for the interest and fees open up to today; returns it. */
  async charge(principal: Principal, invoiceId: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const { invoice, claim } = await this.lockWithClaim(principal, invoiceId, manager);
      const amount = claim.openInterest + claim.openFees;
      if (amount === 0) throw DomainError.businessRule(`Invoice ${invoice.number} has no open late interest or fees to charge as of ${claim.asOf}`);
      const interestInvoice = await this.issueInterestInvoice(manager, invoice, claim, amount);
      await this.record(manager, invoice, 'charge', claim, principal, null, interestInvoice.id);
      return interestInvoice.id;
    });
  }

  /** Locks the invoice (charges and waivers of one invoice run one at a time) and computes its claim as of today. */
  private async lockWithClaim(principal: Principal, invoiceId: string, manager: EntityManager): Promise<{ invoice: Invoice; claim: InvoiceClaim }> {
    const invoice = await this.access.lockVisible(manager, await this.visibility.scopeFor(principal), invoiceId);
    if (invoice.kind === 'interest') throw DomainError.businessRule('An interest invoice bears no interest of its own');
    const waived = await manager.count(InterestAdjustment, { where: { invoiceId, kind: 'waive' } });
    if (waived > 0) throw new DomainError(ErrorCode.InvalidTransition, `The late interest of invoice ${invoice.number} was waived`);
    const [claim] = await this.claims.claims([invoice], this.calendar.today());
    return { invoice, claim };
  }

  private async issueInterestInvoice(manager: EntityManager, original: Invoice, claim: InvoiceClaim, amount: number): Promise<Invoice> {
    const terms = (await this.contracts.contractTerms([original.contractId], manager)).get(original.contractId);
    const today = claim.asOf;
    const id = uuidv7();
    const invoice = Object.assign(new Invoice(), {
      id,
      number: await this.invoices.nextNumber(Number(today.slice(0, 4)), manager),
      clientId: original.clientId,
      contractId: original.contractId,
      currency: original.currency,
      issueDate: today,
      dueDate: addDays(today, terms?.paymentTermDays ?? 14),
      subtotal: amount,
      taxTotal: 0,
      total: amount,
      amountPaid: 0,
      amountCredited: 0,
      amountDiscounted: 0,
      status: 'open' as const,
      settledOn: null,
      disputed: false,
      disputeReason: null,
      externalId: null,
      kind: 'interest' as const,
      originalInvoiceId: original.id,
    });
    const line = (position: number, description: string, value: number) =>
      Object.assign(new InvoiceLine(), { invoiceId: id, position, description, quantity: 1, unitPrice: value, taxRatePercent: 0, netAmount: value, taxAmount: 0 });
    const lines = [
      ...(claim.openInterest > 0 ? [line(1, `Late interest on invoice ${original.number} up to ${today}`, claim.openInterest)] : []),
      ...(claim.openFees > 0 ? [line(claim.openInterest > 0 ? 2 : 1, `Late payment fees on invoice ${original.number}`, claim.openFees)] : []),
    ];
    await this.invoices.insertWithLines(invoice, lines, manager);
    await this.outbox.append(manager, 'invoicing', [{ type: InvoicingEvents.InvoiceIssued, aggregateId: id, data: invoiceEventData(invoice) }]);
    return invoice;
  }

  private async record(
    manager: EntityManager,
    invoice: Invoice,
    kind: InterestAdjustmentKind,
    claim: InvoiceClaim,
    principal: Principal,
    reason: string | null,
    interestInvoiceId: string | null,
  ): Promise<void> {
    const adjustment = {
      id: uuidv7(),
      invoiceId: invoice.id,
      kind,
      through: claim.asOf,
      interest: claim.openInterest,
      fees: claim.openFees,
      reason,
      actorId: principal.userId,
      interestInvoiceId,
    };
    await manager.insert(InterestAdjustment, adjustment);
    await this.outbox.append(manager, 'invoicing', [
      {
        type: kind === 'waive' ? InvoicingEvents.InterestWaived : InvoicingEvents.InterestCharged,
        aggregateId: invoice.id,
        data: {
          adjustmentId: adjustment.id,
          invoiceId: invoice.id,
          clientId: invoice.clientId,
          number: invoice.number,
          currency: invoice.currency,
          through: adjustment.through,
          interest: adjustment.interest,
          fees: adjustment.fees,
          reason,
          actorId: principal.userId,
          interestInvoiceId,
        },
      },
    ]);
  }
}
