import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { ApiProblems, Idempotent, IsCalendarDate } from '@ar/http';
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
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-00000000f001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000c01' }) contractId: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ format: 'date', example: '2026-01-01' }) periodFrom: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) periodTo: string;
  @ApiProperty({ description: 'net invoiced in the period before volume discounts, minor units', example: 1700000 }) volume: number;
  @ApiProperty({ description: "the tiers' discount on that volume (net), minor units", example: 14000 }) rebateNet: number;
  @ApiProperty({ description: "with the period's tax: what is credited, minor units", example: 16660 }) rebate: number;
  @ApiProperty({ description: 'credited on open invoices, minor units', example: 16660 }) credited: number;
  @ApiProperty({ description: 'owed to the client: no open invoice could take it, minor units', example: 0 }) remaining: number;
  @ApiProperty({ type: [String], format: 'uuid', example: ['0190a000-0000-7000-8000-00000000f101'] }) creditNoteIds: string[];
  @ApiProperty({ format: 'date', example: '2027-01-02' }) settledOn: string;
}

export class VolumeRebateListResponse {
  @ApiProperty({ type: [VolumeRebateResponse] }) data: VolumeRebateResponse[];
}

export class VolumeRebateRunResponse {
  @ApiProperty({ format: 'date', example: '2027-01-02' }) asOf: string;
  @ApiProperty({ description: 'contracts whose closed period was settled now', example: 2 }) settled: number;
}

const toResponse = (r: VolumeRebate): VolumeRebateResponse => ({
  id: r.id, contractId: r.contractId, clientId: r.clientId, currency: r.currency, periodFrom: r.periodFrom, periodTo: r.periodTo, volume: r.volume,
  rebateNet: r.rebateNet, rebate: r.rebate, credited: r.credited, remaining: r.remaining, creditNoteIds: r.creditNoteIds, settledOn: r.settledOn,
});

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
    return { data: (await this.rebates.list(principal, query)).map(toResponse) };
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
