import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { InstalmentPlansService } from '@ar/collections';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { CancelInstalmentPlanDto, CreateInstalmentPlanDto, ListInstalmentPlansQuery } from './dto/instalment-plan.dto';
import { InstalmentPlanResponse, toInstalmentPlanResponse } from './instalment-plan.response';

/** Instalment plans agreed with a client (anyone who sees the client), with their progress. */
@ApiTags('instalment plans')
@ApiBearerAuth()
@Idempotent()
@Controller()
export class InstalmentPlansController {
  constructor(private readonly plans: InstalmentPlansService) {}

  @ApiCreatedResponse({ type: InstalmentPlanResponse })
  @ApiProblems(404, 409, 422)
  @Post('clients/:clientId/instalment-plans')
  async create(@CurrentPrincipal() principal: Principal, @Param('clientId', UuidParam) clientId: string, @Body() body: CreateInstalmentPlanDto) {
    return toInstalmentPlanResponse(await this.plans.create(principal, clientId, body));
  }

  @ApiPageResponse(InstalmentPlanResponse)
  @ApiProblems(404)
  @Get('clients/:clientId/instalment-plans')
  async list(@CurrentPrincipal() principal: Principal, @Param('clientId', UuidParam) clientId: string, @Query() query: ListInstalmentPlansQuery) {
    const page = await this.plans.list(principal, clientId, query.status, query.limit, query.cursor);
    return { data: page.data.map(toInstalmentPlanResponse), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: InstalmentPlanResponse })
  @ApiProblems(404)
  @Get('instalment-plans/:id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return toInstalmentPlanResponse(await this.plans.get(principal, id));
  }

  @ApiOkResponse({ type: InstalmentPlanResponse })
  @ApiProblems(404, 409)
  @Post('instalment-plans/:id/cancel')
  @HttpCode(200)
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: CancelInstalmentPlanDto) {
    return toInstalmentPlanResponse(await this.plans.cancel(principal, id, body.reason));
  }
}
