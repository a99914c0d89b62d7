import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { DunningHoldsService } from '@ar/collections';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { BusinessCalendar } from '@ar/time';
import { ListDunningHoldsQuery, PlaceDunningHoldDto, ReleaseDunningHoldDto } from './dto/dunning-hold.dto';
import { DunningHoldResponse, toDunningHoldResponse } from './dunning-hold.response';

/** Holding dunning of a client or one invoice until a date (account managers for their clients, finance, admin). */
@ApiTags('dunning holds')
@ApiBearerAuth()
@Idempotent()
@Controller()
export class DunningHoldsController {
  constructor(
    private readonly holds: DunningHoldsService,
    private readonly calendar: BusinessCalendar,
  ) {}

  @ApiCreatedResponse({ type: DunningHoldResponse })
  @ApiProblems(403, 404, 422)
  @Post('clients/:clientId/dunning-holds')
  async holdClient(@CurrentPrincipal() principal: Principal, @Param('clientId', UuidParam) clientId: string, @Body() body: PlaceDunningHoldDto) {
    return this.toResponse(await this.holds.holdClient(principal, clientId, body));
  }

  @ApiCreatedResponse({ type: DunningHoldResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post('invoices/:invoiceId/dunning-holds')
  async holdInvoice(@CurrentPrincipal() principal: Principal, @Param('invoiceId', UuidParam) invoiceId: string, @Body() body: PlaceDunningHoldDto) {
    return this.toResponse(await this.holds.holdInvoice(principal, invoiceId, body));
  }

  @ApiPageResponse(DunningHoldResponse)
  @Get('dunning-holds')
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListDunningHoldsQuery) {
    const { limit, cursor, ...filters } = query;
    const page = await this.holds.list(principal, filters, limit, cursor);
    return { data: page.data.map((h) => this.toResponse(h)), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: DunningHoldResponse })
  @ApiProblems(404)
  @Get('dunning-holds/:id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return this.toResponse(await this.holds.get(principal, id));
  }

  @ApiOkResponse({ type: DunningHoldResponse })
  @ApiProblems(403, 404, 409)
  @Post('dunning-holds/:id/release')
  @HttpCode(200)
  async release(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: ReleaseDunningHoldDto) {
    return this.toResponse(await this.holds.release(principal, id, body.reason));
  }

  private toResponse(hold: Parameters<typeof toDunningHoldResponse>[0]) {
    return toDunningHoldResponse(hold, this.calendar.today());
  }
}
