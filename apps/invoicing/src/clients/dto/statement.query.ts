import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate, IsCurrencyCode } from '@ar/http';

export class StatementQuery {
  @ApiProperty({ example: '2026-01-01', description: 'first day' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-03-31', description: 'last day (not after today)' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ example: 'EUR', description: "default: the currency of the client's latest invoice" })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;
}
