import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { ActivitiesService, CollectionsEvents, SentLetter, ContractRenewalTasksService, CreditReviewService, TasksService } from '@ar/collections';
import { ClientsService, CollectionsDecision, ContractsEvents } from '@ar/contracts';
import { isEventOf } from '@ar/events';
import { AppConfig } from '@ar/config';
import {
  BankImportService, CreditApplicationService, DisputeCasesService, DunningLetterRequest, InvoicingEvents, LetterDeliveryService, LetterProductionService, WebhookFanoutService,
} from '@ar/invoicing';
import { OutboxHandover } from '@ar/outbox';
import { JobNames, OutboxEventsJob, Queues } from '@ar/queues';

/**
 * Consumes every published event (at least once; every reaction is idempotent): lets each context react
 * to the others' decisions through its own services, in event order, and fans the batch out to webhook
 * subscribers.
 */
@Processor(Queues.Events, { concurrency: 8 })
export class EventsProcessor extends WorkerHost {
  static readonly handles = [JobNames.OutboxEvents] as const;

  private readonly logger = new Logger(EventsProcessor.name);

  constructor(
    private readonly fanout: WebhookFanoutService,
    private readonly clients: ClientsService,
    private readonly tasks: TasksService,
    private readonly handover: OutboxHandover,
    private readonly letterDelivery: LetterDeliveryService,
    private readonly letterProduction: LetterProductionService,
    private readonly bankImport: BankImportService,
    private readonly activities: ActivitiesService,
    private readonly credit: CreditApplicationService,
    private readonly config: AppConfig,
    private readonly creditReviews: CreditReviewService,
    private readonly disputes: DisputeCasesService,
    private readonly renewalTasks: ContractRenewalTasksService,
  ) {
    super();
  }

  async process(job: Job<OutboxEventsJob>): Promise<{ deliveries: number }> {
    if (job.name !== JobNames.OutboxEvents) throw new UnrecoverableError(`Unknown job ${job.name} on ${Queues.Events}`);
    const { events } = job.data;
    const letterRequests: DunningLetterRequest[] = [];
    const decisions: CollectionsDecision[] = [];
    const letterIds: string[] = [];
    const sentLetters: SentLetter[] = [];
    for (const event of events) {
      // The sweep's letters are produced in their own queue, a few at a time, not inside this batch.
      if (isEventOf(event, 'collections', CollectionsEvents.DunningLetterRequested)) {
        const { clientId, kind, level, invoiceIds, channel, payWithinDays } = event.data;
        letterRequests.push({ clientId, kind, level, invoiceIds, channel, payWithinDays });
      } else if (isEventOf(event, 'collections', CollectionsEvents.ClientBlocked)) {
        decisions.push({ clientId: event.data.clientId, blocked: true, source: event.data.source, riskClass: event.data.riskClass });
      } else if (isEventOf(event, 'collections', CollectionsEvents.ClientUnblocked)) {
        decisions.push({ clientId: event.data.clientId, blocked: false, riskClass: event.data.riskClass });
      } else if (isEventOf(event, 'collections', CollectionsEvents.ClientRiskChanged)) {
        decisions.push({ clientId: event.data.clientId, riskClass: event.data.riskClass });
      } else if (isEventOf(event, 'collections', CollectionsEvents.TaskCompleted) && event.data.outcome === 'dispute') {
        await this.disputes.openBySystem(event.data.invoiceIds, event.data.note ?? 'Disputed during a collections call', event.data.completedBy);
      }
      // Open tasks follow a client to its new manager at once, not only at the next sweep.
      else if (event.type === ContractsEvents.ClientManagerChanged) await this.tasks.reassignOpenTasks(event.aggregateId);
      // A contract coming to its end is the client's manager's to see to.
      else if (isEventOf(event, 'contracts', ContractsEvents.ContractRenewalDue)) await this.renewalTasks.open(event.data);
      // A letter committed as queued is handed to the sending queue from here, so none is lost between commit and enqueue.
      else if (isEventOf(event, 'invoicing', InvoicingEvents.LetterQueued)) letterIds.push(event.data.letterId);
      // An imported bank statement's entries are matched and applied here, by the worker.
      else if (isEventOf(event, 'invoicing', InvoicingEvents.BankStatementReceived)) await this.bankImport.process(event.data.statementId);
      // A new client's first large invoice asks for a credit review. With AUTO_APPLY_CREDIT, credit left by an
      // overpayment meets the client's open invoices as soon as both exist.
      else if (isEventOf(event, 'invoicing', InvoicingEvents.InvoiceIssued)) {
        await this.creditReviews.reviewFirstInvoice(event.data);
        if (this.config.autoApplyCredit) await this.credit.applyAutomatically(event.data.clientId, event.data.currency);
      } else if (this.config.autoApplyCredit && isEventOf(event, 'invoicing', InvoicingEvents.PaymentReceived) && event.data.unappliedAmount > 0) {
        await this.credit.applyAutomatically(event.data.clientId, event.data.currency);
      }
      // A dispute case closes by itself once its invoice is paid.
      else if (isEventOf(event, 'invoicing', InvoicingEvents.InvoicePaid)) await this.disputes.closePaid(event.data.invoiceId);
      // What reaches the debtor, and its disputes, go into the client's contact history.
      else if (isEventOf(event, 'invoicing', InvoicingEvents.LetterSent)) sentLetters.push(event.data);
      else if (isEventOf(event, 'invoicing', InvoicingEvents.InvoiceDisputed)) await this.activities.invoiceDispute(event.id, event.occurredAt, event.data, false);
      else if (isEventOf(event, 'invoicing', InvoicingEvents.InvoiceDisputeResolved)) await this.activities.invoiceDispute(event.id, event.occurredAt, event.data, true);
    }
    // A sweep blocks and re-rates thousands of clients: the batch's decisions are written together, in event order.
    await this.clients.applyCollectionsDecisions(decisions);
    await this.letterProduction.enqueue(letterRequests);
    await this.letterDelivery.enqueueAll(letterIds);
    await this.activities.lettersSent(sentLetters);
    const deliveries = await this.fanout.fanOut(events);
    // Only now, with reactions applied and delivery rows written, do the events count as handed over.
    await this.handover.handedOver(events);
    if (deliveries > 0) this.logger.debug({ events: events.length, deliveries }, 'Events fanned out');
    return { deliveries };
  }

}
