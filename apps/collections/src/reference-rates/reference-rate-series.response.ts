import { ApiProperty } from '@nestjs/swagger';
import { RATE_SERIES } from '@ar/collections';

class RatePointResponse {
  @ApiProperty({ format: 'date', example: '2026-01-01' }) validFrom: string;
  @ApiProperty({ description: 'annual percent', example: 1.27 }) percent: number;
}

/** A reference rate series: each rate applies from its date until the next one. */
export class ReferenceRateSeriesResponse {
  @ApiProperty({ enum: RATE_SERIES, example: 'de_base' }) series: string;
  @ApiProperty({ type: [RatePointResponse] }) rates: RatePointResponse[];
}
