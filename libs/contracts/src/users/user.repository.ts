import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(User);
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOneBy({ id });
  }

  async insert(user: User, manager?: EntityManager): Promise<User> {
    await this.repo(manager).insert(user);
    return (await this.findById(user.id, manager)) as User;
  }

  async save(user: User, manager?: EntityManager): Promise<User> {
    return this.repo(manager).save(user);
  }

  /** Keyset page ordered by id (uuid v7, so creation order). */
  listAfter(afterId: string | null, limit: number, onlyId?: string): Promise<User[]> {
    const qb = this.repo().createQueryBuilder('u').orderBy('u.id', 'ASC').limit(limit);
    if (afterId) qb.andWhere('u.id > :afterId', { afterId });
    if (onlyId) qb.andWhere('u.id = :onlyId', { onlyId });
    return qb.getMany();
  }
}
