import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RatePoint, RateSeriesName, RateTable } from '@ar/claims';

export interface DunningState {
  level: number;
  interestAmount: number;
  /** Fees the dunning levels reached (the statutory flat fee is part of the claim). */
  feeAmount: number;
}

export const NO_DUNNING: DunningState = { level: 0, interestAmount: 0, feeAmount: 0 };

/** Reads what the collections context publishes (`collections.invoice_dunning_v1`, `collections.client_solvency_v1`). */
@Injectable()
export class CollectionsDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async dunningStates(invoiceIds: string[]): Promise<Map<string, DunningState>> {
    if (invoiceIds.length === 0) return new Map();
    const rows = await this.dataSource.query(
      `SELECT invoice_id, level, interest_amount, fee_amount FROM collections.invoice_dunning_v1 WHERE invoice_id = ANY($1::uuid[])`,
      [invoiceIds],
    );
    return new Map(
      rows.map((r: Record<string, string>) => [r.invoice_id, { level: Number(r.level), interestAmount: Number(r.interest_amount), feeAmount: Number(r.fee_amount) }]),
    );
  }

  /** The published reference rates (`collections.reference_rates_v1`), by series, for the claim computation. */
  async referenceRates(): Promise<RateTable> {
    const rows: { series: RateSeriesName; valid_from: string; percent: string }[] = await this.dataSource.query(
      `SELECT series, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, percent FROM collections.reference_rates_v1 ORDER BY series, valid_from`,
    );
    const table: Record<string, RatePoint[]> = {};
    for (const r of rows) (table[r.series] ??= []).push({ validFrom: r.valid_from, percent: Number(r.percent) });
    return table;
  }

  /** The latest solvency decision for a client, or null when it was never assessed. */
  async solvencyDecision(clientId: string): Promise<'ok' | 'watch' | 'hold' | 'block' | null> {
    const rows = await this.dataSource.query(`SELECT decision FROM collections.client_solvency_v1 WHERE client_id = $1`, [clientId]);
    return rows[0]?.decision ?? null;
  }
}
