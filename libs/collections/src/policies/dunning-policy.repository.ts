import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PolicyLevel } from '../dunning/dunning-level';
import { DunningPolicyLevel } from './dunning-policy-level.entity';
import { DunningPolicy, MinimumAmount } from './dunning-policy.entity';

/** Dunning policies and their levels. */
@Injectable()
export class DunningPolicyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<DunningPolicy[]> {
    return this.dataSource.manager.find(DunningPolicy, { relations: { levels: true }, order: { name: 'ASC', levels: { level: 'ASC' } } });
  }

  findById(id: string): Promise<DunningPolicy | null> {
    return this.dataSource.manager.findOne(DunningPolicy, { where: { id }, relations: { levels: true }, order: { levels: { level: 'ASC' } } });
  }

  /** The policy and its levels in one transaction; a duplicate name fails on dunning_policies_name_key. */
  async insert(id: string, name: string, levels: PolicyLevel[], options: { minimumAmounts: MinimumAmount[]; courtesyDaysBeforeDue: number | null }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(DunningPolicy, { id, name, ...options });
      await manager.insert(
        DunningPolicyLevel,
        levels.map((l) => ({ policyId: id, level: l.level, minDaysOverdue: l.minDaysOverdue, action: l.action, feeAmount: l.feeAmount, blockClient: l.blockClient, letter: l.letter, payWithinDays: l.payWithinDays })),
      );
    });
  }

  /** Every policy's minimum overdue amounts by policy id and currency. */
  async minimumsByPolicy(): Promise<Map<string, Map<string, number>>> {
    const rows: { id: string; minimum_amounts: MinimumAmount[] }[] = await this.dataSource.query(`SELECT id, minimum_amounts FROM collections.dunning_policies`);
    return new Map(rows.map((r) => [r.id, new Map(r.minimum_amounts.map((m) => [m.currency, m.amount]))]));
  }

  /** Every policy's levels by policy id, in level order (policies are few: the sweep reads them all at once). */
  async levelsByPolicy(): Promise<Map<string, PolicyLevel[]>> {
    const rows: { policy_id: string; level: number; min_days_overdue: number; action: PolicyLevel['action']; fee_amount: string; block_client: boolean; letter: PolicyLevel['letter']; pay_within_days: number }[] =
      await this.dataSource.query(
        `SELECT policy_id, level, min_days_overdue, action, fee_amount, block_client, letter, pay_within_days FROM collections.dunning_policy_levels ORDER BY policy_id, level`,
      );
    const levels = new Map<string, PolicyLevel[]>();
    for (const r of rows) {
      const list = levels.get(r.policy_id) ?? [];
      list.push({ level: r.level, minDaysOverdue: r.min_days_overdue, action: r.action, feeAmount: Number(r.fee_amount), blockClient: r.block_client, letter: r.letter, payWithinDays: r.pay_within_days });
      levels.set(r.policy_id, list);
    }
    return levels;
  }
}
