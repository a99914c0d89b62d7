import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CREDIT_NOTE_REQUEST_STATUSES, CreditNoteRequestStatus } from '@ar/invoicing';
import { PageQueryDto } from '@ar/http';

export class ListCreditNoteRequestsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: CREDIT_NOTE_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(CREDIT_NOTE_REQUEST_STATUSES)
  status?: CreditNoteRequestStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;
}

export class ApproveCreditNoteRequestDto {
  @ApiPropertyOptional({ example: 'Agreed with the client on the phone' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

export class RejectCreditNoteRequestDto {
  @ApiProperty({ example: 'The goods were delivered on time' })
  @IsString()
  @Length(1, 1000)
  reason: string;
}
