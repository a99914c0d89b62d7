import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { Idempotent, PageQueryDto, UuidParam } from '@ar/http';
import { WebhookEndpointsService } from '@ar/invoicing';
import { CreateWebhookEndpointDto } from './dto/create-webhook-endpoint.dto';
import { toDeliveryResponse, toWebhookEndpointResponse, WebhookEndpointResponse } from './webhook-endpoint.response';

@ApiTags('webhook endpoints')
@ApiBearerAuth()
@Roles('admin', 'finance')
@Idempotent()
@Controller('webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  /** The signing secret appears in this response only. */
  @Post()
  async create(@Body() body: CreateWebhookEndpointDto): Promise<WebhookEndpointResponse & { secret: string }> {
    const endpoint = await this.endpoints.create(body.url, body.events);
    return { ...toWebhookEndpointResponse(endpoint), secret: endpoint.secret };
  }

  @Get()
  async list(): Promise<{ data: WebhookEndpointResponse[]; nextCursor: null }> {
    return { data: (await this.endpoints.list()).map(toWebhookEndpointResponse), nextCursor: null };
  }

  @Get(':id')
  async get(@Param('id', UuidParam) id: string): Promise<WebhookEndpointResponse> {
    return toWebhookEndpointResponse(await this.endpoints.get(id));
  }

  @Get(':id/deliveries')
  async deliveries(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Query() query: PageQueryDto) {
    const page = await this.endpoints.listDeliveries(id, query.limit, query.cursor);
    return { data: page.data.map((d) => toDeliveryResponse(d, principal.role === 'admin')), nextCursor: page.nextCursor };
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  async replay(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Param('deliveryId', UuidParam) deliveryId: string) {
    await this.endpoints.replay(id, deliveryId);
    return toDeliveryResponse(await this.endpoints.getDelivery(id, deliveryId), principal.role === 'admin');
  }
}
