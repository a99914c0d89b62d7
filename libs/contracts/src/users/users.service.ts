import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Principal, Role } from '@ar/auth';
import { isUniqueViolation } from '@ar/database';
import { DomainError } from '@ar/errors';
import { decodeIdCursor, Page, toPage } from '@ar/pagination';
import { User } from './user.entity';
import { UserRepository } from './user.repository';

export interface CreateUserCommand {
  name: string;
  email: string;
  role: Role;
  deputyId?: string | null;
  absentUntil?: string | null;
}

export interface UpdateUserCommand {
  name?: string;
  deputyId?: string | null;
  absentUntil?: string | null;
}

const USER_MANAGERS: Role[] = ['admin', 'head_of_sales'];

@Injectable()
export class UsersService {
  constructor(private readonly users: UserRepository) {}

  async create(command: CreateUserCommand): Promise<User> {
    const id = uuidv7();
    if (command.deputyId) await this.requireDeputy(command.deputyId, id);
    const user = Object.assign(new User(), {
      id,
      name: command.name.trim(),
      email: command.email.trim().toLowerCase(),
      role: command.role,
      deputyId: command.deputyId ?? null,
      absentUntil: command.absentUntil ?? null,
    });
    try {
      return await this.users.insert(user);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw DomainError.conflict(`A user with email ${user.email} already exists`);
      throw error;
    }
  }

  /** Managers of users see everyone; other roles see only themselves (others answer 404). */
  async get(principal: Principal, id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user || !this.canRead(principal, user.id)) throw DomainError.notFound('User', id);
    return user;
  }

  async list(principal: Principal, limit: number, cursor?: string): Promise<Page<User>> {
    const onlySelf = this.canReadEveryone(principal) ? undefined : principal.userId;
    const rows = await this.users.listAfter(decodeIdCursor(cursor), limit + 1, onlySelf);
    return toPage(rows, limit, (u) => [u.id], (u) => u);
  }

  /** Admins and heads of sales manage absences and deputies; anyone may set their own. */
  async update(principal: Principal, id: string, command: UpdateUserCommand): Promise<User> {
    const user = await this.users.findById(id);
    const mayEdit = user && (USER_MANAGERS.includes(principal.role) || principal.userId === user.id);
    if (!user || !mayEdit) throw DomainError.notFound('User', id);
    if (command.deputyId) await this.requireDeputy(command.deputyId, user.id);
    if (command.name !== undefined) user.name = command.name.trim();
    if (command.deputyId !== undefined) user.deputyId = command.deputyId;
    if (command.absentUntil !== undefined) user.absentUntil = command.absentUntil;
    return this.users.save(user);
  }

  private async requireDeputy(deputyId: string, userId: string): Promise<void> {
    if (deputyId === userId) throw DomainError.businessRule('A user cannot be their own deputy');
    const deputy = await this.users.findById(deputyId);
    if (!deputy) throw DomainError.businessRule(`Deputy ${deputyId} does not exist`);
  }

  private canReadEveryone(principal: Principal): boolean {
    return principal.role !== 'account_manager';
  }

  private canRead(principal: Principal, userId: string): boolean {
    return this.canReadEveryone(principal) || principal.userId === userId;
  }
}
