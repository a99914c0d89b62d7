import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { ContractsService } from '@ar/contracts';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { Page } from '@ar/pagination';
import { ContractResponse, toContractResponse } from './contract.response';
import { CreateContractDto } from './dto/create-contract.dto';
import { ListContractsQuery } from './dto/list-contracts.query';
import { RenewContractDto } from './dto/renew-contract.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Idempotent()
@Controller('contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @ApiCreatedResponse({ type: ContractResponse })
  @ApiProblems(404, 409, 422)
  @Post()
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateContractDto): Promise<ContractResponse> {
    return toContractResponse(await this.contracts.create(principal, body));
  }

  @ApiPageResponse(ContractResponse)
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListContractsQuery): Promise<Page<ContractResponse>> {
    const { limit, cursor, ...filters } = query;
    const page = await this.contracts.list(principal, filters, limit, cursor);
    return { data: page.data.map(toContractResponse), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: ContractResponse })
  @ApiProblems(404)
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<ContractResponse> {
    return toContractResponse(await this.contracts.get(principal, id));
  }

  @ApiOkResponse({ type: ContractResponse })
  @ApiProblems(404, 409, 422)
  @Post(':id/activate')
  @HttpCode(200)
  async activate(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<ContractResponse> {
    return toContractResponse(await this.contracts.activate(principal, id));
  }

  @ApiOkResponse({ type: ContractResponse })
  @ApiProblems(404, 409, 422)
  @Post(':id/suspend')
  @HttpCode(200)
  async suspend(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<ContractResponse> {
    return toContractResponse(await this.contracts.suspend(principal, id));
  }

  @ApiOkResponse({ type: ContractResponse })
  @ApiProblems(404, 409, 422)
  @Post(':id/terminate')
  @HttpCode(200)
  async terminate(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<ContractResponse> {
    return toContractResponse(await this.contracts.terminate(principal, id));
  }

  @ApiOkResponse({ type: ContractResponse })
  @ApiProblems(404, 409, 422)
  @Post(':id/renew')
  @HttpCode(200)
  async renew(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: RenewContractDto,
  ): Promise<ContractResponse> {
    return toContractResponse(await this.contracts.renew(principal, id, body.endsOn));
  }
}
