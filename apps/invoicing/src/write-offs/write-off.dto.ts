import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsMoneyAmount } from '@ar/http';

export class WriteOffDto {
  @ApiPropertyOptional({ description: 'minor units; default: everything still owed', example: 119000 })
  @IsOptional()
  @IsMoneyAmount(1)
  amount?: number;

  @ApiProperty({ example: 'Debtor insolvent, no assets' })
  @IsString()
  @Length(1, 1000)
  reason: string;
}
