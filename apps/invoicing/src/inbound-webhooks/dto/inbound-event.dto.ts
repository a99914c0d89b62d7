import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsCurrencyCode } from '@ar/http';

export class PaymentReceivedDataDto {
  @IsString()
  @Length(1, 255)
  externalId: string;

  @IsUUID()
  clientId: string;

  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
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
