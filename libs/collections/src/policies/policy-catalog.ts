import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PolicyLevel } from '../dunning/dunning-level';
import { STANDARD_POLICY_ID } from './dunning-policy.entity';

/** All dunning policies with their levels, loaded once per sweep (policies are few). */
export class PolicyCatalog {
  constructor(private readonly levelsByPolicy: Map<string, PolicyLevel[]>) {}

  levels(policyId: string | null): PolicyLevel[] {
    return this.levelsByPolicy.get(policyId ?? STANDARD_POLICY_ID) ?? this.levelsByPolicy.get(STANDARD_POLICY_ID) ?? [];
  }

  level(policyId: string | null, level: number): PolicyLevel | undefined {
    return this.levels(policyId).find((l) => l.level === level);
  }

  /**
   * Every policy's level thresholds as parallel arrays, for SQL that must pick the rows whose level may rise
   * (`unnest($policyIds, $levels, $minDays)`); a policy missing from `policyIds` uses the standard one's.
   */
  thresholds(): { standardPolicyId: string; policyIds: string[]; levels: number[]; minDays: number[] } {
    const entries = [...this.levelsByPolicy].flatMap(([policyId, levels]) => levels.map((l) => ({ policyId, ...l })));
    return {
      standardPolicyId: STANDARD_POLICY_ID,
      policyIds: entries.map((e) => e.policyId),
      levels: entries.map((e) => e.level),
      minDays: entries.map((e) => e.minDaysOverdue),
    };
  }
}

@Injectable()
export class PolicyCatalogLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(): Promise<PolicyCatalog> {
    const rows = await this.dataSource.query(
      `SELECT policy_id, level, min_days_overdue, action, fee_amount, block_client FROM collections.dunning_policy_levels ORDER BY policy_id, level`,
    );
    const map = new Map<string, PolicyLevel[]>();
    for (const r of rows) {
      const list = map.get(r.policy_id) ?? [];
      list.push({ level: r.level, minDaysOverdue: r.min_days_overdue, action: r.action, feeAmount: Number(r.fee_amount), blockClient: r.block_client });
      map.set(r.policy_id, list);
    }
    return new PolicyCatalog(map);
  }
}
