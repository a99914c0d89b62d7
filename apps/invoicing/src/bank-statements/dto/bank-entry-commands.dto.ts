import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { BANK_ENTRY_STATUSES, BankEntryStatus } from '@ar/invoicing';
import { PageQueryDto } from '@ar/http';

export class ListBankEntriesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: BANK_ENTRY_STATUSES, example: 'unmatched' })
  @IsOptional()
  @IsIn(BANK_ENTRY_STATUSES)
  status?: BankEntryStatus;
}

export class ApplyBankEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "settle these of the client's invoices, oldest due first; default: its open invoices" })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  invoiceIds?: string[];
}

export class IgnoreBankEntryDto {
  @ApiProperty({ example: 'Refund from our insurer, not a customer payment' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
