import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { clientScopeCondition, VisibilityScope } from '@ar/auth';
import { CalendarDate } from '@ar/time';
import { PromiseToPay } from '../promises/promise-to-pay.entity';
import { assignee } from './task-rules';
import { clientOverdueSql } from '../dunning/client-overdue.sql';
import { TaskReassignment } from './task-reassignment.entity';
import { Task, TaskStatus, TaskType } from './task.entity';

/** A task to open: who and what, how much is at stake, and why. */
export interface NewTask {
  id: string;
  clientId: string;
  assigneeId: string | null;
  type: TaskType;
  level: number;
  invoiceIds: string[];
  amount: number;
  currency: string | null;
  priority: number;
  note: string | null;
}

export interface TaskListQuery {
  scope: VisibilityScope;
  assigneeId?: string;
  status?: TaskStatus;
  clientId?: string;
  /** Snoozed tasks are hidden from a list without a status until this date. */
  today: CalendarDate;
  after: [number, string] | null;
  limit: number;
}

/** The SQL of tasks: lists, reads and locks, promises recorded on completion, and who answers for a client. */
@Injectable()
export class TaskRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Most valuable call first (priority descending, then oldest), `limit + 1` rows; only tasks of visible clients. */
  list(query: TaskListQuery): Promise<Task[]> {
    const qb = this.dataSource.manager.createQueryBuilder(Task, 't').orderBy('t.priority', 'DESC').addOrderBy('t.id', 'ASC').limit(query.limit + 1);
    // A task is visible only while its client is: a former assignee (a deputy whose period ended, the
    // manager a client was taken from) loses it with the client.
    if (!query.scope.all) {
      const visible = clientScopeCondition(query.scope, 't.client_id', ':managers');
      qb.andWhere(visible.sql, { managers: visible.params[0] });
    }
    if (query.assigneeId) qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    // Snoozing hides a task from the default list until its date; ask for status=snoozed to see it.
    else qb.andWhere(`NOT (t.status = 'snoozed' AND t.snoozed_until > :today)`, { today: query.today });
    if (query.clientId) qb.andWhere('t.client_id = :clientId', { clientId: query.clientId });
    if (query.after) qb.andWhere('(t.priority < :p OR (t.priority = :p AND t.id > :id))', { p: query.after[0], id: query.after[1] });
    return qb.getMany();
  }

  findById(id: string, manager?: EntityManager): Promise<Task | null> {
    return (manager ?? this.dataSource.manager).findOneBy(Task, { id });
  }

  lockById(id: string, manager: EntityManager): Promise<Task | null> {
    return manager.findOne(Task, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Opens tasks due on `dueOn`; an open or snoozed task of the same client, type and level wins (the partial unique
   * index), so this returns the ids actually inserted.
   */
  /** A contract_renewal task, unless the contract has one for this end date already; answers whether it was inserted. */
  async insertContractRenewal(task: NewTask, contractId: string, contractEndsOn: CalendarDate, dueOn: CalendarDate, manager: EntityManager): Promise<boolean> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO collections.tasks (id, client_id, assignee_id, type, dunning_level, invoice_ids, amount_overdue, currency, priority, note, due_on, status, contract_id, contract_ends_on)
       VALUES ($1, $2, $3, 'contract_renewal', 0, '{}', 0, NULL, $4, $5, $6, 'open', $7, $8)
       ON CONFLICT (contract_id, contract_ends_on) WHERE type = 'contract_renewal' DO NOTHING
       RETURNING id`,
      [task.id, task.clientId, task.assigneeId, task.priority, task.note, dueOn, contractId, contractEndsOn],
    );
    return inserted.length > 0;
  }

  async insertOpen(tasks: NewTask[], dueOn: CalendarDate, manager: EntityManager): Promise<Set<string>> {
    if (tasks.length === 0) return new Set();
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO collections.tasks (id, client_id, assignee_id, type, dunning_level, invoice_ids, amount_overdue, currency, priority, note, due_on, status)
       SELECT x.id, x.client_id, x.assignee_id, x.type, x.level, string_to_array(x.ids, ',')::uuid[], x.amount, x.currency, x.priority, x.note, $11::date, 'open'
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::smallint[], $6::text[], $7::bigint[], $8::char(3)[], $9::int[], $10::varchar[])
            AS x(id, client_id, assignee_id, type, level, ids, amount, currency, priority, note)
       ON CONFLICT (client_id, type, dunning_level) WHERE status IN ('open', 'snoozed') AND type NOT IN ('follow_up', 'contract_renewal') DO NOTHING
       RETURNING id`,
      [
        tasks.map((t) => t.id),
        tasks.map((t) => t.clientId),
        tasks.map((t) => t.assigneeId),
        tasks.map((t) => t.type),
        tasks.map((t) => t.level),
        tasks.map((t) => t.invoiceIds.join(',')),
        tasks.map((t) => t.amount),
        tasks.map((t) => t.currency),
        tasks.map((t) => t.priority),
        tasks.map((t) => t.note),
        dueOn,
      ],
    );
    return new Set(inserted.map((r) => r.id));
  }

  async save(task: Task, manager: EntityManager): Promise<void> {
    await manager.save(Task, task);
  }

  async insert(task: Task, manager: EntityManager): Promise<void> {
    await manager.insert(Task, task);
  }

  async insertReassignment(reassignment: TaskReassignment, manager: EntityManager): Promise<void> {
    await manager.insert(TaskReassignment, reassignment);
  }

  reassignments(taskId: string): Promise<TaskReassignment[]> {
    return this.dataSource.manager.find(TaskReassignment, { where: { taskId }, order: { reassignedAt: 'ASC', id: 'ASC' } });
  }

  /** The user's role, deputy and absence (from contracts.user_directory_v1), or null when there is no such user. */
  async user(id: string, manager: EntityManager = this.dataSource.manager): Promise<{ role: string; deputyId: string | null; absentUntil: CalendarDate | null } | null> {
    const rows: { role: string; deputy_id: string | null; absent_until: string | null }[] = await manager.query(
      `SELECT role, deputy_id, to_char(absent_until, 'YYYY-MM-DD') AS absent_until FROM contracts.user_directory_v1 WHERE id = $1`,
      [id],
    );
    return rows.length === 0 ? null : { role: rows[0].role, deputyId: rows[0].deputy_id, absentUntil: rows[0].absent_until };
  }

  async insertPromise(promise: PromiseToPay, manager: EntityManager): Promise<void> {
    await manager.insert(PromiseToPay, promise);
  }

  /** What the client has overdue in a currency as of a date (a promise may not exceed it). */
  async overdueAmount(clientId: string, currency: string, asOf: CalendarDate, manager: EntityManager): Promise<number> {
    const [row]: { overdue: string }[] = await manager.query(
      `SELECT ${clientOverdueSql('$1::uuid', '$2::char(3)', '$3::date')}::bigint AS overdue`,
      [clientId, currency, asOf],
    );
    return Number(row.overdue);
  }

  /**
   * Who answers for each client on the date (task-rules' `assignee`: its manager, their deputy while absent, a head
   * of sales when nobody manages it), in one read; a client that does not exist is absent from the map.
   */
  async assignees(clientIds: string[], asOf: CalendarDate, manager: EntityManager = this.dataSource.manager): Promise<Map<string, string | null>> {
    if (clientIds.length === 0) return new Map();
    const rows: { id: string; manager_id: string | null; deputy_id: string | null; absent_until: string | null }[] = await manager.query(
      `SELECT c.id, c.account_manager_id AS manager_id, u.deputy_id, to_char(u.absent_until, 'YYYY-MM-DD') AS absent_until
       FROM contracts.client_directory_v1 c LEFT JOIN contracts.user_directory_v1 u ON u.id = c.account_manager_id
       WHERE c.id = ANY($1::uuid[])`,
      [[...new Set(clientIds)]],
    );
    if (rows.length === 0) return new Map();
    const headOfSalesId = await this.headOfSalesId(manager);
    return new Map(
      rows.map((r) => [r.id, assignee({ managerId: r.manager_id, managerDeputyId: r.deputy_id, managerAbsentUntil: r.absent_until, headOfSalesId }, asOf)]),
    );
  }

  /** The head of sales who takes the tasks of clients nobody manages (the first by id), or null. */
  async headOfSalesId(manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM contracts.user_directory_v1 WHERE role = 'head_of_sales' ORDER BY id LIMIT 1`);
    return rows[0]?.id ?? null;
  }

  /**
   * Gives each client's open and snoozed tasks to its assignee (client id → assignee id), rewriting only the tasks
   * whose assignee changes; a task assigned by hand (a follow-up, a reassignment) stays where it was put. Open tasks follow their client: to a new manager, to the deputy while the manager is
   * away, and back.
   */
  async reassignOpenTasks(assignees: ReadonlyMap<string, string | null>, manager: EntityManager = this.dataSource.manager): Promise<number> {
    if (assignees.size === 0) return 0;
    const [, changed]: [unknown, number] = await manager.query(
      `UPDATE collections.tasks t SET assignee_id = x.assignee_id, updated_at = now()
       FROM unnest($1::uuid[], $2::uuid[]) AS x(client_id, assignee_id)
       WHERE t.client_id = x.client_id AND t.status IN ('open', 'snoozed') AND NOT t.assignment_pinned
         AND t.assignee_id IS DISTINCT FROM x.assignee_id`,
      [[...assignees.keys()], [...assignees.values()]],
    );
    return changed;
  }
}
