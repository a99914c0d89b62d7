import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { clientScopeCondition, Principal, VisibilityScope, VisibilityService } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { decodeCursor, Page, toPage } from '@ar/pagination';
import { OutboxWriter } from '@ar/outbox';
import { addDays, BusinessCalendar } from '@ar/time';
import { CollectionsEvents } from '../collections-events';
import { PromiseToPay } from '../promises/promise-to-pay.entity';
import { headOfSalesId, reassignOpenTasks } from './task-assignees';
import { assignee } from './task-rules';
import { Task, TaskOutcome, TaskStatus } from './task.entity';

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
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** Most valuable call first: priority descending, then oldest. */
  async list(principal: Principal, filters: TaskFilters, limit: number, cursor?: string): Promise<Page<Task>> {
    const after = decodeCursor(cursor, ['int', 'uuid']);
    const scope = await this.visibility.scopeFor(principal);
    const qb = this.dataSource.manager.createQueryBuilder(Task, 't').orderBy('t.priority', 'DESC').addOrderBy('t.id', 'ASC').limit(limit + 1);
    // A task is visible only while its client is: a former assignee (a deputy whose period ended, the
    // manager a client was taken from) loses it with the client.
    if (!scope.all) {
      const visible = clientScopeCondition(scope, 't.client_id', ':managers');
      qb.andWhere(visible.sql, { managers: visible.params[0] });
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
        const overdue = await this.overdueAmount(task.clientId, currency, today, manager);
        if ((command.promisedAmount as number) > overdue) {
          throw DomainError.businessRule(`promisedAmount ${command.promisedAmount} is more than the ${overdue} ${currency} the client has overdue`);
        }
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

  /**
   * Hands a client's open and snoozed tasks to whoever answers for the client today: its manager, their
   * deputy while they are absent, a head of sales when nobody manages it. Run when the client changes
   * hands; the daily sweep does the same for every client with dunning tasks. Idempotent.
   */
  async reassignOpenTasks(clientId: string): Promise<number> {
    const manager = this.dataSource.manager;
    const rows: { manager_id: string | null; deputy_id: string | null; absent_until: string | null }[] = await manager.query(
      `SELECT c.account_manager_id AS manager_id, u.deputy_id, to_char(u.absent_until, 'YYYY-MM-DD') AS absent_until
       FROM contracts.client_directory_v1 c LEFT JOIN contracts.user_directory_v1 u ON u.id = c.account_manager_id
       WHERE c.id = $1`,
      [clientId],
    );
    if (rows.length === 0) return 0;
    const [r] = rows;
    const candidate = { managerId: r.manager_id, managerDeputyId: r.deputy_id, managerAbsentUntil: r.absent_until, headOfSalesId: await headOfSalesId(manager) };
    return reassignOpenTasks(manager, new Map([[clientId, assignee(candidate, this.calendar.today())]]));
  }

  private async overdueAmount(clientId: string, currency: string, asOf: string, manager: EntityManager): Promise<number> {
    const [row]: { overdue: string }[] = await manager.query(
      `SELECT coalesce(sum(balance), 0)::bigint AS overdue FROM invoicing.receivables_v1
       WHERE client_id = $1 AND currency = $2 AND open_receivable AND due_date < $3::date`,
      [clientId, currency, asOf],
    );
    return Number(row.overdue);
  }

  private async lockVisible(principal: Principal, id: string, manager: EntityManager): Promise<Task> {
    const task = await manager.findOne(Task, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!task || !(await this.canSee(await this.visibility.scopeFor(principal), task, manager))) throw DomainError.notFound('Task', id);
    return task;
  }

  private async canSee(scope: VisibilityScope, task: Task, manager?: EntityManager): Promise<boolean> {
    return scope.all || this.visibility.canSeeClient(scope, task.clientId, manager);
  }
}
