import { DeliveryWithAttempts, WebhookEndpoint } from '@ar/invoicing';

export interface WebhookEndpointResponse {
  id: string;
  url: string;
  events: string[];
  status: string;
  disabledReason: string | null;
  createdAt: string;
}

export function toWebhookEndpointResponse(endpoint: WebhookEndpoint): WebhookEndpointResponse {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    status: endpoint.status,
    disabledReason: endpoint.disabledReason,
    createdAt: endpoint.createdAt.toISOString(),
  };
}

/**
 * What a subscriber's failure may tell a non-admin: that it answered with an HTTP status, or that it
 * was not reached. Connection errors (refused, reset, unknown host, timeouts) would map a network.
 */
function shownError(error: string | null, rawErrors: boolean): string | null {
  if (error === null || rawErrors || /^HTTP \d{3}$/.test(error)) return error;
  return 'not delivered (details for admins)';
}

/** `rawErrors`: only admins see a subscriber's connection errors as they were. */
export function toDeliveryResponse({ delivery, attempts }: DeliveryWithAttempts, rawErrors: boolean) {
  return {
    id: delivery.id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastError: shownError(delivery.lastError, rawErrors),
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    completedAt: delivery.completedAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    attemptLog: attempts.map((a) => ({
      attemptedAt: a.attemptedAt.toISOString(),
      statusCode: a.statusCode,
      error: shownError(a.error, rawErrors),
      durationMs: a.durationMs,
    })),
  };
}
