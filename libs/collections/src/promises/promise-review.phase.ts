import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@ar/config';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { CalendarDate } from '@ar/time';
import { CollectionsEvents } from '../collections-events';
import { TaskRepository } from '../tasks/task.repository';
import { DuePromise, PromiseRepository } from './promise.repository';
import { taskCreatedEvent } from '../tasks/task-created-event';

/** A broken promise comes before any dunning call. */
const BROKEN_PROMISE_PRIORITY = 100;

/** Kept when the client paid at least the promised amount in the promise's currency between the promise and its date. */
export function isKept(promise: Pick<DuePromise, 'paid' | 'promisedAmount'>): boolean {
  return promise.paid >= promise.promisedAmount;
}

/**
 * Settles promises whose date has passed, kept or broken (isKept); a broken one creates a broken_promise task
 * for the client's manager, for what is still owed of it, and both are announced.
 */
@Injectable()
export class PromiseReviewPhase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly promises: PromiseRepository,
    private readonly tasks: TaskRepository,
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
  ) {}

  async run(asOf: CalendarDate): Promise<{ kept: number; broken: number }> {
    return this.dataSource.transaction(async (manager) => {
      const due = await this.promises.lockDue(manager, asOf, this.config.promiseToleranceDays);
      const kept = due.filter(isKept);
      const broken = due.filter((p) => !isKept(p));
      await this.promises.resolve(manager, kept.map((p) => p.id), 'kept', asOf);
      await this.promises.resolve(manager, broken.map((p) => p.id), 'broken', asOf);

      const announced = (p: DuePromise) => ({ promiseId: p.id, clientId: p.clientId, promisedDate: p.promisedDate, promisedAmount: p.promisedAmount, paid: p.paid, currency: p.currency });
      const events: NewOutboxEvent<'collections'>[] = [
        ...kept.map((p) => ({ type: CollectionsEvents.PromiseKept, aggregateId: p.id, data: announced(p) })),
        ...broken.map((p) => ({ type: CollectionsEvents.PromiseBroken, aggregateId: p.id, data: announced(p) })),
      ];
      // One broken_promise task per client at most: an open one already there wins.
      const tasks = broken.map((p) => ({
        id: uuidv7(),
        clientId: p.clientId,
        assigneeId: p.managerId,
        type: 'broken_promise' as const,
        level: 0,
        invoiceIds: [],
        amount: p.promisedAmount - p.paid,
        currency: p.currency,
        priority: BROKEN_PROMISE_PRIORITY,
        note: `Promise of ${p.promisedDate} broken`,
      }));
      const inserted = await this.tasks.insertOpen(tasks, asOf, manager);
      const created = tasks.filter((t) => inserted.has(t.id));
      events.push(...created.map((t) => taskCreatedEvent(t, asOf)));
      await this.outbox.append(manager, 'collections', events);
      return { kept: kept.length, broken: broken.length };
    });
  }
}
