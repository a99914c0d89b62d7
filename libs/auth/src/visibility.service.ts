import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessCalendar } from '@ar/time';
import { Principal } from './principal';

/** Whose clients the caller may see: everyone's, or only those of the listed account managers. */
export type VisibilityScope = { readonly all: true } | { readonly all: false; readonly managerIds: readonly string[] };

export function canSeeManager(scope: VisibilityScope, managerId: string | null): boolean {
  return scope.all || (managerId !== null && scope.managerIds.includes(managerId));
}

/**
 * A SQL condition limiting a client id column to the scope's clients (through the contracts context's
 * `contracts.client_directory_v1` view), and its parameter; `placeholder` is `$n::uuid[]` or `:name`.
 */
export function clientScopeCondition(scope: VisibilityScope, clientIdColumn: string, placeholder: string): { sql: string; params: unknown[] } {
  if (scope.all) return { sql: 'true', params: [] };
  return { sql: managedClientsCondition(clientIdColumn, placeholder), params: [scope.managerIds] };
}

/** A SQL condition limiting a client id column to the clients of the managers in `managersPlaceholder` (a uuid[]). */
export function managedClientsCondition(clientIdColumn: string, managersPlaceholder: string): string {
  return `${clientIdColumn} IN (SELECT id FROM contracts.client_directory_v1 WHERE account_manager_id = ANY(${managersPlaceholder}))`;
}

/**
 * An account manager sees their own clients and those of every manager they currently deputise for
 * (the manager is absent until today or later). Reads the contracts context's published
 * `contracts.user_directory_v1` view, never its tables.
 */
@Injectable()
export class VisibilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: BusinessCalendar,
  ) {}

  async scopeFor(principal: Principal): Promise<VisibilityScope> {
    if (principal.role !== 'account_manager') return { all: true };
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM contracts.user_directory_v1 WHERE deputy_id = $1 AND absent_until >= $2::date`,
      [principal.userId, this.calendar.today()],
    );
    return { all: false, managerIds: [principal.userId, ...rows.map((r) => r.id)] };
  }

  /** Whether the client exists and the caller may see it (callers answer 404 otherwise). */
  async principalCanSeeClient(principal: Principal, clientId: string, manager?: EntityManager): Promise<boolean> {
    return this.canSeeClient(await this.scopeFor(principal), clientId, manager);
  }

  /** Whether the client exists and the scope may see it (callers answer 404 otherwise). */
  async canSeeClient(scope: VisibilityScope, clientId: string, manager?: EntityManager): Promise<boolean> {
    const rows: { account_manager_id: string | null }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT account_manager_id FROM contracts.client_directory_v1 WHERE id = $1`,
      [clientId],
    );
    return rows.length > 0 && canSeeManager(scope, rows[0].account_manager_id);
  }
}
