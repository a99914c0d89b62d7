import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canSeeManager, VisibilityScope } from '@ar/auth';

/** Reads clients through the contracts context's published `contracts.client_directory_v1` view. */
@Injectable()
export class ClientDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the client exists and the scope may see it (callers answer 404 otherwise). */
  async isVisible(scope: VisibilityScope, clientId: string, manager?: EntityManager): Promise<boolean> {
    const rows: { account_manager_id: string | null }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT account_manager_id FROM contracts.client_directory_v1 WHERE id = $1`,
      [clientId],
    );
    return rows.length > 0 && canSeeManager(scope, rows[0].account_manager_id);
  }
}
