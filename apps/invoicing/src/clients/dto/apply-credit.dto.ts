import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID } from 'class-validator';
import { IsCurrencyCode } from '@ar/http';

export class ApplyCreditDto {
  @ApiPropertyOptional({ example: 'EUR', description: 'only the credit in this currency; default every currency' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "only to these of the client's open invoices (oldest due date first); default all" })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true })
  invoiceIds?: string[];
}
