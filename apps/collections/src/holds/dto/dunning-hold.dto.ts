import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, PageQueryDto } from '@ar/http';

export class PlaceDunningHoldDto {
  @ApiProperty({ format: 'date', example: '2026-05-01', description: 'the first day dunning runs again: after today, within a year' })
  @IsCalendarDate()
  until: string;

  @ApiProperty({ example: 'Credit note for the damaged delivery in preparation' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class ReleaseDunningHoldDto {
  @ApiPropertyOptional({ example: 'Credit note issued' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ListDunningHoldsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  invoiceId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: holds in force today; false: released or run out' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
