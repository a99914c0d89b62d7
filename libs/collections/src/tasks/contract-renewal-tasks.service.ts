import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { OutboxWriter } from '@ar/outbox';
import { BusinessCalendar, CalendarDate } from '@ar/time';
import { taskCreatedEvent } from './task-created-event';
import { TaskRepository } from './task.repository';

/** What `contract.renewal_due` says. */
export interface ContractRenewalDue {
  contractId: string;
  clientId: string;
  number: string;
  endsOn: CalendarDate;
  autoRenew: boolean;
  renewalTermMonths: number;
  renewsTo: CalendarDate | null;
}

export const CONTRACT_RENEWAL_PRIORITY = 40;

/** The text of a contract_renewal task: what happens on the end date unless someone acts. */
export function contractRenewalNote(due: ContractRenewalDue): string {
  return due.autoRenew
    ? `Contract ${due.number} ends on ${due.endsOn} and renews by itself for ${due.renewalTermMonths} months, to ${due.renewsTo}: confirm the terms with the client, or change them before then.`
    : `Contract ${due.number} ends on ${due.endsOn} and expires then: agree a renewal with the client (renew the contract), or let it end.`;
}

/**
 * A contract_renewal task for the client's manager (or the deputy on the day), from `contract.renewal_due`.
 * Idempotent: one task per contract and end date, however often the event arrives.
 */
@Injectable()
export class ContractRenewalTasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
  ) {}

  async open(due: ContractRenewalDue): Promise<boolean> {
    const today = this.calendar.today();
    return this.dataSource.transaction(async (manager) => {
      const assignees = await this.tasks.assignees([due.clientId], today, manager);
      const task = {
        id: uuidv7(), clientId: due.clientId, assigneeId: assignees.get(due.clientId) ?? null, type: 'contract_renewal' as const, level: 0,
        invoiceIds: [] as string[], amount: 0, currency: null, priority: CONTRACT_RENEWAL_PRIORITY, note: contractRenewalNote(due),
      };
      if (!(await this.tasks.insertContractRenewal(task, due.contractId, due.endsOn, today, manager))) return false;
      await this.outbox.append(manager, 'collections', [taskCreatedEvent(task, today)]);
      return true;
    });
  }
}
