/** The schemas that own an outbox table: each context writes events only to its own. */
export const OUTBOX_SCHEMAS = ['contracts', 'invoicing', 'collections'] as const;
export type OutboxSchema = (typeof OUTBOX_SCHEMAS)[number];

export interface NewOutboxEvent {
  type: string;
  /** The entity the event is about; consumers use it to order or deduplicate. */
  aggregateId: string;
  data: Record<string, unknown>;
}

/** What subscribers receive: `{id, type, occurredAt, data}`. */
export interface OutboxEvent extends NewOutboxEvent {
  id: string;
  occurredAt: string;
}
