import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate } from '@ar/http';
import { DISPUTE_REASON_CODES, DisputeReasonCode } from '@ar/invoicing';

export class DisputeInvoiceDto {
  @ApiProperty({ example: 'Goods arrived damaged' })
  @IsString()
  @Length(1, 1000)
  reason: string;

  @ApiPropertyOptional({ enum: DISPUTE_REASON_CODES, default: 'other' })
  @IsOptional()
  @IsIn(DISPUTE_REASON_CODES)
  reasonCode?: DisputeReasonCode;

  @ApiPropertyOptional({ format: 'uuid', description: "who owns the case; default the client's account manager" })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'when it should be resolved; default in 14 days' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;
}
