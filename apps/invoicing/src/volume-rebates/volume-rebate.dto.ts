import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '@ar/http';

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
