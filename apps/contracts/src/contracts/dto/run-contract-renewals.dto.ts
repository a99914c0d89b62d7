import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '@ar/http';

export class RunContractRenewalsDto {
  @ApiPropertyOptional({ format: 'date', description: 'the day to run for; default today. Not in the future.' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
