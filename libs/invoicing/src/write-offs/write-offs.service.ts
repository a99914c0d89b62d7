import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { mayAdjustReceivables, Principal, VisibilityService } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { OutboxWriter } from '@ar/outbox';
import { BusinessCalendar } from '@ar/time';
import { assertCreditable } from '../credit-notes/credit-notes.service';
import { CreditNote } from '../credit-notes/credit-note.entity';
import { InvoicingEvents } from '../invoicing-events';
import { Invoice, invoiceBalance } from '../invoices/invoice.entity';
import { InvoiceAccess } from '../invoices/invoice-access';
import { InvoiceRepository } from '../invoices/invoice.repository';

export interface WriteOffCommand {
  /** Default: everything still owed. */
  amount?: number;
  reason: string;
}

/**
 * Writing off what cannot be collected (finance and admin): the remainder or part of it leaves the receivable
 * through the same ledger as a credit note, dated today; an invoice with nothing left is `written_off`. Announced
 * (`invoice.written_off`) and recorded with who did it and why.
 */
@Injectable()
export class WriteOffsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoiceRepository,
    private readonly access: InvoiceAccess,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
  ) {}

  async writeOff(principal: Principal, invoiceId: string, command: WriteOffCommand): Promise<{ invoice: Invoice; writeOff: CreditNote }> {
    const id = await this.dataSource.transaction(async (manager) => this.writeOffIn(manager, principal, invoiceId, command));
    return { invoice: (await this.invoices.findById(invoiceId)) as Invoice, writeOff: (await this.dataSource.manager.findOneBy(CreditNote, { id })) as CreditNote };
  }

  /** `writeOff` inside the caller's transaction (a dispute case resolved by write-off); returns the write-off's id. */
  async writeOffIn(manager: EntityManager, principal: Principal, invoiceId: string, command: WriteOffCommand): Promise<string> {
    const invoice = await this.access.lockVisible(manager, await this.visibility.scopeFor(principal), invoiceId);
    if (!mayAdjustReceivables(principal.role)) throw DomainError.forbidden('Write-offs are booked by finance or an admin');
    assertCreditable(invoice, 0);
    const balance = invoiceBalance(invoice);
    if (balance <= 0) throw DomainError.conflict('The invoice owes nothing; there is nothing to write off');
    const amount = command.amount ?? balance;
    assertCreditable(invoice, amount);
    const today = this.calendar.today();
    const entry = Object.assign(new CreditNote(), {
      id: uuidv7(), invoiceId, clientId: invoice.clientId, amount, currency: invoice.currency, reason: command.reason,
      kind: 'write_off' as const, createdBy: principal.userId, issuedOn: today,
    });
    await manager.insert(CreditNote, entry);
    await this.invoices.applySettlements([{ invoiceId, paid: 0, discounted: 0, credited: amount }], today, manager);
    await this.invoices.recordWriteOff(invoiceId, amount, manager);
    await this.outbox.append(manager, 'invoicing', [
      {
        type: InvoicingEvents.InvoiceWrittenOff,
        aggregateId: invoiceId,
        data: {
          writeOffId: entry.id, invoiceId, clientId: invoice.clientId, number: invoice.number, amount, currency: invoice.currency,
          balance: balance - amount, reason: command.reason, writtenOffBy: principal.userId,
        },
      },
    ]);
    return entry.id;
  }
}
