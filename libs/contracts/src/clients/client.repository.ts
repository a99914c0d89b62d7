import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { VisibilityScope } from '@ar/auth';
import { Client, ClientStatus } from './client.entity';

export interface ClientFilters {
  accountManagerId?: string;
  status?: ClientStatus;
  externalId?: string;
}

@Injectable()
export class ClientRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Client);
  }

  findById(id: string, manager?: EntityManager): Promise<Client | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Locks the row for the rest of the transaction so concurrent edits serialise. */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<Client | null> {
    return this.repo(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locked in id order, so two writers locking overlapping sets wait for each other instead of deadlocking. */
  findByIdsForUpdate(ids: string[], manager: EntityManager): Promise<Client[]> {
    return this.repo(manager).find({ where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes the status, its source and the risk class of these clients in one statement. */
  async updateCollectionsState(clients: Client[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE contracts.clients c SET status = u.status, status_source = u.status_source, risk_class = u.risk_class, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(id, status, status_source, risk_class)
        WHERE c.id = u.id`,
      [clients.map((c) => c.id), clients.map((c) => c.status), clients.map((c) => c.statusSource), clients.map((c) => c.riskClass)],
    );
  }

  async insert(client: Client, manager: EntityManager): Promise<Client> {
    await this.repo(manager).insert(client);
    return (await this.findById(client.id, manager)) as Client;
  }

  save(client: Client, manager: EntityManager): Promise<Client> {
    return this.repo(manager).save(client);
  }

  /** Keyset page in creation order (uuid v7 ids), limited to the caller's visibility. */
  listVisible(scope: VisibilityScope, filters: ClientFilters, afterId: string | null, limit: number): Promise<Client[]> {
    const qb = this.repo().createQueryBuilder('c').orderBy('c.id', 'ASC').limit(limit);
    if (!scope.all) qb.andWhere('c.account_manager_id = ANY(:managers)', { managers: scope.managerIds });
    if (afterId) qb.andWhere('c.id > :afterId', { afterId });
    if (filters.accountManagerId) qb.andWhere('c.account_manager_id = :am', { am: filters.accountManagerId });
    if (filters.status) qb.andWhere('c.status = :status', { status: filters.status });
    if (filters.externalId) qb.andWhere('c.external_id = :externalId', { externalId: filters.externalId });
    return qb.getMany();
  }
}
