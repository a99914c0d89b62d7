import { Module } from '@nestjs/common';
import { CollectionsDomainModule } from '@ar/collections';
import { ContractsDomainModule } from '@ar/contracts';
import { PlatformModule } from '@ar/http';
import { InvoicingDomainModule, WebhooksModule } from '@ar/invoicing';
import { OutboxRelayModule } from '@ar/outbox';
import { EventsProcessor } from './events/events.processor';
import { LetterProductionProcessor } from './letters/letter-production.processor';
import { LetterSendingProcessor } from './letters/letter-sending.processor';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { DunningPoliciesController } from './policies/dunning-policies.controller';
import { QueueBoard } from './queue-board/queue-board';
import { QueueSessionController } from './queue-board/queue-session.controller';
import { ReferenceRatesController } from './reference-rates/reference-rates.controller';
import { ScheduleKeeper } from './schedules/schedule-keeper';
import { SolvencyController } from './solvency/solvency.controller';
import { SweepsController } from './sweeps/sweeps.controller';
import { SweepsProcessor } from './sweeps/sweeps.processor';
import { TasksController } from './tasks/tasks.controller';
import { ActivitiesController } from './activities/activities.controller';
import { DunningHoldsController } from './holds/dunning-holds.controller';
import { PromisesController } from './promises/promises.controller';
import { InstalmentPlansController } from './instalments/instalment-plans.controller';
import { WebhookDeliveryProcessor } from './webhooks/webhook-delivery.processor';
import { WorkerSelfCheck } from './worker-self-check';

/**
 * The collections service: its HTTP API and the background workers — sweeps, event reactions and
 * fan-out, webhook delivery, letters by e-mail, housekeeping — and the operators' queue dashboard at /queues. Other contexts'
 * reactions run through their own modules.
 */
@Module({
  imports: [
    PlatformModule.forService('collections'),
    OutboxRelayModule.forSchema('collections'),
    CollectionsDomainModule,
    ContractsDomainModule,
    InvoicingDomainModule,
    WebhooksModule,
  ],
  controllers: [
    SweepsController, TasksController, ActivitiesController, DunningHoldsController, PromisesController, InstalmentPlansController, DunningPoliciesController, SolvencyController,
    ReferenceRatesController, QueueSessionController,
  ],
  providers: [WorkerSelfCheck, SweepsProcessor, EventsProcessor, WebhookDeliveryProcessor, LetterSendingProcessor, LetterProductionProcessor, MaintenanceProcessor, ScheduleKeeper, QueueBoard],
})
export class CollectionsAppModule {}
