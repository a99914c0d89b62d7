import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class WaiveInterestDto {
  @ApiProperty({ example: 'Long-standing client; goodwill after the delivery delay' })
  @IsString()
  @Length(1, 1000)
  reason: string;
}
