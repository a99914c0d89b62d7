import { ApiProperty } from '@nestjs/swagger';
import { DeliveryWithAttempts, WebhookEndpoint } from '@ar/invoicing';

const ENDPOINT_ID = '0190a000-0000-7000-8000-000000005001';

export class WebhookEndpointResponse {
  @ApiProperty({ format: 'uuid', example: ENDPOINT_ID }) id: string;
  @ApiProperty({ format: 'uri', example: 'https://erp.example.com/hooks/ar' }) url: string;
  @ApiProperty({ type: [String], description: 'the event types delivered (see GET /v1/event-types)', example: ['invoice.overdue', 'payment.received'] })
  events: string[];
  @ApiProperty({ enum: ['active', 'disabled'], example: 'active' }) status: string;
  @ApiProperty({ nullable: true, type: String, example: null }) disabledReason: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-01-15T10:00:00.000Z' }) createdAt: string;
}

/** Answered on creation only: the signing secret is never shown again. */
export class CreatedWebhookEndpointResponse extends WebhookEndpointResponse {
  @ApiProperty({ description: 'Standard Webhooks signing secret', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }) secret: string;
}

class DeliveryAttemptResponse {
  @ApiProperty({ format: 'date-time', example: '2026-04-15T06:00:13.120Z' }) attemptedAt: string;
  @ApiProperty({ nullable: true, type: Number, example: 503 }) statusCode: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'connection errors in detail for admins only', example: 'HTTP 503' }) error: string | null;
  @ApiProperty({ example: 212 }) durationMs: number;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000005101' }) id: string;
  @ApiProperty({ format: 'uuid', example: ENDPOINT_ID }) endpointId: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000007001' }) eventId: string;
  @ApiProperty({ example: 'invoice.overdue' }) eventType: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'exhausted', 'cancelled'], example: 'pending' }) status: string;
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({ nullable: true, type: Number, example: 503 }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'HTTP 503' }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-04-15T06:01:13.000Z' }) nextAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null }) completedAt: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-04-15T06:00:12.900Z' }) createdAt: string;
  @ApiProperty({ type: [DeliveryAttemptResponse] }) attemptLog: DeliveryAttemptResponse[];
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
export function toDeliveryResponse({ delivery, attempts }: DeliveryWithAttempts, rawErrors: boolean): WebhookDeliveryResponse {
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
