import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/** An event as the fan-out offers it to subscribers: its id, type, when it occurred, and its payload, serialised once. */
export interface FanOutEvent {
  id: string;
  type: string;
  occurredAt: string;
  payload: string;
}

/** The SQL of outbound webhooks: endpoints, who subscribes to what, deliveries and their attempts. */
@Injectable()
export class WebhookRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertEndpoint(endpoint: WebhookEndpoint): Promise<WebhookEndpoint> {
    await this.dataSource.manager.insert(WebhookEndpoint, endpoint);
    return (await this.findEndpoint(endpoint.id)) as WebhookEndpoint;
  }

  listEndpoints(): Promise<WebhookEndpoint[]> {
    return this.dataSource.manager.find(WebhookEndpoint, { order: { id: 'ASC' } });
  }

  findEndpoint(id: string): Promise<WebhookEndpoint | null> {
    return this.dataSource.manager.findOneBy(WebhookEndpoint, { id });
  }

  /** An endpoint's deliveries in id order after `afterId`, `limit + 1` of them (the extra says whether a page follows). */
  deliveriesOf(endpointId: string, afterId: string | null, limit: number): Promise<WebhookDelivery[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(WebhookDelivery, 'd')
      .where('d.endpoint_id = :endpointId', { endpointId })
      .orderBy('d.id', 'ASC')
      .limit(limit + 1);
    if (afterId) qb.andWhere('d.id > :afterId', { afterId });
    return qb.getMany();
  }

  /** The attempts of these deliveries, in order. */
  attemptsOf(deliveryIds: string[]): Promise<WebhookDeliveryAttempt[]> {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(WebhookDeliveryAttempt, 'a')
      .where('a.delivery_id IN (:...deliveryIds)', { deliveryIds })
      .orderBy('a.id', 'ASC')
      .getMany();
  }

  findDelivery(endpointId: string, deliveryId: string): Promise<WebhookDelivery | null> {
    return this.dataSource.manager.findOneBy(WebhookDelivery, { id: deliveryId, endpointId });
  }

  /** Puts a delivery back at the start of its retry schedule. */
  async restartDelivery(deliveryId: string): Promise<WebhookDelivery> {
    await this.dataSource.manager.update(WebhookDelivery, { id: deliveryId }, { status: 'pending', attempts: 0, nextAttemptAt: new Date(), completedAt: null });
    return (await this.dataSource.manager.findOneBy(WebhookDelivery, { id: deliveryId })) as WebhookDelivery;
  }

  /**
   * Records one pending delivery per active subscribed endpoint and event (a subscriber receives the events that
   * occur after it subscribed, not the history before it; the (endpoint, event) key admits one delivery), and
   * returns the ids of these events' deliveries never attempted, including those a crashed earlier run recorded.
   */
  async recordDeliveries(events: FanOutEvent[]): Promise<string[]> {
    const pairs: { event_id: string; endpoint_id: string }[] = await this.dataSource.query(
      `SELECT e.event_id, w.id AS endpoint_id
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS e(event_id, type, occurred_at)
       JOIN invoicing.webhook_endpoints w ON w.status = 'active' AND e.type = ANY(w.events) AND w.created_at <= e.occurred_at`,
      [events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.occurredAt)],
    );
    if (pairs.length === 0) return [];
    const byId = new Map(events.map((e) => [e.id, e]));
    await this.dataSource.query(
      `INSERT INTO invoicing.webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at)
       SELECT d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, 'pending', 0, now()
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::jsonb[]) AS d(id, endpoint_id, event_id, event_type, payload)
       ON CONFLICT (endpoint_id, event_id) DO NOTHING`,
      [
        pairs.map(() => uuidv7()),
        pairs.map((p) => p.endpoint_id),
        pairs.map((p) => p.event_id),
        pairs.map((p) => byId.get(p.event_id)?.type),
        pairs.map((p) => byId.get(p.event_id)?.payload),
      ],
    );
    const pending: { id: string }[] = await this.dataSource.query(
      `SELECT d.id FROM invoicing.webhook_deliveries d
       JOIN unnest($1::uuid[], $2::uuid[]) AS p(endpoint_id, event_id) ON d.endpoint_id = p.endpoint_id AND d.event_id = p.event_id
       WHERE d.status = 'pending' AND d.attempts = 0`,
      [pairs.map((p) => p.endpoint_id), pairs.map((p) => p.event_id)],
    );
    return pending.map((d) => d.id);
  }
}
