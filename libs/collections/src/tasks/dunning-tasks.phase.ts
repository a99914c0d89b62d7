import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@ar/config';
import { OutboxWriter } from '@ar/outbox';
import { CalendarDate } from '@ar/time';
import { CollectionsEvents } from '../collections-events';
import { PolicyCatalog } from '../policies/policy-catalog';
import { DunningAction } from '../policies/dunning-policy-level.entity';
import { PlannedTask, planDunningTasks, reconcileDunningTasks } from './dunning-task-plan';
import { LETTER_KIND_OF_ACTION, letterChannel, letterNote } from './dunning-letters';
import { DunningTasksRepository } from './dunning-tasks.repository';
import { TaskRepository } from './task.repository';

/**
 * Turns dunning levels into calls: one task per client, type and level, listing that client's overdue
 * invoices at that level (planned by dunning-task-plan, read and written by the repository). A task already
 * done for the same invoices is not created again.
 */
@Injectable()
export class DunningTasksPhase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: DunningTasksRepository,
    private readonly tasks: TaskRepository,
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
  ) {}

  clientsToReview(asOf: CalendarDate, afterClientId: string | null): Promise<string[]> {
    return this.repository.clientsToReview(asOf, afterClientId);
  }

  /** Plans and reconciles the dunning tasks of a batch of clients (from clientsToReview) in one transaction. */
  async runBatch(
    asOf: CalendarDate,
    clientIds: string[],
    policies: PolicyCatalog,
    persistProgress: (manager: EntityManager, result: { created: number }) => Promise<void>,
  ): Promise<{ created: number }> {
    return this.dataSource.transaction(async (manager) => {
      const groups = await this.repository.overdueGroups(manager, asOf, clientIds);
      const planned = planDunningTasks(groups, policies, asOf, await this.tasks.headOfSalesId(manager));
      const { toUpdate, toCreate } = reconcileDunningTasks(planned, await this.repository.existingTasks(manager, clientIds), uuidv7);
      await this.repository.updateTasks(manager, toUpdate);
      await this.tasks.reassignOpenTasks(new Map(planned.map((t) => [t.clientId, t.assigneeId])), manager);
      const withLetters = toCreate.filter((t) => t.letter !== 'none');
      const reachable = await this.repository.clientsWithBillingEmail(manager, [...new Set(withLetters.map((t) => t.clientId))]);
      const channelOf = (t: PlannedTask) => letterChannel(t.letter, reachable.has(t.clientId), this.config.smtpUrl !== null);
      const inserted = await this.tasks.insertOpen(toCreate.map((t) => ({ ...t, note: letterNote(t.letter, channelOf(t)) })), asOf, manager);
      const created = toCreate.filter((t) => inserted.has(t.id));
      await this.outbox.append(manager, 'collections', [
        ...created.map((t) => ({
          type: CollectionsEvents.TaskCreated,
          aggregateId: t.id,
          data: {
            taskId: t.id, clientId: t.clientId, assigneeId: t.assigneeId, type: t.type, dunningLevel: t.level, invoiceIds: t.invoiceIds,
            amountOverdue: t.amount, currency: t.currency, priority: t.priority, dueOn: asOf,
          },
        })),
        ...created
          .filter((t) => t.letter !== 'none')
          .map((t) => ({
            type: CollectionsEvents.DunningLetterRequested,
            aggregateId: t.id,
            data: { taskId: t.id, clientId: t.clientId, level: t.level, kind: LETTER_KIND_OF_ACTION[t.type as DunningAction], channel: channelOf(t) as 'email' | 'post', invoiceIds: t.invoiceIds, payWithinDays: t.payWithinDays },
          })),
      ]);
      const result = { created: created.length };
      await persistProgress(manager, result);
      return result;
    });
  }

  /** Cancels open dunning tasks none of whose invoices is still owed; reopens snoozed tasks that are due. */
  async closeSettled(asOf: CalendarDate): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await this.repository.reopenSnoozed(manager, asOf);
      const cancelled = await this.repository.cancelSettled(manager);
      await this.outbox.append(
        manager,
        'collections',
        cancelled.map((t) => ({
          type: CollectionsEvents.TaskCancelled,
          aggregateId: t.id,
          data: { taskId: t.id, clientId: t.clientId, type: t.type, dunningLevel: t.level, assigneeId: t.assigneeId, reason: 'invoices settled' },
        })),
      );
      return cancelled.length;
    });
  }
}
