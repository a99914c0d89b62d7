import { Injectable } from '@nestjs/common';
import { PolicyLevel } from '../dunning/dunning-level';
import { STANDARD_POLICY_ID } from './dunning-policy.entity';
import { DunningPolicyRepository } from './dunning-policy.repository';

/** All dunning policies with their levels, loaded once per sweep (policies are few). */
export class PolicyCatalog {
  constructor(
    private readonly levelsByPolicy: Map<string, PolicyLevel[]>,
    private readonly minimumsByPolicy: Map<string, Map<string, number>> = new Map(),
  ) {}

  /** The client's overdue amount in the currency below which the policy duns nothing (0: no minimum). */
  minimumAmount(policyId: string | null, currency: string): number {
    const minimums = this.minimumsByPolicy.get(policyId ?? STANDARD_POLICY_ID) ?? this.minimumsByPolicy.get(STANDARD_POLICY_ID);
    return minimums?.get(currency) ?? 0;
  }

  /** Whether any policy sets a minimum (the sweep reads clients' overdue totals only then). */
  hasMinimums(): boolean {
    return [...this.minimumsByPolicy.values()].some((m) => m.size > 0);
  }

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
  constructor(private readonly policies: DunningPolicyRepository) {}

  async load(): Promise<PolicyCatalog> {
    const [levels, minimums] = await Promise.all([this.policies.levelsByPolicy(), this.policies.minimumsByPolicy()]);
    return new PolicyCatalog(levels, minimums);
  }
}
