import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateIntegrationDto {
  @ApiProperty({ example: 'DATEV bank connector' })
  @IsString()
  @Length(1, 200)
  name: string;
}
