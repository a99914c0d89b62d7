import { ApiProperty } from '@nestjs/swagger';

/** What a client owes in one currency today (minor units). */
export class CurrencyBalanceResponse {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'open balance of its invoices', example: 238000 }) open: number;
  @ApiProperty({ description: 'of which past due', example: 119000 }) overdue: number;
  @ApiProperty({ description: 'payments not yet applied to an invoice', example: 0 }) unappliedCredit: number;
}
