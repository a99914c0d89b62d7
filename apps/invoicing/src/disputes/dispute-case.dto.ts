import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, IsMoneyAmount, PageQueryDto } from '@ar/http';
import { DISPUTE_REASON_CODES, DISPUTE_RESOLUTIONS, DisputeReasonCode, DisputeResolution } from '@ar/invoicing';

export class OpenDisputeCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  invoiceId: string;

  @ApiProperty({ enum: DISPUTE_REASON_CODES, example: 'quality' })
  @IsIn(DISPUTE_REASON_CODES)
  reasonCode: DisputeReasonCode;

  @ApiProperty({ example: 'Goods arrived damaged' })
  @IsString()
  @Length(1, 1000)
  reason: string;

  @ApiPropertyOptional({ format: 'uuid', description: "default the client's account manager" })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'default in 14 days' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;
}

export class DisputeNoteDto {
  @ApiProperty({ example: 'Photos of the damage received; forwarded to logistics' })
  @IsString()
  @Length(1, 2000)
  note: string;
}

export class ResolveDisputeCaseDto {
  @ApiProperty({ enum: DISPUTE_RESOLUTIONS, example: 'credit_note' })
  @IsIn(DISPUTE_RESOLUTIONS)
  resolution: DisputeResolution;

  @ApiPropertyOptional({ description: 'credit_note or write_off: minor units, default what the invoice still owes', example: 20000 })
  @IsOptional()
  @IsMoneyAmount(1)
  amount?: number;

  @ApiPropertyOptional({ example: 'Agreed 20 % off for the damage' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class ApproveDisputeResolutionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class DeclineDisputeResolutionDto {
  @ApiProperty({ example: 'Damage not documented' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class ListDisputeCasesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  invoiceId?: string;
}
