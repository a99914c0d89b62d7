import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RatePoint } from '@ar/claims';
import { RateSeries } from './reference-rate.entity';

/** The published reference rates, one dated row per series and change. */
@Injectable()
export class ReferenceRateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(): Promise<{ series: RateSeries; point: RatePoint }[]> {
    const rows: { series: RateSeries; valid_from: string; percent: string }[] = await this.dataSource.query(
      `SELECT series, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, percent FROM collections.reference_rates ORDER BY series, valid_from`,
    );
    return rows.map((r) => ({ series: r.series, point: { validFrom: r.valid_from, percent: Number(r.percent) } }));
  }

  /** Replaces a series' rows in one transaction. */
  async replaceSeries(series: RateSeries, rates: RatePoint[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM collections.reference_rates WHERE series = $1`, [series]);
      await manager.query(
        `INSERT INTO collections.reference_rates (series, valid_from, percent) SELECT $1, * FROM unnest($2::date[], $3::numeric[])`,
        [series, rates.map((r) => r.validFrom), rates.map((r) => r.percent)],
      );
    });
  }
}
