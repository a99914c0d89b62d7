import { TSchema } from '@sinclair/typebox';

/** One event type: what it means, the schema of its data, its version and an example payload. */
export interface EventDefinition<T extends TSchema = TSchema> {
  description: string;
  data: T;
  /** Raised when the data changes incompatibly; adding a field does not raise it. */
  version?: number;
  example: unknown;
}

/** Keeps the literal keys and schema types of a context's event list while checking its shape. */
export function eventSchemas<M extends Record<string, EventDefinition>>(definitions: M): M {
  return definitions;
}
