import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { CONTRACT_STATUSES, ContractStatus } from '@ar/contracts';
import { IsCalendarDate, PageQueryDto } from '@ar/http';

export class ListContractsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: ContractStatus;

  @ApiPropertyOptional({ format: 'date', description: 'contracts ending on or before this date (open-ended ones never)' })
  @IsOptional()
  @IsCalendarDate()
  endsBefore?: string;
}
