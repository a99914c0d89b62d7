import { Injectable } from '@nestjs/common';
import { PolicyLevel } from '../dunning/dunning-level';
import { STANDARD_POLICY_ID } from './dunning-policy.entity';
import { DunningPolicyRepository } from './dunning-policy.repository';

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
  constructor(private readonly policies: DunningPolicyRepository) {}

  async load(): Promise<PolicyCatalog> {
    return new PolicyCatalog(await this.policies.levelsByPolicy());
  }
}
