import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsCurrencyCode } from './field-validators';

/** An amount in integer minor units of its currency (EUR 12.34 is 1234). */
export class MoneyDto {
  @ApiProperty({ example: 500000, description: 'integer minor units' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;

  @ApiProperty({ example: 'EUR' })
  @IsCurrencyCode()
  currency: string;
}
