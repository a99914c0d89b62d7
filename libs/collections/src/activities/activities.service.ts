import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Principal, VisibilityService } from '@ar/auth';
import { DomainError } from '@ar/errors';
import { decodeCursor, Page, toPage } from '@ar/pagination';
import { CalendarDate, Clock } from '@ar/time';
import { ManualTasksService } from '../tasks/manual-tasks.service';
import { Activity, ManualActivityKind } from './activity.entity';
import { ActivityRepository } from './activity.repository';

export interface RecordActivityCommand {
  kind: ManualActivityKind;
  outcome?: string;
  note: string;
  occurredAt?: string;
  followUpOn?: CalendarDate;
}

/**
 * A client's contact history: what managers record (a call, a meeting, a note), with an optional follow-up date
 * that opens a follow-up task, and what the system records by itself (a task completed, a letter sent, a promise,
 * a dispute, a hold). Visible to whoever sees the client, so a deputy reads the absent manager's history.
 */
/** What the contact history keeps of a `letter.sent` event. */
export interface SentLetter {
  letterId: string;
  clientId: string;
  number: string;
  kind: string;
  level: number | null;
  recipientEmail: string;
  sentAt: string;
}

@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivityRepository,
    private readonly manualTasks: ManualTasksService,
    private readonly visibility: VisibilityService,
    private readonly clock: Clock,
  ) {}

  async record(principal: Principal, clientId: string, command: RecordActivityCommand): Promise<Activity> {
    await this.assertVisible(principal, clientId);
    const occurredAt = command.occurredAt ? new Date(command.occurredAt) : this.clock.now();
    if (occurredAt.getTime() > this.clock.now().getTime() + 60_000) {
      throw DomainError.validation('An activity cannot have happened in the future', [{ path: 'occurredAt', message: 'must not be in the future' }]);
    }
    const id = uuidv7();
    await this.dataSource.transaction(async (manager) => {
      const followUpTaskId = command.followUpOn
        ? await this.manualTasks.openFollowUp(manager, { clientId, authorId: principal.userId, dueOn: command.followUpOn, note: `Follow-up: ${command.note}`.slice(0, 2000) })
        : null;
      await this.activities.insert(
        Object.assign(new Activity(), {
          id,
          clientId,
          kind: command.kind,
          outcome: command.outcome ?? null,
          note: command.note,
          occurredAt,
          authorId: principal.userId,
          subjectId: null,
          followUpOn: command.followUpOn ?? null,
          followUpTaskId,
        }),
        manager,
      );
    });
    return (await this.activities.findById(id)) as Activity;
  }

  async list(principal: Principal, clientId: string, limit: number, cursor?: string): Promise<Page<Activity>> {
    const after = decodeCursor(cursor, ['int', 'uuid']) as [number, string] | null;
    await this.assertVisible(principal, clientId);
    const rows = await this.activities.listForClient(clientId, after, limit);
    return toPage(rows, limit, (a) => [a.occurredAt.getTime(), a.id], (a) => a);
  }

  /** Letters reached the clients' billing contacts (from the invoicing context's `letter.sent`), in one insert; idempotent. */
  async lettersSent(letters: SentLetter[]): Promise<void> {
    if (letters.length === 0) return;
    await this.activities.insertSystem(
      letters.map((letter) => ({
        id: uuidv7(),
        clientId: letter.clientId,
        kind: 'letter_sent',
        subjectId: letter.letterId,
        outcome: 'sent',
        note: `${letter.kind.replace(/_/g, ' ')} ${letter.number}${letter.level ? ` (level ${letter.level})` : ''} e-mailed to ${letter.recipientEmail}`,
        occurredAt: new Date(letter.sentAt),
        authorId: null,
      })),
    );
  }

  /** An invoice of the client was disputed or its dispute resolved (the invoicing context's event, by its id); idempotent. */
  async invoiceDispute(eventId: string, occurredAt: string, invoice: { invoiceId: string; clientId: string; number: string }, resolved: boolean): Promise<void> {
    await this.activities.insertSystem([
      {
        id: uuidv7(),
        clientId: invoice.clientId,
        kind: resolved ? 'dispute_resolved' : 'dispute',
        subjectId: eventId,
        outcome: null,
        note: resolved ? `Dispute of invoice ${invoice.number} resolved` : `Invoice ${invoice.number} disputed`,
        occurredAt: new Date(occurredAt),
        authorId: null,
      },
    ]);
  }

  private async assertVisible(principal: Principal, clientId: string): Promise<void> {
    if (!(await this.visibility.principalCanSeeClient(principal, clientId))) throw DomainError.notFound('Client', clientId);
  }
}
