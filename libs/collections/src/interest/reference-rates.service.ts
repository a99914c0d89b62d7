import { Injectable } from '@nestjs/common';
import { DomainError } from '@ar/errors';
import type { RatePoint } from '@ar/claims';
import { RATE_SERIES, RateSeries } from './reference-rate.entity';
import { ReferenceRateRepository } from './reference-rate.repository';

export type RateTable = Record<RateSeries, RatePoint[]>;

@Injectable()
export class ReferenceRatesService {
  constructor(private readonly rates: ReferenceRateRepository) {}

  async table(): Promise<RateTable> {
    const table = Object.fromEntries(RATE_SERIES.map((s) => [s, [] as RatePoint[]])) as RateTable;
    for (const { series, point } of await this.rates.all()) table[series].push(point);
    return table;
  }

  /** Replaces a series' history (admins correct or extend the published table). */
  async replace(series: RateSeries, rates: RatePoint[]): Promise<RatePoint[]> {
    const dates = new Set(rates.map((r) => r.validFrom));
    if (dates.size !== rates.length) throw DomainError.validation('validFrom dates must be unique', [{ path: 'rates', message: 'duplicate validFrom' }]);
    await this.rates.replaceSeries(series, rates);
    return (await this.table())[series];
  }
}
