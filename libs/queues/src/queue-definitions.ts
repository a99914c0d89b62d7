import { JobsOptions } from 'bullmq';

/*
 * Every queue, job name and payload in one place. Names include a Redis Cluster hash tag so that all
 * keys of one queue share a slot. Renaming a queue or job strands the jobs waiting under the old
 * name: drain first, or run both names for one release.
 */
export const Queues = {
  /** Committed outbox events from every context, one job per relayed batch (jobId = digest of the event ids). */
  Events: '{events}',
  /** One job per attempt series of a webhook delivery (jobId = delivery id). */
  WebhookDeliveries: '{webhook-deliveries}',
  /** Collections sweeps (jobId = sweep id). */
  Sweeps: '{sweeps}',
  /** Periodic housekeeping run by job schedulers. */
  Maintenance: '{maintenance}',
  /** Letters to e-mail to debtors (jobId = letter id: one job per letter, whoever enqueues it). */
  Letters: '{letters}',
  /** Dunning letters the sweep asked for, to produce and render, a few per job (jobId = digest of the requests). */
  LetterProduction: '{letter-production}',
} as const;
export type QueueName = (typeof Queues)[keyof typeof Queues];

export const JobNames = {
  OutboxEvents: 'outbox-events',
  DeliverWebhook: 'deliver-webhook',
  RunSweep: 'run-sweep',
  ScheduledSweep: 'scheduled-sweep',
  RequeueStalledDeliveries: 'requeue-stalled-deliveries',
  PurgeExpiredRecords: 'purge-expired-records',
  SendLetter: 'send-letter',
  ProduceLetters: 'produce-letters',
} as const;

/** One published event: the webhook payload shape `{id, type, occurredAt, data}` plus its origin. */
export interface PublishedEvent {
  id: string;
  type: string;
  /** The version of the type's data schema (GET /v1/event-types). */
  version: number;
  occurredAt: string;
  aggregateId: string;
  source: 'contracts' | 'invoicing' | 'collections';
  data: Record<string, unknown>;
}

/**
 * What a consumer of the events queue receives: the events one relay pass published, in id order.
 * Batching keeps a sweep's hundreds of thousands of events from costing a queue job each.
 */
export interface OutboxEventsJob {
  events: PublishedEvent[];
}

export interface DeliverWebhookJob {
  deliveryId: string;
}

export interface SendLetterJob {
  letterId: string;
}

/** A dunning level's letter as the sweep's `dunning.letter_requested` event asks for it. */
export interface LetterRequest {
  clientId: string;
  kind: 'reminder' | 'final_notice' | 'pre_trial_claim' | 'courtesy';
  level: number;
  invoiceIds: string[];
  channel: 'email' | 'post';
  payWithinDays: number;
}

/** A few of the sweep's letter requests, produced together. */
export interface ProduceLettersJob {
  requests: LetterRequest[];
}

export interface RunSweepJob {
  sweepId: string;
}

const DAY_SECONDS = 24 * 3600;

export const JOB_OPTIONS: Record<'OutboxEvents' | 'DeliverWebhook' | 'RunSweep' | 'SendLetter' | 'ProduceLetters', JobsOptions> = {
  // Kept a day after completion so a batch re-published after a relay crash is dropped as a duplicate;
  // consumers are idempotent, so a later re-publish costs a repeat, never a wrong result.
  OutboxEvents: {
    attempts: 10,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: DAY_SECONDS, count: 100_000 },
    removeOnFail: { age: 30 * DAY_SECONDS },
  },
  // One job per attempt: the delivery service schedules the next attempt itself (24 h retry schedule);
  // BullMQ's own retries only cover infrastructure failures such as a database outage.
  DeliverWebhook: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: DAY_SECONDS, count: 100_000 },
    removeOnFail: { age: 7 * DAY_SECONDS },
  },
  // Retries cover a mail server that is away or answers 4xx; the backoff's base delay is MAIL_RETRY_BASE_MS.
  SendLetter: {
    attempts: 6,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { age: 30 * DAY_SECONDS },
    removeOnFail: { age: 30 * DAY_SECONDS },
  },
  // Producing is idempotent (one letter per dunning key), so a retry or a second enqueue never makes two letters.
  ProduceLetters: {
    attempts: 10,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: DAY_SECONDS, count: 200_000 },
    removeOnFail: { age: 30 * DAY_SECONDS },
  },
  RunSweep: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { age: 30 * DAY_SECONDS },
    removeOnFail: { age: 30 * DAY_SECONDS },
  },
};
