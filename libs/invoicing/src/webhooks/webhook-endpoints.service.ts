import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@ar/config';
import { DomainError } from '@ar/errors';
import { decodeIdCursor, Page, toPage } from '@ar/pagination';
import { DeliverWebhookJob, JOB_OPTIONS, JobNames, Queues } from '@ar/queues';
import { generateWebhookSecret } from '../integrations/webhook-secret';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { refusedTarget } from './webhook-targets';

export interface DeliveryWithAttempts {
  delivery: WebhookDelivery;
  attempts: WebhookDeliveryAttempt[];
}

/** Subscriber endpoints and their delivery history, as finance and admins manage them. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    await this.dataSource.manager.insert(WebhookEndpoint, endpoint);
    return (await this.dataSource.manager.findOneBy(WebhookEndpoint, { id: endpoint.id })) as WebhookEndpoint;
  }

  list(): Promise<WebhookEndpoint[]> {
    return this.dataSource.manager.find(WebhookEndpoint, { order: { id: 'ASC' } });
  }

  async get(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.dataSource.manager.findOneBy(WebhookEndpoint, { id });
    if (!endpoint) throw DomainError.notFound('Webhook endpoint', id);
    return endpoint;
  }

  async listDeliveries(endpointId: string, limit: number, cursor?: string): Promise<Page<DeliveryWithAttempts>> {
    await this.get(endpointId);
    const after = decodeIdCursor(cursor);
    const qb = this.dataSource.manager
      .createQueryBuilder(WebhookDelivery, 'd')
      .where('d.endpoint_id = :endpointId', { endpointId })
      .orderBy('d.id', 'ASC')
      .limit(limit + 1);
    if (after) qb.andWhere('d.id > :after', { after });
    const rows = await qb.getMany();
    const ids = rows.slice(0, limit).map((d) => d.id);
    const attempts = ids.length
      ? await this.dataSource.manager
          .createQueryBuilder(WebhookDeliveryAttempt, 'a')
          .where('a.delivery_id IN (:...ids)', { ids })
          .orderBy('a.id', 'ASC')
          .getMany()
      : [];
    return toPage(rows, limit, (d) => [d.id], (d) => ({ delivery: d, attempts: attempts.filter((a) => a.deliveryId === d.id) }));
  }

  async getDelivery(endpointId: string, deliveryId: string): Promise<DeliveryWithAttempts> {
    const delivery = await this.dataSource.manager.findOneBy(WebhookDelivery, { id: deliveryId, endpointId });
    if (!delivery) throw DomainError.notFound('Delivery', deliveryId);
    const attempts = await this.dataSource.manager.find(WebhookDeliveryAttempt, { where: { deliveryId }, order: { id: 'ASC' } });
    return { delivery, attempts };
  }

  /** Sends a delivery again from the start of its retry schedule, whatever became of it before. */
  async replay(endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
    const endpoint = await this.get(endpointId);
    if (endpoint.status !== 'active') throw DomainError.conflict('The endpoint is disabled; create a new one to resume deliveries');
    const delivery = await this.dataSource.manager.findOneBy(WebhookDelivery, { id: deliveryId, endpointId });
    if (!delivery) throw DomainError.notFound('Delivery', deliveryId);
    await this.dataSource.manager.update(
      WebhookDelivery,
      { id: deliveryId },
      { status: 'pending', attempts: 0, nextAttemptAt: new Date(), completedAt: null },
    );
    await this.deliveries.add(
      JobNames.DeliverWebhook,
      { deliveryId },
      { ...JOB_OPTIONS.DeliverWebhook, jobId: `${deliveryId}-replay-${uuidv7()}` },
    );
    return (await this.dataSource.manager.findOneBy(WebhookDelivery, { id: deliveryId })) as WebhookDelivery;
  }
}
