import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { ApiPageResponse, ApiProblems, Idempotent, PageQueryDto, UuidParam } from '@ar/http';
import { WebhookEndpointsService } from '@ar/invoicing';
import { CreateWebhookEndpointDto } from './dto/create-webhook-endpoint.dto';
import {
  CreatedWebhookEndpointResponse,
  toDeliveryResponse,
  toWebhookEndpointResponse,
  WebhookDeliveryResponse,
  WebhookEndpointResponse,
} from './webhook-endpoint.response';

@ApiTags('webhook endpoints')
@ApiBearerAuth()
@Roles('admin', 'finance')
@Idempotent()
@Controller('webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  /** The signing secret appears in this response only. */
  @ApiCreatedResponse({ type: CreatedWebhookEndpointResponse })
  @ApiProblems(403, 409, 422)
  @Post()
  async create(@Body() body: CreateWebhookEndpointDto): Promise<CreatedWebhookEndpointResponse> {
    const endpoint = await this.endpoints.create(body.url, body.events);
    return { ...toWebhookEndpointResponse(endpoint), secret: endpoint.secret };
  }

  @ApiPageResponse(WebhookEndpointResponse)
  @ApiProblems(403)
  @Get()
  async list(): Promise<{ data: WebhookEndpointResponse[]; nextCursor: null }> {
    return { data: (await this.endpoints.list()).map(toWebhookEndpointResponse), nextCursor: null };
  }

  @ApiOkResponse({ type: WebhookEndpointResponse })
  @ApiProblems(403, 404)
  @Get(':id')
  async get(@Param('id', UuidParam) id: string): Promise<WebhookEndpointResponse> {
    return toWebhookEndpointResponse(await this.endpoints.get(id));
  }

  @ApiPageResponse(WebhookDeliveryResponse)
  @ApiProblems(403, 404)
  @Get(':id/deliveries')
  async deliveries(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Query() query: PageQueryDto) {
    const page = await this.endpoints.listDeliveries(id, query.limit, query.cursor);
    return { data: page.data.map((d) => toDeliveryResponse(d, principal.role === 'admin')), nextCursor: page.nextCursor };
  }

  @ApiAcceptedResponse({ type: WebhookDeliveryResponse, description: 'Queued again for delivery' })
  @ApiProblems(403, 404, 409, 422)
  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  async replay(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Param('deliveryId', UuidParam) deliveryId: string) {
    await this.endpoints.replay(id, deliveryId);
    return toDeliveryResponse(await this.endpoints.getDelivery(id, deliveryId), principal.role === 'admin');
  }
}
