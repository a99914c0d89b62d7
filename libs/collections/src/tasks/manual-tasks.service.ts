import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Principal, VisibilityService } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { OutboxWriter } from '@ar/outbox';
import { addDays, BusinessCalendar, CalendarDate, Clock } from '@ar/time';
import { ActivityRepository } from '../activities/activity.repository';
import { CollectionsEvents } from '../collections-events';
import { assignee } from './task-rules';
import { TaskReassignment } from './task-reassignment.entity';
import { Task } from './task.entity';
import { TaskRepository } from './task.repository';
import { TasksService } from './tasks.service';

/** A follow-up sits in the middle of a manager's list: after broken promises and big debts, before small reminders. */
const FOLLOW_UP_PRIORITY = 50;
/** How far ahead a follow-up may be planned. */
const FOLLOW_UP_HORIZON_DAYS = 366;

export interface NewFollowUp {
  clientId: string;
  authorId: string;
  dueOn: CalendarDate;
  note: string;
}

/**
 * Tasks people make: follow-ups a manager plans for their own clients (or that an activity's follow-up date
 * creates), and the hand-over of any task by head of sales or admin, audited. Both are pinned: the daily
 * hand-over to manager or deputy leaves them where a person put them.
 */
@Injectable()
export class ManualTasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly tasksService: TasksService,
    private readonly activities: ActivityRepository,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  async createFollowUp(principal: Principal, command: { clientId: string; dueOn: CalendarDate; note: string }): Promise<Task> {
    if (!(await this.visibility.principalCanSeeClient(principal, command.clientId))) throw DomainError.notFound('Client', command.clientId);
    const id = await this.dataSource.transaction((manager) => this.openFollowUp(manager, { ...command, authorId: principal.userId }));
    return this.tasksService.get(principal, id);
  }

  /** Opens a follow-up for its author, or the author's deputy when the author is away on its date; returns its id. */
  async openFollowUp(manager: EntityManager, followUp: NewFollowUp): Promise<string> {
    const today = this.calendar.today();
    if (followUp.dueOn < today) throw DomainError.validation('A follow-up cannot be due in the past', [{ path: 'dueOn', message: `must be ${today} or later` }]);
    const latest = addDays(today, FOLLOW_UP_HORIZON_DAYS);
    if (followUp.dueOn > latest) throw DomainError.businessRule(`A follow-up must be due on or before ${latest}`);
    const author = await this.tasks.user(followUp.authorId, manager);
    const assigneeId = author
      ? assignee({ managerId: followUp.authorId, managerDeputyId: author.deputyId, managerAbsentUntil: author.absentUntil, headOfSalesId: null }, followUp.dueOn)
      : followUp.authorId;
    const task = Object.assign(new Task(), {
      id: uuidv7(),
      clientId: followUp.clientId,
      assigneeId,
      type: 'follow_up' as const,
      dunningLevel: 0,
      invoiceIds: [],
      amountOverdue: 0,
      currency: null,
      priority: FOLLOW_UP_PRIORITY,
      dueOn: followUp.dueOn,
      status: 'open' as const,
      outcome: null,
      note: followUp.note,
      assignmentPinned: true,
      createdBy: followUp.authorId,
      snoozedUntil: null,
      completedAt: null,
    });
    await this.tasks.insert(task, manager);
    await this.outbox.append(manager, 'collections', [
      {
        type: CollectionsEvents.TaskCreated,
        aggregateId: task.id,
        data: {
          taskId: task.id, clientId: task.clientId, assigneeId, type: 'follow_up', dunningLevel: 0, invoiceIds: [],
          amountOverdue: 0, currency: null, priority: FOLLOW_UP_PRIORITY, dueOn: task.dueOn,
        },
      },
    ]);
    return task.id;
  }

  /** The task's hand-overs by hand, oldest first (404 outside the caller's visibility). */
  async reassignments(principal: Principal, id: string): Promise<TaskReassignment[]> {
    await this.tasksService.get(principal, id);
    return this.tasks.reassignments(id);
  }

  /** Head of sales or admin hands an open or snoozed task to someone who may see its client; recorded and announced. */
  async reassign(principal: Principal, id: string, command: { assigneeId: string; reason: string }): Promise<Task> {
    await this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.lockById(id, manager);
      if (!task) throw DomainError.notFound('Task', id);
      if (task.status !== 'open' && task.status !== 'snoozed') throw new DomainError(ErrorCode.InvalidTransition, `A ${task.status} task cannot be reassigned`);
      const target = await this.tasks.user(command.assigneeId, manager);
      if (!target) throw DomainError.businessRule(`No user ${command.assigneeId}`);
      if (target.role === 'account_manager') {
        const scope = await this.visibility.scopeFor({ userId: command.assigneeId, role: 'account_manager' });
        if (!(await this.visibility.canSeeClient(scope, task.clientId, manager))) {
          throw DomainError.businessRule('The new assignee does not manage the client (nor deputises for its manager today), so could not see the task');
        }
      }
      if (task.assigneeId === command.assigneeId) throw new DomainError(ErrorCode.InvalidTransition, 'The task is already assigned to that user');
      const from = task.assigneeId;
      task.assigneeId = command.assigneeId;
      task.assignmentPinned = true;
      await this.tasks.save(task, manager);
      const reassignmentId = uuidv7();
      await this.tasks.insertReassignment(
        { id: reassignmentId, taskId: id, fromAssigneeId: from, toAssigneeId: command.assigneeId, reason: command.reason, reassignedBy: principal.userId, reassignedAt: this.clock.now() },
        manager,
      );
      await this.activities.insertSystem(
        [{ id: uuidv7(), clientId: task.clientId, kind: 'task_reassigned', subjectId: reassignmentId, outcome: null, note: `${task.type} task reassigned: ${command.reason}`, occurredAt: this.clock.now(), authorId: principal.userId }],
        manager,
      );
      await this.outbox.append(manager, 'collections', [
        {
          type: CollectionsEvents.TaskReassigned,
          aggregateId: id,
          data: { taskId: id, clientId: task.clientId, type: task.type, fromAssigneeId: from, toAssigneeId: command.assigneeId, reason: command.reason, reassignedBy: principal.userId },
        },
      ]);
    });
    return this.tasksService.get(principal, id);
  }
}
