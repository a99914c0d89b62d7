import { OfferOutboxEventsUntilHandedOver1764600000000 } from './migrations/1764600000000-OfferOutboxEventsUntilHandedOver';
import { IndexOutboxEventsByOffer1765000000001 } from './migrations/1765000000001-IndexOutboxEventsByOffer';

/** Changes to the outbox tables of every context (each context's first migration creates its own). */
export const OUTBOX_MIGRATIONS = [OfferOutboxEventsUntilHandedOver1764600000000, IndexOutboxEventsByOffer1765000000001];
