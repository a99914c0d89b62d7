import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { LATE_INTEREST_RULES, LateInterestRule } from '@ar/contracts';
import { MAX_AMOUNT, VOLUME_PERIODS, VOLUME_SETTLEMENTS, VolumeDiscountTerms } from '@ar/money';
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

export class VolumeTierDto {
  @ApiProperty({ example: 1_000_000, description: 'net invoiced in the period (minor units) from which the tier applies' })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT)
  from: number;

  @ApiProperty({ example: 2, description: 'percent off the part of the volume in this tier' })
  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0.0001)
  @Max(99.9999)
  percent: number;
}

export class VolumeDiscountDto implements VolumeDiscountTerms {
  @ApiProperty({ enum: VOLUME_PERIODS, description: 'the volume counts per calendar year, or per contract year from startsOn' })
  @IsIn(VOLUME_PERIODS)
  period: VolumeDiscountTerms['period'];

  @ApiProperty({ enum: VOLUME_SETTLEMENTS, description: 'a discount line on each invoice, or a credit note once the year closes' })
  @IsIn(VOLUME_SETTLEMENTS)
  settlement: VolumeDiscountTerms['settlement'];

  @ApiProperty({ type: [VolumeTierDto], description: 'ascending by from' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => VolumeTierDto)
  tiers: VolumeTierDto[];
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

  @ApiPropertyOptional({ default: 12, minimum: 1, maximum: 120, description: 'months an automatic renewal adds from the end date' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  renewalTermMonths?: number;

  @ApiPropertyOptional({ default: 60, minimum: 0, maximum: 365, description: "days before endsOn the client's manager gets a contract_renewal task" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  renewalNoticeDays?: number;

  @ApiPropertyOptional({ type: VolumeDiscountDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => VolumeDiscountDto)
  volumeDiscount?: VolumeDiscountDto | null;

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
