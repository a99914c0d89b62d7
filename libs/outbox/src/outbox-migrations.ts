import { OfferOutboxEventsUntilHandedOver1764600000000 } from './migrations/1764600000000-OfferOutboxEventsUntilHandedOver';

/** Changes to the outbox tables of every context (each context's first migration creates its own). */
export const OUTBOX_MIGRATIONS = [OfferOutboxEventsUntilHandedOver1764600000000];
