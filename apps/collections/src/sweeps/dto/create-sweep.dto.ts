import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '@ar/http';

export class CreateSweepDto {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'business date to sweep; default today in BUSINESS_TZ' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
