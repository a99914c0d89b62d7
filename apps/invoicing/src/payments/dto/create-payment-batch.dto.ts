import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, ValidateNested } from 'class-validator';
import { CreatePaymentDto } from './create-payment.dto';

export const MAX_BATCH_PAYMENTS = 1000;

export class BatchPaymentDto extends OmitType(CreatePaymentDto, ['externalId'] as const) {
  @ApiProperty({ example: 'bank-2026-04-02-0001', description: 'required in a batch: what makes each item idempotent' })
  @IsString()
  @Length(1, 255)
  externalId: string;
}

export class CreatePaymentBatchDto {
  @ApiProperty({ type: [BatchPaymentDto], maxItems: MAX_BATCH_PAYMENTS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_PAYMENTS)
  @ValidateNested({ each: true })
  @Type(() => BatchPaymentDto)
  payments: BatchPaymentDto[];
}
