import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DisputeInvoiceDto {
  @ApiProperty({ example: 'Goods arrived damaged' })
  @IsString()
  @Length(1, 1000)
  reason: string;
}
