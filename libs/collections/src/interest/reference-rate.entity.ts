import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { RateSeriesName as RateSeries } from '@ar/claims';
import { decimalColumn } from '@ar/database';

export { RATE_SERIES_NAMES as RATE_SERIES, type RateSeriesName as RateSeries } from '@ar/claims';

/** A published reference rate, valid from a date until the next entry of the same series. */
@Entity({ schema: 'collections', name: 'reference_rates' })
@Check('reference_rates_series_check', `series IN ('de_base', 'ecb_mro', 'ru_key')`)
export class ReferenceRate {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  series: RateSeries;

  @PrimaryColumn({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ type: 'numeric', precision: 7, scale: 4, transformer: decimalColumn })
  percent: number;
}
