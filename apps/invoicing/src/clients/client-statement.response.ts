import { ApiProperty } from '@nestjs/swagger';

class StatementEntryResponse {
  @ApiProperty({ format: 'date', example: '2026-02-01' }) on: string;
  @ApiProperty({ enum: ['invoice', 'interest_invoice', 'credit_note', 'write_off', 'payment', 'reversal', 'discount'], example: 'payment' }) kind: string;
  @ApiProperty({ description: 'the invoice number, or the payment reference', example: 'RF58 L202 6000 042' }) text: string;
  @ApiProperty({ description: 'minor units', example: 0 }) debit: number;
  @ApiProperty({ description: 'minor units', example: 40000 }) credit: number;
  @ApiProperty({ description: 'running balance, minor units', example: 60000 }) balance: number;
}

export class StatementResponse {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ format: 'date', example: '2026-02-01' }) from: string;
  @ApiProperty({ format: 'date', example: '2026-03-31' }) to: string;
  @ApiProperty({ description: 'owed at the start of from (negative: credit in the client\'s favour)', example: 100000 }) opening: number;
  @ApiProperty({ description: 'opening + debits − credits', example: 89000 }) closing: number;
  @ApiProperty({ example: 90000 }) debits: number;
  @ApiProperty({ example: 101000 }) credits: number;
  @ApiProperty({ type: [StatementEntryResponse] }) entries: StatementEntryResponse[];
}
