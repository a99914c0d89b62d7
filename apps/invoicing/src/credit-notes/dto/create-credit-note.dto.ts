import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { IsMoneyAmount } from '@ar/http';

export class CreateCreditNoteDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  invoiceId: string;

  @ApiProperty({ example: 5000, description: 'minor units of the invoice currency' })
  @IsMoneyAmount(1)
  amount: number;

  @ApiProperty({ example: 'Price reduction for late delivery' })
  @IsString()
  @Length(1, 1000)
  reason: string;
}
