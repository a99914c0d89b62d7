import { ApiProperty } from '@nestjs/swagger';
import { IsCurrencyCode, IsMoneyAmount } from './field-validators';

/** An amount in integer minor units of its currency (EUR 12.34 is 1234). */
export class MoneyDto {
  @ApiProperty({ example: 500000, description: 'integer minor units' })
  @IsMoneyAmount()
  amount: number;

  @ApiProperty({ example: 'EUR' })
  @IsCurrencyCode()
  currency: string;
}
