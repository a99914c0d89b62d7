import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ar/auth';
import { Idempotent, UuidParam } from '@ar/http';
import { Integration, IntegrationsService } from '@ar/invoicing';
import { CreateIntegrationDto } from './dto/create-integration.dto';

interface IntegrationResponse {
  id: string;
  name: string;
  createdAt: string;
}

function toIntegrationResponse(integration: Integration): IntegrationResponse {
  return { id: integration.id, name: integration.name, createdAt: integration.createdAt.toISOString() };
}

@ApiTags('integrations')
@ApiBearerAuth()
@Roles('admin')
@Idempotent()
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  /** The secret appears in this response and in rotate-secret's, nowhere else. */
  @Post()
  async create(@Body() body: CreateIntegrationDto): Promise<IntegrationResponse & { secret: string }> {
    const integration = await this.integrations.create(body.name);
    return { ...toIntegrationResponse(integration), secret: integration.secret };
  }

  @Get()
  async list(): Promise<{ data: IntegrationResponse[]; nextCursor: null }> {
    return { data: (await this.integrations.list()).map(toIntegrationResponse), nextCursor: null };
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  async rotate(@Param('id', UuidParam) id: string): Promise<{ id: string; secret: string }> {
    const integration = await this.integrations.rotateSecret(id);
    return { id: integration.id, secret: integration.secret };
  }
}
