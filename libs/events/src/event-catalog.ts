import { Static } from '@sinclair/typebox';
import { COLLECTIONS_EVENT_SCHEMAS } from './collections-event-schemas';
import { CONTRACTS_EVENT_SCHEMAS } from './contracts-event-schemas';
import { EventDefinition } from './event-definition';
import { INVOICING_EVENT_SCHEMAS } from './invoicing-event-schemas';

/** Every event type, by the context that announces it (two contexts may use the same type name). */
export const EVENT_SCHEMAS = {
  contracts: CONTRACTS_EVENT_SCHEMAS,
  invoicing: INVOICING_EVENT_SCHEMAS,
  collections: COLLECTIONS_EVENT_SCHEMAS,
} as const;

export type EventSource = keyof typeof EVENT_SCHEMAS;

type DataMap<M extends Record<string, EventDefinition>> = { [T in keyof M]: Static<M[T]['data']> };
type EventUnion<D> = { [T in keyof D & string]: { type: T; aggregateId: string; data: D[T] } }[keyof D & string];

/** The data of every event type, per source; resolved once here so that the compiler does not expand the schemas at each use. */
export interface EventDataMaps {
  contracts: DataMap<typeof CONTRACTS_EVENT_SCHEMAS>;
  invoicing: DataMap<typeof INVOICING_EVENT_SCHEMAS>;
  collections: DataMap<typeof COLLECTIONS_EVENT_SCHEMAS>;
}

/** An event as each context writes it to its outbox: a discriminated union on `type`, each with its own data. */
export interface OutboxEventsBySource {
  contracts: EventUnion<EventDataMaps['contracts']>;
  invoicing: EventUnion<EventDataMaps['invoicing']>;
  collections: EventUnion<EventDataMaps['collections']>;
}

export type EventTypeOf<S extends EventSource> = keyof EventDataMaps[S] & string;
export type EventDataOf<S extends EventSource, T extends EventTypeOf<S>> = EventDataMaps[S][T];
export type TypedOutboxEvent<S extends EventSource> = OutboxEventsBySource[S];

export const DEFAULT_EVENT_VERSION = 1;

/** One entry of the published catalog (GET /v1/event-types, docs/events). */
export interface EventTypeEntry {
  source: EventSource;
  type: string;
  version: number;
  description: string;
  schema: Record<string, unknown>;
  example: unknown;
}

/** The catalog as published: one entry per source and type, each with the JSON Schema of its data. */
export function eventCatalog(): EventTypeEntry[] {
  return (Object.keys(EVENT_SCHEMAS) as EventSource[]).flatMap((source) =>
    Object.entries(EVENT_SCHEMAS[source] as Record<string, EventDefinition>).map(([type, definition]) => {
      const version = eventVersion(source, type);
      return {
        source,
        type,
        version,
        description: definition.description,
        schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `urn:ar-followup:event:${source}:${type}:v${version}`, ...JSON.parse(JSON.stringify(definition.data)) },
        example: definition.example,
      };
    }),
  );
}

/** The version of an event type, as every envelope carries it. */
export function eventVersion(source: string, type: string): number {
  const definition = (EVENT_SCHEMAS as Record<string, Record<string, EventDefinition>>)[source]?.[type];
  return definition?.version ?? DEFAULT_EVENT_VERSION;
}

/** A published event whose source and type are known, with that type's data. */
export interface PublishedEventOf<S extends EventSource, T extends EventTypeOf<S>> {
  id: string;
  source: S;
  type: T;
  version: number;
  occurredAt: string;
  aggregateId: string;
  data: EventDataOf<S, T>;
}

/** Narrows a published event to one source and type, so a consumer reads typed data instead of casting. */
export function isEventOf<S extends EventSource, T extends EventTypeOf<S>>(
  event: { source: string; type: string },
  source: S,
  type: T,
): event is PublishedEventOf<S, T> & typeof event {
  return event.source === source && event.type === type;
}
