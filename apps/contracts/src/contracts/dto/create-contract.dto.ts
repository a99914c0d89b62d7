import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { LATE_INTEREST_RULES, LateInterestRule } from '@ar/contracts';
import { IsCalendarDate, IsCurrencyCode } from '@ar/http';

export class LateInterestDto {
  @ApiProperty({ enum: LATE_INTEREST_RULES })
  @IsIn(LATE_INTEREST_RULES)
  rule: LateInterestRule;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'required for rule "fixed" only', example: 8.5 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0)
  @Max(100)
  annualRatePercent?: number | null;
}

export class CashDiscountDto {
  @ApiProperty({ example: 2, description: 'Skonto percent' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(99.99)
  percent: number;

  @ApiProperty({ example: 10, description: 'days after issue within which the discount applies' })
  @IsInt()
  @Min(0)
  @Max(365)
  days: number;
}

export class CreateContractDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ example: 'K-2026-001', description: 'unique per client' })
  @IsString()
  @Length(1, 64)
  number: string;

  @ApiProperty({ example: 'EUR' })
  @IsCurrencyCode()
  currency: string;

  @ApiProperty({ minimum: 0, maximum: 365, example: 30 })
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermDays: number;

  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate()
  startsOn: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  autoRenew?: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  dunningPolicyId?: string | null;

  @ApiPropertyOptional({ type: LateInterestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LateInterestDto)
  lateInterest?: LateInterestDto | null;

  @ApiPropertyOptional({ type: CashDiscountDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CashDiscountDto)
  cashDiscount?: CashDiscountDto | null;
}
