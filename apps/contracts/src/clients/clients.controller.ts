import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { ClientsService } from '@ar/contracts';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { Page } from '@ar/pagination';
import { ClientResponse, toClientResponse } from './client.response';
import { CreateClientDto } from './dto/create-client.dto';
import { ListClientsQuery } from './dto/list-clients.query';
import { UpdateClientDto } from './dto/update-client.dto';

@ApiTags('clients')
@ApiBearerAuth()
@Idempotent()
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @ApiCreatedResponse({ type: ClientResponse })
  @ApiProblems(403, 409, 422)
  @Post()
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateClientDto): Promise<ClientResponse> {
    return toClientResponse(await this.clients.create(principal, body));
  }

  @ApiPageResponse(ClientResponse)
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListClientsQuery): Promise<Page<ClientResponse>> {
    const { limit, cursor, ...filters } = query;
    const page = await this.clients.list(principal, filters, limit, cursor);
    return { data: page.data.map(toClientResponse), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: ClientResponse })
  @ApiProblems(404)
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<ClientResponse> {
    return toClientResponse(await this.clients.get(principal, id));
  }

  @ApiOkResponse({ type: ClientResponse })
  @ApiProblems(403, 404, 409, 422)
  @Patch(':id')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateClientDto,
  ): Promise<ClientResponse> {
    return toClientResponse(await this.clients.update(principal, id, body));
  }
}
