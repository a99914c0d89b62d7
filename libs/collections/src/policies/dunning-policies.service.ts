import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { isUniqueViolation } from '@ar/database';
import { DomainError } from '@ar/errors';
import { PolicyLevel } from '../dunning/dunning-level';
import { DunningPolicyLevel } from './dunning-policy-level.entity';
import { DunningPolicy } from './dunning-policy.entity';

@Injectable()
export class DunningPoliciesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<DunningPolicy[]> {
    return this.dataSource.manager.find(DunningPolicy, { relations: { levels: true }, order: { name: 'ASC', levels: { level: 'ASC' } } });
  }

  /** Levels must be numbered 1..n and need strictly more days overdue the higher they are. */
  async create(name: string, levels: PolicyLevel[]): Promise<DunningPolicy> {
    const sorted = [...levels].sort((a, b) => a.level - b.level);
    sorted.forEach((l, i) => {
      if (l.level !== i + 1) throw DomainError.validation('levels must be numbered 1, 2, 3 … without gaps', [{ path: `levels.${i}.level`, message: 'out of sequence' }]);
      if (i > 0 && l.minDaysOverdue <= sorted[i - 1].minDaysOverdue) {
        throw DomainError.validation('each level needs more days overdue than the one before', [{ path: `levels.${i}.minDaysOverdue`, message: 'not increasing' }]);
      }
    });
    const id = uuidv7();
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(DunningPolicy, { id, name });
        await manager.insert(
          DunningPolicyLevel,
          sorted.map((l) => ({ policyId: id, level: l.level, minDaysOverdue: l.minDaysOverdue, action: l.action, feeAmount: l.feeAmount, blockClient: l.blockClient })),
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'dunning_policies_name_key')) throw DomainError.conflict(`A dunning policy named ${name} already exists`);
      throw error;
    }
    return (await this.dataSource.manager.findOne(DunningPolicy, { where: { id }, relations: { levels: true }, order: { levels: { level: 'ASC' } } })) as DunningPolicy;
  }
}
