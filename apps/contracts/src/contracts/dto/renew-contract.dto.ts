import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@ar/http';

export class RenewContractDto {
  @ApiProperty({ example: '2027-12-31' })
  @IsCalendarDate()
  endsOn: string;
}
