import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsMoneyAmount } from '@ar/http';

export class InvoiceLineDto {
  @ApiProperty({ example: 'Consulting, November' })
  @IsString()
  @Length(1, 500)
  description: string;

  @ApiProperty({ example: 1.5, description: 'up to 4 decimal places' })
  @IsNumber({ maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false })
  @Min(0.0001)
  @Max(1_000_000_000)
  quantity: number;

  @ApiProperty({ example: 12000, description: 'minor units per unit' })
  @IsMoneyAmount()
  unitPrice: number;

  @ApiPropertyOptional({ example: 19, default: 0 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0)
  @Max(100)
  taxRatePercent?: number;
}

export class CreateInvoiceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contractId: string;

  @ApiProperty({ example: '2026-11-01' })
  @IsCalendarDate()
  issueDate: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'defaults to issueDate + the contract payment term' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional({ example: '2026-000123', description: 'generated per year when omitted; unique per client' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  number?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 255)
  externalId?: string;

  @ApiProperty({ type: [InvoiceLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineDto)
  lines: InvoiceLineDto[];
}
