import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsCurrencyCode, IsMoneyAmount } from '@ar/http';

export class PaymentReceivedDataDto {
  @IsString()
  @Length(1, 255)
  externalId: string;

  @IsUUID()
  clientId: string;

  @IsMoneyAmount(1)
  amount: number;

  @IsCurrencyCode()
  currency: string;

  @IsCalendarDate()
  receivedOn: string;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  reference?: string;

  @IsOptional()
  @IsUUID()
  invoiceId?: string;
}

export class PaymentReversedDataDto {
  @IsString()
  @Length(1, 255)
  externalId: string;
}

export class PaymentReceivedEventDto {
  @IsIn(['payment.received'])
  type: 'payment.received';

  @IsObject()
  @ValidateNested()
  @Type(() => PaymentReceivedDataDto)
  data: PaymentReceivedDataDto;
}

export class PaymentReversedEventDto {
  @IsIn(['payment.reversed'])
  type: 'payment.reversed';

  @IsObject()
  @ValidateNested()
  @Type(() => PaymentReversedDataDto)
  data: PaymentReversedDataDto;
}

export const INBOUND_EVENT_DTOS = {
  'payment.received': PaymentReceivedEventDto,
  'payment.reversed': PaymentReversedEventDto,
} as const;
