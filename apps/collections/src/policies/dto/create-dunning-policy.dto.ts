import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { DUNNING_ACTIONS, DunningAction, LETTER_CHANNELS, LetterChannelChoice } from '@ar/collections';
import { IsCurrencyCode, IsMoneyAmount } from '@ar/http';

export class DunningLevelDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(10)
  level: number;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  @Max(3650)
  minDaysOverdue: number;

  @ApiProperty({ enum: DUNNING_ACTIONS })
  @IsIn(DUNNING_ACTIONS)
  action: DunningAction;

  @ApiPropertyOptional({ example: 500, description: 'minor units, charged once when the level is reached' })
  @IsOptional()
  @IsMoneyAmount()
  feeAmount?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  blockClient?: boolean;

  @ApiPropertyOptional({ enum: LETTER_CHANNELS, default: 'none', description: "the level's letter to the debtor: none, e-mailed to the billing contact, or produced to post" })
  @IsOptional()
  @IsIn(LETTER_CHANNELS)
  letter?: LetterChannelChoice;

  @ApiPropertyOptional({ default: 14, minimum: 1, maximum: 90, description: "days from the letter's date to its pay-by date" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  payWithinDays?: number;
}

export class MinimumAmountDto {
  @ApiProperty({ example: 'EUR' })
  @IsCurrencyCode()
  currency: string;

  @ApiProperty({ description: 'minor units', example: 5000 })
  @IsMoneyAmount(1)
  amount: number;
}

export class CreateDunningPolicyDto {
  @ApiProperty({ example: 'strict' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ type: [DunningLevelDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DunningLevelDto)
  levels: DunningLevelDto[];

  @ApiPropertyOptional({ type: [MinimumAmountDto], description: "per currency, the client's overdue amount below which nothing is dunned; one per currency" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MinimumAmountDto)
  minimumAmounts?: MinimumAmountDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: 30, nullable: true, description: 'level 0: e-mail a courtesy reminder this many days before the due date; default none' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  courtesyDaysBeforeDue?: number;
}
