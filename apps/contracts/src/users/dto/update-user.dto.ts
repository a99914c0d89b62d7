import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, IsOptionalNonNull } from '@ar/http';

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null removes the deputy' })
  @IsOptional()
  @IsUUID()
  deputyId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-12-24', nullable: true, description: 'null ends the absence' })
  @IsOptional()
  @IsCalendarDate()
  absentUntil?: string | null;
}
