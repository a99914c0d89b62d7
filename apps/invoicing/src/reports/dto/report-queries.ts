import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from '@ar/http';
import { PERIOD_GROUPS, type AgingGroupBy, type PeriodGroupBy } from '@ar/invoicing';

export class AgingQuery {
  @ApiPropertyOptional({ example: '2026-12-31', description: 'default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: ['none', 'client', 'manager'], default: 'none' })
  @IsOptional()
  @IsIn(['none', 'client', 'manager'])
  groupBy?: AgingGroupBy;
}

export class DsoQuery {
  @ApiProperty({ example: '2026-10-01' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsCalendarDate()
  to: string;
}

export class CollectionPlanQuery {
  @ApiProperty({ example: '2026-04', description: 'YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;

  @ApiPropertyOptional({ enum: ['manager', 'client'], default: 'manager' })
  @IsOptional()
  @IsIn(['manager', 'client'])
  groupBy?: 'manager' | 'client';
}

export class PeriodReportQuery {
  @ApiProperty({ example: '2026-01-01', description: 'first day of the period' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-03-31', description: 'last day of the period' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ enum: PERIOD_GROUPS, default: 'none' })
  @IsOptional()
  @IsIn(PERIOD_GROUPS)
  groupBy?: PeriodGroupBy;
}
