import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@ar/errors';
import type { RatePoint } from '@ar/claims';
import { RATE_SERIES, RateSeries } from './reference-rate.entity';

export type RateTable = Record<RateSeries, RatePoint[]>;

@Injectable()
export class ReferenceRatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async table(): Promise<RateTable> {
    const rows = await this.dataSource.query(`SELECT series, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, percent FROM collections.reference_rates ORDER BY series, valid_from`);
    const table = Object.fromEntries(RATE_SERIES.map((s) => [s, [] as RatePoint[]])) as RateTable;
    for (const r of rows) table[r.series as RateSeries].push({ validFrom: r.valid_from, percent: Number(r.percent) });
    return table;
  }

  /** Replaces a series' history (admins correct or extend the published table). */
  async replace(series: RateSeries, rates: RatePoint[]): Promise<RatePoint[]> {
    const dates = new Set(rates.map((r) => r.validFrom));
    if (dates.size !== rates.length) throw DomainError.validation('validFrom dates must be unique', [{ path: 'rates', message: 'duplicate validFrom' }]);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM collections.reference_rates WHERE series = $1`, [series]);
      await manager.query(
        `INSERT INTO collections.reference_rates (series, valid_from, percent) SELECT $1, * FROM unnest($2::date[], $3::numeric[])`,
        [series, rates.map((r) => r.validFrom), rates.map((r) => r.percent)],
      );
    });
    return (await this.table())[series];
  }
}
