import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsCurrencyCode, IsMoneyAmount } from '@ar/http';

export class PaymentReceivedDataDto {
  @ApiProperty({ description: 'the sender\'s payment id; a payment is recorded once per integration and externalId', example: 'bank-tx-88123' })
  @IsString()
  @Length(1, 255)
  externalId: string;

  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ description: 'minor units', example: 119000 })
  @IsMoneyAmount(1)
  amount: number;

  @ApiProperty({ example: 'EUR' })
  @IsCurrencyCode()
  currency: string;

  @ApiProperty({ format: 'date', example: '2026-04-02' })
  @IsCalendarDate()
  receivedOn: string;

  @ApiPropertyOptional({ example: 'INV-2026-000123' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reference?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'apply to this invoice first' })
  @IsOptional()
  @IsUUID()
  invoiceId?: string;
}

export class PaymentReversedDataDto {
  @ApiProperty({ description: 'the externalId of the payment to reverse', example: 'bank-tx-88123' })
  @IsString()
  @Length(1, 255)
  externalId: string;
}

export class PaymentReceivedEventDto {
  @ApiProperty({ enum: ['payment.received'] })
  @IsIn(['payment.received'])
  type: 'payment.received';

  @IsObject()
  @ValidateNested()
  @ApiProperty({ type: PaymentReceivedDataDto })
  @Type(() => PaymentReceivedDataDto)
  data: PaymentReceivedDataDto;
}

export class PaymentReversedEventDto {
  @ApiProperty({ enum: ['payment.reversed'] })
  @IsIn(['payment.reversed'])
  type: 'payment.reversed';

  @IsObject()
  @ValidateNested()
  @ApiProperty({ type: PaymentReversedDataDto })
  @Type(() => PaymentReversedDataDto)
  data: PaymentReversedDataDto;
}

export const INBOUND_EVENT_DTOS = {
  'payment.received': PaymentReceivedEventDto,
  'payment.reversed': PaymentReversedEventDto,
} as const;
