import { Module } from '@nestjs/common';
import { PlatformModule } from '@ar/http';
import { InvoicingDomainModule, WebhooksModule } from '@ar/invoicing';
import { EventsProcessor } from './events/events.processor';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { WebhookDeliveryProcessor } from './webhooks/webhook-delivery.processor';

/** The collections service: its HTTP API and the background workers (event fan-out, webhook delivery, housekeeping). */
@Module({
  imports: [PlatformModule.forService('collections'), InvoicingDomainModule, WebhooksModule],
  providers: [EventsProcessor, WebhookDeliveryProcessor, MaintenanceProcessor],
})
export class CollectionsAppModule {}
