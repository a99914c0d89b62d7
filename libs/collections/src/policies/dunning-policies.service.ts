import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { isUniqueViolation } from '@ar/database';
import { DomainError } from '@ar/errors';
import { PolicyLevel } from '../dunning/dunning-level';
import { DunningPolicy, MinimumAmount } from './dunning-policy.entity';
import { DunningPolicyRepository } from './dunning-policy.repository';

export interface PolicyOptions {
  minimumAmounts: MinimumAmount[];
  courtesyDaysBeforeDue: number | null;
}

@Injectable()
export class DunningPoliciesService {
  constructor(private readonly policies: DunningPolicyRepository) {}

  list(): Promise<DunningPolicy[]> {
    return this.policies.list();
  }

  /** Levels must be numbered 1..n (minimum amounts: one per currency) and need strictly more days overdue the higher they are. */
  async create(name: string, levels: PolicyLevel[], options: PolicyOptions = { minimumAmounts: [], courtesyDaysBeforeDue: null }): Promise<DunningPolicy> {
    const { minimumAmounts } = options;
    const currencies = minimumAmounts.map((m) => m.currency);
    if (new Set(currencies).size !== currencies.length) throw DomainError.validation('one minimum amount per currency', [{ path: 'minimumAmounts', message: 'a currency appears twice' }]);
    const sorted = [...levels].sort((a, b) => a.level - b.level);
    sorted.forEach((l, i) => {
      if (l.level !== i + 1) throw DomainError.validation('levels must be numbered 1, 2, 3 … without gaps', [{ path: `levels.${i}.level`, message: 'out of sequence' }]);
      if (i > 0 && l.minDaysOverdue <= sorted[i - 1].minDaysOverdue) {
        throw DomainError.validation('each level needs more days overdue than the one before', [{ path: `levels.${i}.minDaysOverdue`, message: 'not increasing' }]);
      }
    });
    const id = uuidv7();
    try {
      await this.policies.insert(id, name, sorted, options);
    } catch (error) {
      if (isUniqueViolation(error, 'dunning_policies_name_key')) throw DomainError.conflict(`A dunning policy named ${name} already exists`);
      throw error;
    }
    return (await this.policies.findById(id)) as DunningPolicy;
  }
}
