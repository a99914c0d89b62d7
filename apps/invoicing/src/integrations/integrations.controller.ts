import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ar/auth';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { IntegrationsService } from '@ar/invoicing';
import { CreateIntegrationDto } from './dto/create-integration.dto';
import { CreatedIntegrationResponse, IntegrationResponse, RotatedSecretResponse, toIntegrationResponse } from './integration.response';

@ApiTags('integrations')
@ApiBearerAuth()
@Roles('admin')
@Idempotent()
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  /** The secret appears in this response and in rotate-secret's, nowhere else. */
  @ApiCreatedResponse({ type: CreatedIntegrationResponse })
  @ApiProblems(403, 409, 422)
  @Post()
  async create(@Body() body: CreateIntegrationDto): Promise<CreatedIntegrationResponse> {
    const integration = await this.integrations.create(body.name);
    return { ...toIntegrationResponse(integration), secret: integration.secret };
  }

  @ApiPageResponse(IntegrationResponse)
  @ApiProblems(403)
  @Get()
  async list(): Promise<{ data: IntegrationResponse[]; nextCursor: null }> {
    return { data: (await this.integrations.list()).map(toIntegrationResponse), nextCursor: null };
  }

  @ApiOkResponse({ type: RotatedSecretResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post(':id/rotate-secret')
  @HttpCode(200)
  async rotate(@Param('id', UuidParam) id: string): Promise<RotatedSecretResponse> {
    const integration = await this.integrations.rotateSecret(id);
    return { id: integration.id, secret: integration.secret };
  }
}
