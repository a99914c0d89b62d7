import { NewOutboxEvent } from '@ar/outbox';
import { CalendarDate } from '@ar/time';
import { CollectionsEvents } from '../collections-events';
import { NewTask } from './task.repository';

/** The `task.created` announcement of a task the system opened, due on `dueOn`. */
export function taskCreatedEvent(t: NewTask, dueOn: CalendarDate): NewOutboxEvent<'collections'> {
  return {
    type: CollectionsEvents.TaskCreated,
    aggregateId: t.id,
    data: {
      taskId: t.id, clientId: t.clientId, assigneeId: t.assigneeId, type: t.type, dunningLevel: t.level, invoiceIds: t.invoiceIds,
      amountOverdue: t.amount, currency: t.currency, priority: t.priority, dueOn,
    },
  };
}
