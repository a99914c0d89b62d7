import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { clientScopeCondition, Principal, VisibilityScope, VisibilityService } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { decodeCursor, Page, toPage } from '@ar/http';
import { OutboxWriter } from '@ar/outbox';
import { BusinessCalendar } from '@ar/time';
import { CollectionsEvents } from '../collections-events';
import { PromiseToPay } from '../promises/promise-to-pay.entity';
import { Task, TaskOutcome, TaskStatus } from './task.entity';

export interface TaskFilters {
  assigneeId?: string;
  status?: TaskStatus;
  clientId?: string;
}

export interface CompleteTaskCommand {
  outcome: TaskOutcome;
  promisedDate?: string;
  promisedAmount?: number;
  note?: string;
}

@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** Most valuable call first: priority descending, then oldest. */
  async list(principal: Principal, filters: TaskFilters, limit: number, cursor?: string): Promise<Page<Task>> {
    const after = decodeCursor(cursor, 2);
    const scope = await this.visibility.scopeFor(principal);
    const qb = this.dataSource.manager.createQueryBuilder(Task, 't').orderBy('t.priority', 'DESC').addOrderBy('t.id', 'ASC').limit(limit + 1);
    if (!scope.all) {
      const visible = clientScopeCondition(scope, 't.client_id', ':managers');
      qb.andWhere(`(t.assignee_id = :me OR ${visible.sql})`, { me: principal.userId, managers: visible.params[0] });
    }
    if (filters.assigneeId) qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: filters.assigneeId });
    if (filters.status) qb.andWhere('t.status = :status', { status: filters.status });
    // Snoozing hides a task from the default list until its date; ask for status=snoozed to see it.
    else qb.andWhere(`NOT (t.status = 'snoozed' AND t.snoozed_until > :today)`, { today: this.calendar.today() });
    if (filters.clientId) qb.andWhere('t.client_id = :clientId', { clientId: filters.clientId });
    if (after) qb.andWhere('(t.priority < :p OR (t.priority = :p AND t.id > :id))', { p: after[0], id: after[1] });
    const rows = await qb.getMany();
    return toPage(rows, limit, (t) => [t.priority, t.id], (t) => t);
  }

  async get(principal: Principal, id: string, manager?: EntityManager): Promise<Task> {
    const task = await (manager ?? this.dataSource.manager).findOneBy(Task, { id });
    if (!task || !(await this.canSee(await this.visibility.scopeFor(principal), principal, task, manager))) throw DomainError.notFound('Task', id);
    return task;
  }

  /**
   * Records the call's outcome. A promise to pay holds escalation of the client's overdue invoices until
   * its date; a dispute is announced so the invoicing context marks the invoices disputed.
   */
  async complete(principal: Principal, id: string, command: CompleteTaskCommand): Promise<Task> {
    const today = this.calendar.today();
    if (command.outcome === 'promise_to_pay') {
      if (!command.promisedDate || command.promisedAmount === undefined) {
        throw DomainError.validation('A promise to pay needs promisedDate and promisedAmount', [
          { path: 'promisedDate', message: 'required for promise_to_pay' },
          { path: 'promisedAmount', message: 'required for promise_to_pay' },
        ]);
      }
      if (command.promisedDate < today) throw DomainError.businessRule('promisedDate must not be in the past');
    }
    await this.dataSource.transaction(async (manager) => {
      const task = await this.lockVisible(principal, id, manager);
      if (task.status === 'done' || task.status === 'cancelled') {
        throw new DomainError(ErrorCode.InvalidTransition, `The task is already ${task.status}`);
      }
      task.status = 'done';
      task.outcome = command.outcome;
      task.note = command.note ?? task.note;
      task.completedAt = new Date();
      await manager.save(Task, task);
      let promiseId: string | null = null;
      if (command.outcome === 'promise_to_pay') {
        promiseId = uuidv7();
        await manager.insert(PromiseToPay, {
          id: promiseId,
          clientId: task.clientId,
          taskId: task.id,
          promisedOn: today,
          promisedDate: command.promisedDate as string,
          promisedAmount: command.promisedAmount as number,
          currency: task.currency ?? 'EUR',
          status: 'active',
          resolvedOn: null,
        });
      }
      await this.outbox.append(manager, 'collections', [
        {
          type: CollectionsEvents.TaskCompleted,
          aggregateId: task.id,
          data: {
            taskId: task.id,
            clientId: task.clientId,
            type: task.type,
            dunningLevel: task.dunningLevel,
            outcome: command.outcome,
            invoiceIds: task.invoiceIds,
            promiseId,
            promisedDate: command.promisedDate ?? null,
            promisedAmount: command.promisedAmount ?? null,
            note: command.note ?? null,
            completedBy: principal.userId,
          },
        },
      ]);
    });
    return this.get(principal, id);
  }

  async snooze(principal: Principal, id: string, until: string): Promise<Task> {
    if (until <= this.calendar.today()) throw DomainError.businessRule('until must be a future date');
    await this.dataSource.transaction(async (manager) => {
      const task = await this.lockVisible(principal, id, manager);
      if (task.status !== 'open' && task.status !== 'snoozed') throw new DomainError(ErrorCode.InvalidTransition, `A ${task.status} task cannot be snoozed`);
      task.status = 'snoozed';
      task.snoozedUntil = until;
      await manager.save(Task, task);
    });
    return this.get(principal, id);
  }

  private async lockVisible(principal: Principal, id: string, manager: EntityManager): Promise<Task> {
    const task = await manager.findOne(Task, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!task || !(await this.canSee(await this.visibility.scopeFor(principal), principal, task, manager))) throw DomainError.notFound('Task', id);
    return task;
  }

  private async canSee(scope: VisibilityScope, principal: Principal, task: Task, manager?: EntityManager): Promise<boolean> {
    if (scope.all || task.assigneeId === principal.userId) return true;
    return this.visibility.canSeeClient(scope, task.clientId, manager);
  }
}
