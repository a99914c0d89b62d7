import type { EventSource, TypedOutboxEvent } from '@ar/events';

/** The schemas that own an outbox table: each context writes events only to its own. */
export const OUTBOX_SCHEMAS = ['contracts', 'invoicing', 'collections'] as const satisfies readonly EventSource[];
export type OutboxSchema = (typeof OUTBOX_SCHEMAS)[number];

/**
 * An event a context appends to its outbox: one of the types its catalog (@ar/events) lists, with that type's
 * data; `aggregateId` is the entity the event is about, which consumers use to order or deduplicate.
 */
export type NewOutboxEvent<S extends OutboxSchema = OutboxSchema> = TypedOutboxEvent<S>;

/** What subscribers receive: `{id, type, version, occurredAt, data}`. */
export type OutboxEvent<S extends OutboxSchema = OutboxSchema> = NewOutboxEvent<S> & { id: string; occurredAt: string };
