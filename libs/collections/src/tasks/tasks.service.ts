import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Principal, VisibilityScope, VisibilityService } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { decodeCursor, Page, toPage } from '@ar/pagination';
import { formatMinor } from '@ar/money';
import { OutboxWriter } from '@ar/outbox';
import { addDays, BusinessCalendar, Clock } from '@ar/time';
import { ActivityRepository, SystemActivity } from '../activities/activity.repository';
import { CollectionsEvents } from '../collections-events';
import { PromiseToPay } from '../promises/promise-to-pay.entity';
import { Task, TaskOutcome, TaskStatus } from './task.entity';
import { TaskRepository } from './task.repository';

/** How far ahead a promise to pay may reach. */
const PROMISE_HORIZON_DAYS = 365;

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
    private readonly tasks: TaskRepository,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
    private readonly activities: ActivityRepository,
    private readonly clock: Clock,
  ) {}

  /** Most valuable call first: priority descending, then oldest. */
  async list(principal: Principal, filters: TaskFilters, limit: number, cursor?: string): Promise<Page<Task>> {
    const after = decodeCursor(cursor, ['int', 'uuid']) as [number, string] | null;
    const rows = await this.tasks.list({ ...filters, scope: await this.visibility.scopeFor(principal), today: this.calendar.today(), after, limit });
    return toPage(rows, limit, (t) => [t.priority, t.id], (t) => t);
  }

  async get(principal: Principal, id: string, manager?: EntityManager): Promise<Task> {
    const task = await this.tasks.findById(id, manager);
    if (!task || !(await this.canSee(await this.visibility.scopeFor(principal), task, manager))) throw DomainError.notFound('Task', id);
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
      const latest = addDays(today, PROMISE_HORIZON_DAYS);
      if (command.promisedDate > latest) throw DomainError.businessRule(`promisedDate must be within a year (on or before ${latest})`);
    }
    await this.dataSource.transaction(async (manager) => {
      const task = await this.lockVisible(principal, id, manager);
      if (task.status === 'done' || task.status === 'cancelled') {
        throw new DomainError(ErrorCode.InvalidTransition, `The task is already ${task.status}`);
      }
      if (command.outcome === 'promise_to_pay') {
        const currency = task.currency ?? 'EUR';
        const overdue = await this.tasks.overdueAmount(task.clientId, currency, today, manager);
        if ((command.promisedAmount as number) > overdue) {
          throw DomainError.businessRule(`promisedAmount ${command.promisedAmount} is more than the ${overdue} ${currency} the client has overdue`);
        }
      }
      task.status = 'done';
      task.outcome = command.outcome;
      task.note = command.note ?? task.note;
      task.completedAt = this.clock.now();
      await this.tasks.save(task, manager);
      let promiseId: string | null = null;
      if (command.outcome === 'promise_to_pay') {
        promiseId = uuidv7();
        await this.tasks.insertPromise(Object.assign(new PromiseToPay(), {
          id: promiseId,
          clientId: task.clientId,
          taskId: task.id,
          promisedOn: today,
          promisedDate: command.promisedDate as string,
          promisedAmount: command.promisedAmount as number,
          currency: task.currency ?? 'EUR',
          status: 'active',
          resolvedOn: null,
        }), manager);
      }
      await this.activities.insertSystem(completionActivities(task, command, promiseId, principal.userId, this.clock.now()), manager);
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
      await this.tasks.save(task, manager);
    });
    return this.get(principal, id);
  }

  /**
   * Hands a client's open and snoozed tasks to whoever answers for the client today: its manager, their
   * deputy while they are absent, a head of sales when nobody manages it. Run when the client changes
   * hands; the daily sweep does the same for every client with dunning tasks. Idempotent.
   */
  async reassignOpenTasks(clientId: string): Promise<number> {
    return this.tasks.reassignOpenTasks(await this.tasks.assignees([clientId], this.calendar.today()));
  }

  private async lockVisible(principal: Principal, id: string, manager: EntityManager): Promise<Task> {
    const task = await this.tasks.lockById(id, manager);
    if (!task || !(await this.canSee(await this.visibility.scopeFor(principal), task, manager))) throw DomainError.notFound('Task', id);
    return task;
  }

  private async canSee(scope: VisibilityScope, task: Task, manager?: EntityManager): Promise<boolean> {
    return scope.all || this.visibility.canSeeClient(scope, task.clientId, manager);
  }
}

/** The contact history a completed task leaves: the call's outcome, and the promise it brought. */
function completionActivities(task: Task, command: CompleteTaskCommand, promiseId: string | null, authorId: string, at: Date): SystemActivity[] {
  const entries: SystemActivity[] = [
    {
      id: uuidv7(), clientId: task.clientId, kind: 'task_completed', subjectId: task.id, outcome: command.outcome,
      note: command.note ?? `${task.type.replace(/_/g, ' ')} task done: ${command.outcome.replace(/_/g, ' ')}`, occurredAt: at, authorId,
    },
  ];
  if (promiseId) {
    entries.push({
      id: uuidv7(), clientId: task.clientId, kind: 'promise', subjectId: promiseId, outcome: null,
      note: `Promised ${formatMinor(command.promisedAmount as number, task.currency ?? 'EUR')} ${task.currency ?? 'EUR'} by ${command.promisedDate}`, occurredAt: at, authorId,
    });
  }
  return entries;
}
