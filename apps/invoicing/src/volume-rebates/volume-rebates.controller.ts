import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { ApiProblems, Idempotent } from '@ar/http';
import { VolumeRebatesService } from '@ar/invoicing';
import { BusinessCalendar } from '@ar/time';
import { ListVolumeRebatesQuery, RunVolumeRebatesDto } from './volume-rebate.dto';
import { toVolumeRebateResponse, VolumeRebateListResponse, VolumeRebateResponse, VolumeRebateRunResponse } from './volume-rebate.response';

@ApiTags('volume-rebates')
@ApiBearerAuth()
@Idempotent()
@Controller('volume-rebates')
export class VolumeRebatesController {
  constructor(
    private readonly rebates: VolumeRebatesService,
    private readonly calendar: BusinessCalendar,
  ) {}

  @ApiOkResponse({ type: VolumeRebateListResponse })
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListVolumeRebatesQuery): Promise<{ data: VolumeRebateResponse[] }> {
    return { data: (await this.rebates.list(principal, query)).map(toVolumeRebateResponse) };
  }

  /** Settles the periods closed before the day (the collections worker runs this with every sweep). Idempotent. */
  @ApiOkResponse({ type: VolumeRebateRunResponse })
  @ApiProblems(403, 422)
  @Roles('finance', 'admin')
  @Post('runs')
  @HttpCode(200)
  async run(@Body() body: RunVolumeRebatesDto): Promise<VolumeRebateRunResponse> {
    const today = this.calendar.today();
    if (body.asOf && body.asOf > today) throw DomainError.businessRule(`asOf ${body.asOf} is after today (${today})`);
    return this.rebates.settleClosedPeriods(body.asOf ?? today);
  }
}
