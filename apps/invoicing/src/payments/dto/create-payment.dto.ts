import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, IsCurrencyCode, IsMoneyAmount } from '@ar/http';

export class CreatePaymentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ example: 119000, description: 'minor units' })
  @IsMoneyAmount(1)
  amount: number;

  @ApiProperty({ example: 'EUR' })
  @IsCurrencyCode()
  currency: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsCalendarDate()
  receivedOn: string;

  @ApiPropertyOptional({ example: 'Invoice 2026-000123' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reference?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  invoiceId?: string;

  @ApiPropertyOptional({ description: 'the bank or ERP id of the payment; unique per source' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  externalId?: string;
}

