import { Injectable, OnModuleInit } from '@nestjs/common';
import { assertEveryJobHandledOnce } from '@ar/queues';
import { EventsProcessor } from './events/events.processor';
import { LetterProductionProcessor } from './letters/letter-production.processor';
import { LetterSendingProcessor } from './letters/letter-sending.processor';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { SweepsProcessor } from './sweeps/sweeps.processor';
import { WebhookDeliveryProcessor } from './webhooks/webhook-delivery.processor';

/** Refuses to start the worker unless every job name has exactly one handler. */
@Injectable()
export class WorkerSelfCheck implements OnModuleInit {
  onModuleInit(): void {
    assertEveryJobHandledOnce({
      [EventsProcessor.name]: EventsProcessor.handles,
      [WebhookDeliveryProcessor.name]: WebhookDeliveryProcessor.handles,
      [MaintenanceProcessor.name]: MaintenanceProcessor.handles,
      [SweepsProcessor.name]: SweepsProcessor.handles,
      [LetterSendingProcessor.name]: LetterSendingProcessor.handles,
      [LetterProductionProcessor.name]: LetterProductionProcessor.handles,
    });
  }
}
