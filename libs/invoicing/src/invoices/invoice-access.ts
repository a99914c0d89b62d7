import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal, VisibilityScope, VisibilityService } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { Invoice } from './invoice.entity';
import { InvoiceRepository } from './invoice.repository';

/** Loads an invoice for a caller: 404 when it does not exist or its client is not visible to them, so existence never leaks. */
@Injectable()
export class InvoiceAccess {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly visibility: VisibilityService,
  ) {}

  /** The invoice with its lines. */
  async visible(principal: Principal, id: string): Promise<Invoice> {
    const invoice = await this.invoices.findById(id);
    if (!invoice || !(await this.visibility.principalCanSeeClient(principal, invoice.clientId))) {
      throw DomainError.notFound('Invoice', id);
    }
    return invoice;
  }

  /** The invoice locked for an update in the caller's transaction. */
  async lockVisible(manager: EntityManager, scope: VisibilityScope, id: string): Promise<Invoice> {
    const invoice = await this.invoices.findByIdForUpdate(id, manager);
    if (!invoice || !(await this.visibility.canSeeClient(scope, invoice.clientId, manager))) throw DomainError.notFound('Invoice', id);
    return invoice;
  }
}
