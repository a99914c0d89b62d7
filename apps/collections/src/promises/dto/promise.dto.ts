import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PROMISE_STATUSES, PromiseStatus } from '@ar/collections';
import { PageQueryDto } from '@ar/http';

export class ListPromisesQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ enum: PROMISE_STATUSES })
  @IsOptional()
  @IsIn(PROMISE_STATUSES)
  status?: PromiseStatus;
}

export class CancelPromiseDto {
  @ApiProperty({ example: 'Recorded for the wrong client' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
