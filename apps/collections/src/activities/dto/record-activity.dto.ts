import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { MANUAL_ACTIVITY_KINDS, ManualActivityKind } from '@ar/collections';
import { IsCalendarDate } from '@ar/http';

export class RecordActivityDto {
  @ApiProperty({ enum: MANUAL_ACTIVITY_KINDS, example: 'call' })
  @IsIn(MANUAL_ACTIVITY_KINDS)
  kind: ManualActivityKind;

  @ApiPropertyOptional({ example: 'reached the CFO', description: 'free text, up to 64 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  outcome?: string;

  @ApiProperty({ example: 'Invoice 2026-000123 is approved; payment run on Friday.' })
  @IsString()
  @Length(1, 4000)
  note: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-04-15T09:30:00Z', description: 'when it happened (default now); not in the future' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-04-20', description: 'opens a follow_up task due that day for the author (their deputy if they are away then)' })
  @IsOptional()
  @IsCalendarDate()
  followUpOn?: string;
}
