import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { ContractRenewalsService, ContractsService } from '@ar/contracts';
import { DomainError } from '@ar/errors';
import { BusinessCalendar } from '@ar/time';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { Page } from '@ar/pagination';
import { ContractRenewalListResponse, ContractRenewalRunResponse, ContractResponse, toContractRenewalResponse, toContractResponse } from './contract.response';
import { CreateContractDto } from './dto/create-contract.dto';
import { ListContractsQuery } from './dto/list-contracts.query';
import { RenewContractDto } from './dto/renew-contract.dto';
import { RunContractRenewalsDto } from './dto/run-contract-renewals.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Idempotent()
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly renewals: ContractRenewalsService,
    private readonly calendar: BusinessCalendar,
  ) {}

  /**
   * The contracts' daily run (renewals, expiries, renewal notices) for a day; the collections worker runs it with
   * every sweep. Idempotent: running it again for the same day changes nothing.
   */
  @ApiOkResponse({ type: ContractRenewalRunResponse })
  @ApiProblems(403, 422)
  @Roles('finance', 'admin')
  @Post('renewal-runs')
  @HttpCode(200)
  async runRenewals(@Body() body: RunContractRenewalsDto): Promise<ContractRenewalRunResponse> {
    const today = this.calendar.today();
    if (body.asOf && body.asOf > today) throw DomainError.businessRule(`asOf ${body.asOf} is after today (${today})`);
    return this.renewals.run(body.asOf ?? today);
  }

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

  @ApiOkResponse({ type: ContractRenewalListResponse })
  @ApiProblems(404)
  @Get(':id/renewals')
  async renewalsOf(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<ContractRenewalListResponse> {
    return { data: (await this.contracts.renewals(principal, id)).map(toContractRenewalResponse) };
  }
}
