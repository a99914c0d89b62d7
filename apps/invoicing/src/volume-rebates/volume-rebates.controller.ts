import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { ApiProblems, IsCalendarDate } from '@ar/http';
import { VolumeRebate, VolumeRebatesService } from '@ar/invoicing';
import { BusinessCalendar } from '@ar/time';

export class ListVolumeRebatesQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contractId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;
}

export class RunVolumeRebatesDto {
  @ApiPropertyOptional({ format: 'date', description: 'the day to run for; default today. Not in the future.' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class VolumeRebateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ format: 'date', example: '2026-01-01' }) periodFrom: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) periodTo: string;
  @ApiProperty({ description: 'net invoiced in the period before volume discounts, minor units' }) volume: number;
  @ApiProperty({ description: "the tiers' discount on that volume (net), minor units" }) rebateNet: number;
  @ApiProperty({ description: "with the period's tax: what is credited, minor units" }) rebate: number;
  @ApiProperty({ description: 'credited on open invoices, minor units' }) credited: number;
  @ApiProperty({ description: 'owed to the client: no open invoice could take it, minor units' }) remaining: number;
  @ApiProperty({ type: [String], format: 'uuid' }) creditNoteIds: string[];
  @ApiProperty({ format: 'date' }) settledOn: string;
}

const toResponse = (r: VolumeRebate): VolumeRebateResponse => ({
  id: r.id, contractId: r.contractId, clientId: r.clientId, currency: r.currency, periodFrom: r.periodFrom, periodTo: r.periodTo, volume: r.volume,
  rebateNet: r.rebateNet, rebate: r.rebate, credited: r.credited, remaining: r.remaining, creditNoteIds: r.creditNoteIds, settledOn: r.settledOn,
});

@ApiTags('volume-rebates')
@ApiBearerAuth()
@Controller('volume-rebates')
export class VolumeRebatesController {
  constructor(
    private readonly rebates: VolumeRebatesService,
    private readonly calendar: BusinessCalendar,
  ) {}

  @ApiOkResponse({ type: [VolumeRebateResponse] })
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListVolumeRebatesQuery): Promise<{ data: VolumeRebateResponse[] }> {
    return { data: (await this.rebates.list(principal, query)).map(toResponse) };
  }

  /** Settles the periods closed before the day (the collections worker runs this with every sweep). Idempotent. */
  @ApiOkResponse({ description: '{asOf, settled}' })
  @ApiProblems(403, 422)
  @Roles('finance', 'admin')
  @Post('runs')
  @HttpCode(200)
  async run(@Body() body: RunVolumeRebatesDto): Promise<{ asOf: string; settled: number }> {
    const today = this.calendar.today();
    if (body.asOf && body.asOf > today) throw DomainError.businessRule(`asOf ${body.asOf} is after today (${today})`);
    return this.rebates.settleClosedPeriods(body.asOf ?? today);
  }
}
