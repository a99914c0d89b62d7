import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { VisibilityScope } from '@ar/auth';
import { Contract, ContractStatus } from './contract.entity';
import { ContractRenewal } from './contract-renewal.entity';

export interface ContractFilters {
  clientId?: string;
  status?: ContractStatus;
  /** Contracts ending on or before this date (open-ended ones never). */
  endsBefore?: string;
}

@Injectable()
export class ContractRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Contract);
  }

  /** The contract together with its client's manager, for the visibility check. */
  async findWithManager(id: string, manager?: EntityManager, lock = false): Promise<{ contract: Contract; accountManagerId: string | null } | null> {
    const contract = await this.repo(manager).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!contract) return null;
    const rows: { account_manager_id: string | null }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT account_manager_id FROM contracts.clients WHERE id = $1`,
      [contract.clientId],
    );
    return { contract, accountManagerId: rows[0]?.account_manager_id ?? null };
  }

  async insert(contract: Contract, manager: EntityManager): Promise<Contract> {
    await this.repo(manager).insert(contract);
    return (await this.repo(manager).findOneBy({ id: contract.id })) as Contract;
  }

  save(contract: Contract, manager: EntityManager): Promise<Contract> {
    return this.repo(manager).save(contract);
  }

  listVisible(scope: VisibilityScope, filters: ContractFilters, afterId: string | null, limit: number): Promise<Contract[]> {
    const qb = this.repo().createQueryBuilder('k').orderBy('k.id', 'ASC').limit(limit);
    if (!scope.all) {
      qb.innerJoin('k.client', 'c').andWhere('c.account_manager_id = ANY(:managers)', { managers: scope.managerIds });
    }
    if (afterId) qb.andWhere('k.id > :afterId', { afterId });
    if (filters.clientId) qb.andWhere('k.client_id = :clientId', { clientId: filters.clientId });
    if (filters.status) qb.andWhere('k.status = :status', { status: filters.status });
    if (filters.endsBefore) qb.andWhere('k.ends_on <= :endsBefore', { endsBefore: filters.endsBefore });
    return qb.getMany();
  }

  async insertRenewal(renewal: Omit<ContractRenewal, 'createdAt' | 'contract'>, manager: EntityManager): Promise<void> {
    await manager.insert(ContractRenewal, renewal);
  }

  renewals(contractId: string): Promise<ContractRenewal[]> {
    return this.dataSource.manager.find(ContractRenewal, { where: { contractId }, order: { previousEndsOn: 'DESC' } });
  }
}
