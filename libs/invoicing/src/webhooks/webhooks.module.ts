import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookFanoutService } from './webhook-fanout.service';
import { WebhookRepository } from './webhook.repository';

/** Outbound webhooks of the invoicing context: endpoints (HTTP side) and fan-out/delivery (worker side). */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEndpoint, WebhookDelivery, WebhookDeliveryAttempt])],
  providers: [WebhookRepository, WebhookEndpointsService, WebhookFanoutService, WebhookDeliveryService],
  exports: [WebhookEndpointsService, WebhookFanoutService, WebhookDeliveryService],
})
export class WebhooksModule {}
