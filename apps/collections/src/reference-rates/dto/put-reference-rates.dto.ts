import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '@ar/http';

export class RatePointDto {
  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate()
  validFrom: string;

  @ApiProperty({ example: 1.27 })
  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(-100)
  @Max(100)
  percent: number;
}

export class PutReferenceRatesDto {
  @ApiProperty({ type: [RatePointDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RatePointDto)
  rates: RatePointDto[];
}
