import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@ar/config';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { CalendarDate, Clock } from '@ar/time';
import { ActivityRepository, SystemActivity } from '../activities/activity.repository';
import { CollectionsEvents } from '../collections-events';
import { NewTask, TaskRepository } from '../tasks/task.repository';
import { InstalmentPlanRepository } from './instalment-plan.repository';
import { planProgress } from './plan-progress';
import { taskCreatedEvent } from '../tasks/task-created-event';

/** A broken plan is followed up before any dunning call. */
const BROKEN_PLAN_PRIORITY = 100;

/**
 * The sweep's review of active instalment plans as of a date: a plan whose invoices owe nothing more is completed;
 * one with an instalment missed (after the tolerance) is broken, which opens a broken_plan task for whoever
 * answers for the client and lets dunning resume. Repeating it changes nothing: only active plans are reviewed.
 */
@Injectable()
export class InstalmentReviewPhase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: InstalmentPlanRepository,
    private readonly tasks: TaskRepository,
    private readonly activities: ActivityRepository,
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async run(asOf: CalendarDate): Promise<{ completed: number; broken: number }> {
    return this.dataSource.transaction(async (manager) => {
      const active = await this.plans.lockActive(manager);
      const owed = await this.plans.outstanding(active.map((p) => p.id), manager);
      const events: NewOutboxEvent<'collections'>[] = [];
      const entries: SystemActivity[] = [];
      const tasks: NewTask[] = [];
      let completed = 0;
      let broken = 0;
      for (const plan of active) {
        const outstanding = owed.get(plan.id) ?? 0;
        const progress = planProgress(plan.instalments, plan.total - outstanding, asOf, this.config.promiseToleranceDays);
        let status: 'completed' | 'broken' | null = null;
        let reason = '';
        if (outstanding === 0 || progress.completed) {
          status = 'completed';
          reason = 'all instalments paid';
          completed += 1;
        } else if (progress.missed) {
          status = 'broken';
          reason = `instalment due ${progress.missed.dueOn} missed (${progress.missed.paid} of ${progress.missed.amount} paid)`;
          broken += 1;
          tasks.push({
            id: uuidv7(), clientId: plan.clientId, assigneeId: null, type: 'broken_plan', level: 0,
            invoiceIds: plan.invoiceIds, amount: outstanding, currency: plan.currency, priority: BROKEN_PLAN_PRIORITY, note: `Instalment plan broken: ${reason}`,
          });
        }
        if (!status) continue;
        await this.plans.resolve(manager, plan.id, status, asOf, reason);
        entries.push({ id: uuidv7(), clientId: plan.clientId, kind: 'instalment_plan_ended', subjectId: plan.id, outcome: status, note: `Instalment plan ${status}: ${reason}`, occurredAt: this.clock.now(), authorId: null });
        events.push({ type: CollectionsEvents.InstalmentPlanEnded, aggregateId: plan.id, data: { planId: plan.id, clientId: plan.clientId, status, outstanding, reason } });
      }
      const assignees = await this.tasks.assignees(tasks.map((t) => t.clientId), asOf, manager);
      for (const t of tasks) t.assigneeId = assignees.get(t.clientId) ?? null;
      const inserted = await this.tasks.insertOpen(tasks, asOf, manager);
      events.push(...tasks.filter((t) => inserted.has(t.id)).map((t) => taskCreatedEvent(t, asOf)));
      await this.activities.insertSystem(entries, manager);
      await this.outbox.append(manager, 'collections', events);
      return { completed, broken };
    });
  }
}
