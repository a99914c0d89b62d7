import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@ar/config';
import { OutboxWriter } from '@ar/outbox';
import { BusinessCalendar } from '@ar/time';
import { TaskRepository } from '../tasks/task.repository';
import { CREDIT_REVIEW_PRIORITY, firstInvoiceNeedsReview } from './credit-review';
import { taskCreatedEvent } from '../tasks/task-created-event';

/**
 * Credit reviews a new client's first large invoice asks for (from `invoice.issued`); the other cue, exposure
 * crossing 90 % of the limit, is the solvency assessor's. Idempotent: one review per invoice.
 */
@Injectable()
export class CreditReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
    private readonly config: AppConfig,
  ) {}

  async reviewFirstInvoice(invoice: { invoiceId: string; clientId: string; number: string; total: number; currency: string }): Promise<boolean> {
    if (!this.config.creditReviewFirstInvoice.has(invoice.currency)) return false;
    return this.dataSource.transaction(async (manager) => {
      const [history]: { invoices: string; payments: string; reviewed: boolean }[] = await manager.query(
        `SELECT (SELECT count(*) FROM invoicing.receivables_v1 WHERE client_id = $1) AS invoices,
                (SELECT count(*) FROM invoicing.payments_v1 WHERE client_id = $1) AS payments,
                EXISTS (SELECT 1 FROM collections.tasks WHERE client_id = $1 AND type = 'credit_review' AND $2::uuid = ANY(invoice_ids)) AS reviewed`,
        [invoice.clientId, invoice.invoiceId],
      );
      const facts = { invoices: Number(history.invoices), payments: Number(history.payments), total: invoice.total, currency: invoice.currency };
      if (history.reviewed || !firstInvoiceNeedsReview(facts, this.config.creditReviewFirstInvoice)) return false;
      const today = this.calendar.today();
      const assignees = await this.tasks.assignees([invoice.clientId], today, manager);
      const task = {
        id: uuidv7(), clientId: invoice.clientId, assigneeId: assignees.get(invoice.clientId) ?? null, type: 'credit_review' as const, level: 0,
        invoiceIds: [invoice.invoiceId], amount: invoice.total, currency: invoice.currency, priority: CREDIT_REVIEW_PRIORITY,
        note: `First invoice ${invoice.number} of a client without payment history: check its credit before it is due`,
      };
      const inserted = await this.tasks.insertOpen([task], today, manager);
      if (!inserted.has(task.id)) return false;
      await this.outbox.append(manager, 'collections', [taskCreatedEvent(task, today)]);
      return true;
    });
  }
}
