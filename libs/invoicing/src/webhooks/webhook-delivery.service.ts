import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { Dispatcher } from 'undici';
import { AppConfig } from '@ar/config';
import { DeliverWebhookJob, JOB_OPTIONS, JobNames, Queues } from '@ar/queues';
import { Clock } from '@ar/time';
import { webhookMaxAttempts, webhookRetryDelay } from './retry-schedule';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { dispatcherFor, refusedTarget, TARGET_NOT_PUBLIC } from './webhook-targets';

export type AttemptOutcome = 'succeeded' | 'retry_scheduled' | 'exhausted' | 'endpoint_gone' | 'skipped';

interface HttpResult {
  status: number | null;
  error: string | null;
  /** A target the policy refuses: retrying cannot help, so the delivery is kept for replay at once. */
  refused?: true;
}

function isRetryable(result: HttpResult): boolean {
  if (result.refused) return false;
  return result.status === null || result.status === 408 || result.status === 429 || result.status >= 500;
}

/**
 * One attempt of one delivery: sign per Standard Webhooks (webhook-id = event id, identical on every
 * retry), POST, log the attempt, then decide: done, retry later, give up (kept for replay), or disable
 * an endpoint that answered 410 Gone.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);
  private readonly dispatcher: Dispatcher | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(Queues.WebhookDeliveries) private readonly queue: Queue<DeliverWebhookJob>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.dispatcher = dispatcherFor(config.webhookTargets);
  }

  async attempt(deliveryId: string): Promise<AttemptOutcome> {
    const delivery = await this.dataSource.manager.findOne(WebhookDelivery, { where: { id: deliveryId }, relations: { endpoint: true } });
    if (!delivery || delivery.status !== 'pending') return 'skipped';
    const endpoint = delivery.endpoint as WebhookEndpoint;
    if (endpoint.status !== 'active') {
      await this.finish(delivery.id, 'cancelled');
      return 'skipped';
    }

    const started = this.clock.now();
    const result = await this.post(endpoint, delivery, started);
    const attemptNumber = delivery.attempts + 1;
    await this.dataSource.manager.insert(WebhookDeliveryAttempt, {
      deliveryId: delivery.id,
      attemptedAt: started,
      statusCode: result.status,
      error: result.error,
      durationMs: Math.max(0, this.clock.now().getTime() - started.getTime()),
    });
    const logContext = { deliveryId, endpointId: endpoint.id, eventId: delivery.eventId, attempt: attemptNumber, status: result.status };

    if (result.status !== null && result.status >= 200 && result.status < 300) {
      await this.record(delivery.id, attemptNumber, result, { status: 'succeeded', completedAt: this.clock.now(), nextAttemptAt: null });
      return 'succeeded';
    }
    if (result.status === 410) {
      await this.record(delivery.id, attemptNumber, result, { status: 'cancelled', completedAt: this.clock.now(), nextAttemptAt: null });
      await this.dataSource.manager.update(WebhookEndpoint, { id: endpoint.id }, { status: 'disabled', disabledReason: 'The endpoint answered 410 Gone' });
      this.logger.warn(logContext, 'Webhook endpoint answered 410 Gone and was disabled');
      return 'endpoint_gone';
    }
    if (isRetryable(result) && attemptNumber < webhookMaxAttempts(this.config.webhookRetryBaseMs)) {
      const delay = webhookRetryDelay(attemptNumber, this.config.webhookRetryBaseMs);
      const nextAttemptAt = new Date(this.clock.now().getTime() + delay);
      await this.record(delivery.id, attemptNumber, result, { nextAttemptAt });
      await this.queue.add(JobNames.DeliverWebhook, { deliveryId }, { ...JOB_OPTIONS.DeliverWebhook, delay, jobId: `${deliveryId}-${attemptNumber}` });
      this.logger.log({ ...logContext, delayMs: delay }, 'Webhook delivery failed; retry scheduled');
      return 'retry_scheduled';
    }
    await this.record(delivery.id, attemptNumber, result, { status: 'exhausted', completedAt: this.clock.now(), nextAttemptAt: null });
    this.logger.warn(logContext, 'Webhook delivery gave up; kept for replay');
    return 'exhausted';
  }

  /**
   * Re-enqueues pending deliveries whose next attempt is overdue (a worker died between steps, or Redis lost
   * their jobs), a thousand per statement; a job still in Redis under the same id is not added twice.
   */
  async requeueStalled(olderThanMs = 60_000): Promise<number> {
    let requeued = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; attempts: number }[] = await this.dataSource.query(
        `SELECT id, attempts FROM invoicing.webhook_deliveries
         WHERE status = 'pending' AND next_attempt_at < now() - make_interval(secs => $1) AND id > $2::uuid ORDER BY id LIMIT 1000`,
        [olderThanMs / 1000, after],
      );
      await this.queue.addBulk(
        rows.map((r) => ({ name: JobNames.DeliverWebhook, data: { deliveryId: r.id }, opts: { ...JOB_OPTIONS.DeliverWebhook, jobId: `${r.id}-${r.attempts}` } })),
      );
      requeued += rows.length;
      if (rows.length < 1000) return requeued;
      after = rows[rows.length - 1].id;
    }
  }

  private async post(endpoint: WebhookEndpoint, delivery: WebhookDelivery, at: Date): Promise<HttpResult> {
    const refused = refusedTarget(endpoint.url, this.config.webhookTargets);
    if (refused) return { status: null, error: refused, refused: true };
    const body = JSON.stringify(delivery.payload);
    const signature = new Webhook(endpoint.secret).sign(delivery.eventId, at, body);
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'ar-followup-webhooks/1',
          'webhook-id': delivery.eventId,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
        dispatcher: this.dispatcher,
      });
      await response.body?.cancel();
      return { status: response.status, error: response.ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      const e = error as Error & { cause?: { code?: string; message?: string } };
      if (e.cause?.code === TARGET_NOT_PUBLIC) return { status: null, error: e.cause.message ?? TARGET_NOT_PUBLIC, refused: true };
      return { status: null, error: (e.name === 'TimeoutError' ? 'timeout' : e.cause?.code ?? e.message).slice(0, 1000) };
    }
  }

  private async record(id: string, attempts: number, result: HttpResult, change: Partial<Pick<WebhookDelivery, 'status' | 'completedAt' | 'nextAttemptAt'>>): Promise<void> {
    await this.dataSource.manager.update(WebhookDelivery, { id }, { attempts, lastStatusCode: result.status, lastError: result.error, ...change });
  }

  private async finish(id: string, status: 'cancelled'): Promise<void> {
    await this.dataSource.manager.update(WebhookDelivery, { id }, { status, completedAt: this.clock.now(), nextAttemptAt: null });
  }
}
