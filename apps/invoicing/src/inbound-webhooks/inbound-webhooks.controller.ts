import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { ApiProblems, NoRateLimit, parseJsonBody, UuidParam, validatePlain } from '@ar/http';
import { InboundEvent, InboundWebhooksService, IntegrationsService } from '@ar/invoicing';
import { INBOUND_EVENT_DTOS, PaymentReceivedEventDto, PaymentReversedEventDto } from './dto/inbound-event.dto';
import { InboundReceiptResponse } from './inbound-receipt.response';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(' ') : value;
}

/** Message ids are stored to make deliveries idempotent; Standard Webhooks senders use short ones. */
const MAX_WEBHOOK_ID_LENGTH = 255;

/** Finance systems push payments here, signed per Standard Webhooks; the signature is their authentication. */
@ApiTags('webhooks')
@Public()
@NoRateLimit()
@Controller('webhooks/inbound')
export class InboundWebhooksController {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly inbound: InboundWebhooksService,
  ) {}

  @ApiExtraModels(PaymentReceivedEventDto, PaymentReversedEventDto)
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(PaymentReceivedEventDto) }, { $ref: getSchemaPath(PaymentReversedEventDto) }], discriminator: { propertyName: 'type' } } })
  @ApiOkResponse({ type: InboundReceiptResponse })
  @ApiProblems(401, 404, 409, 422)
  @Post(':integrationId')
  @HttpCode(200)
  @ApiHeader({ name: 'webhook-id', required: true })
  @ApiHeader({ name: 'webhook-timestamp', required: true })
  @ApiHeader({ name: 'webhook-signature', required: true })
  async receive(
    @Param('integrationId', UuidParam) integrationId: string,
    @Req() request: FastifyRequest,
  ): Promise<InboundReceiptResponse> {
    const headers = {
      'webhook-id': header(request, 'webhook-id'),
      'webhook-timestamp': header(request, 'webhook-timestamp'),
      'webhook-signature': header(request, 'webhook-signature'),
    };
    // Authenticate first: an unsigned request learns nothing about what a valid body looks like.
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    await this.integrations.verify(integrationId, rawBody, headers);
    if ((headers['webhook-id'] as string).length > MAX_WEBHOOK_ID_LENGTH) {
      throw new DomainError(ErrorCode.MalformedRequest, `webhook-id must be at most ${MAX_WEBHOOK_ID_LENGTH} characters`);
    }
    const event = await this.parse(parseJsonBody(rawBody.toString('utf8')));
    const result = await this.inbound.handle(integrationId, headers['webhook-id'] as string, event);
    return { received: true, ...result };
  }

  private async parse(body: unknown): Promise<InboundEvent> {
    const type = (body as { type?: unknown } | null)?.type;
    const dto = typeof type === 'string' ? INBOUND_EVENT_DTOS[type as keyof typeof INBOUND_EVENT_DTOS] : undefined;
    if (!dto) {
      throw DomainError.validation('type must be payment.received or payment.reversed', [{ path: 'type', message: 'unknown event type' }]);
    }
    return (await validatePlain<object>(dto, body)) as InboundEvent;
  }
}
