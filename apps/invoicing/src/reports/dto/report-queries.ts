import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '@ar/http';
import type { AgingGroupBy } from '@ar/invoicing';

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
