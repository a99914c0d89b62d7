import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@ar/config';
import { DomainError } from '@ar/errors';
import { decodeIdCursor, Page, toPage } from '@ar/pagination';
import { DeliverWebhookJob, JOB_OPTIONS, JobNames, Queues } from '@ar/queues';
import { generateWebhookSecret } from '../integrations/webhook-secret';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookRepository } from './webhook.repository';
import { refusedTarget } from './webhook-targets';

export interface DeliveryWithAttempts {
  delivery: WebhookDelivery;
  attempts: WebhookDeliveryAttempt[];
}

/** Subscriber endpoints and their delivery history, as finance and admins manage them. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly webhooks: WebhookRepository,
    @InjectQueue(Queues.WebhookDeliveries) private readonly deliveries: Queue<DeliverWebhookJob>,
    private readonly config: AppConfig,
  ) {}

  async create(url: string, events: string[]): Promise<WebhookEndpoint> {
    const refused = refusedTarget(url, this.config.webhookTargets);
    if (refused) throw DomainError.businessRule(`Webhook endpoints must be on the public internet here (WEBHOOK_TARGETS=public): ${refused}`);
    const endpoint = Object.assign(new WebhookEndpoint(), {
      id: uuidv7(),
      url,
      events: [...new Set(events)],
      secret: generateWebhookSecret(),
      status: 'active' as const,
      disabledReason: null,
    });
    return this.webhooks.insertEndpoint(endpoint);
  }

  list(): Promise<WebhookEndpoint[]> {
    return this.webhooks.listEndpoints();
  }

  async get(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.webhooks.findEndpoint(id);
    if (!endpoint) throw DomainError.notFound('Webhook endpoint', id);
    return endpoint;
  }

  async listDeliveries(endpointId: string, limit: number, cursor?: string): Promise<Page<DeliveryWithAttempts>> {
    await this.get(endpointId);
    const rows = await this.webhooks.deliveriesOf(endpointId, decodeIdCursor(cursor), limit);
    const attempts = await this.webhooks.attemptsOf(rows.slice(0, limit).map((d) => d.id));
    return toPage(rows, limit, (d) => [d.id], (d) => ({ delivery: d, attempts: attempts.filter((a) => a.deliveryId === d.id) }));
  }

  async getDelivery(endpointId: string, deliveryId: string): Promise<DeliveryWithAttempts> {
    const delivery = await this.webhooks.findDelivery(endpointId, deliveryId);
    if (!delivery) throw DomainError.notFound('Delivery', deliveryId);
    return { delivery, attempts: await this.webhooks.attemptsOf([deliveryId]) };
  }

  /** Sends a delivery again from the start of its retry schedule, whatever became of it before. */
  async replay(endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
    const endpoint = await this.get(endpointId);
    if (endpoint.status !== 'active') throw DomainError.conflict('The endpoint is disabled; create a new one to resume deliveries');
    if (!(await this.webhooks.findDelivery(endpointId, deliveryId))) throw DomainError.notFound('Delivery', deliveryId);
    const restarted = await this.webhooks.restartDelivery(deliveryId);
    await this.deliveries.add(
      JobNames.DeliverWebhook,
      { deliveryId },
      { ...JOB_OPTIONS.DeliverWebhook, jobId: `${deliveryId}-replay-${uuidv7()}` },
    );
    return restarted;
  }
}
