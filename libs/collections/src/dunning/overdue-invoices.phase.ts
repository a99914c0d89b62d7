import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarDate } from '@ar/time';
import { PolicyCatalog } from '../policies/policy-catalog';
import { dunningChanges } from './dunning-changes';
import { OverdueCandidates, OverdueInvoicesRepository } from './overdue-invoices.repository';

export interface OverdueBatchResult {
  newlyOverdue: number;
  levelChanges: number;
}

/**
 * Overdue invoices as of a date, in (due date, id) order: list those whose dunning may change, then, batch by
 * batch, apply the dunning rule (dunning-changes) and write what changed with its events, each batch in one
 * transaction. Rows whose level did not change are not written at all. Running a batch twice changes nothing more.
 */
@Injectable()
export class OverdueInvoicesPhase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: OverdueInvoicesRepository,
  ) {}

  candidates(asOf: CalendarDate, after: string | null, policies: PolicyCatalog, limit: number): Promise<OverdueCandidates> {
    return this.repository.candidates(asOf, after, policies, limit);
  }

  /** Applies the dunning rule to a batch of candidates, in one transaction with the sweep's checkpoint. */
  async runBatch(
    asOf: CalendarDate,
    invoiceIds: string[],
    policies: PolicyCatalog,
    sweepId: string,
    persistProgress: (manager: EntityManager, result: OverdueBatchResult) => Promise<void>,
  ): Promise<OverdueBatchResult> {
    return this.dataSource.transaction(async (manager) => {
      const changes = dunningChanges(await this.repository.overdueInvoices(manager, asOf, invoiceIds, policies.hasMinimums()), policies, asOf);
      await this.repository.writeChanges(manager, changes, asOf, sweepId);
      const result = { newlyOverdue: changes.filter((c) => c.isNew).length, levelChanges: changes.filter((c) => c.raised).length };
      // The checkpoint commits with the batch, so a resumed sweep neither repeats nor skips it.
      await persistProgress(manager, result);
      return result;
    });
  }
}
