import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Principal, VisibilityService } from '@ar/auth';
import { AppConfig } from '@ar/config';
import { DomainError, ErrorCode } from '@ar/errors';
import { formatMinor } from '@ar/money';
import { OutboxWriter } from '@ar/outbox';
import { decodeCursor, Page, toPage } from '@ar/pagination';
import { BusinessCalendar, Clock } from '@ar/time';
import { ActivityRepository } from '../activities/activity.repository';
import { CollectionsEvents } from '../collections-events';
import { PromiseStatus } from './promise-to-pay.entity';
import { PromiseProgress, PromiseRepository } from './promise.repository';

export interface PromiseFilters {
  clientId?: string;
  status?: PromiseStatus;
}

/** Broken, but the client paid part of what it promised. */
export function isPartlyKept(progress: PromiseProgress): boolean {
  return progress.promise.status === 'broken' && progress.paid > 0;
}

/** Promises to pay as managers follow them: listed with what was paid so far, and cancelled (which lifts their hold). */
@Injectable()
export class PromisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly promises: PromiseRepository,
    private readonly activities: ActivityRepository,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, filters: PromiseFilters, limit: number, cursor?: string): Promise<Page<PromiseProgress>> {
    const after = decodeCursor(cursor, ['uuid']) as [string] | null;
    const rows = await this.promises.list({ ...filters, scope: await this.visibility.scopeFor(principal), after: after?.[0] ?? null, limit }, this.config.promiseToleranceDays);
    return toPage(rows, limit, (p) => [p.promise.id], (p) => p);
  }

  async get(principal: Principal, id: string): Promise<PromiseProgress> {
    const found = await this.promises.findById(id, this.config.promiseToleranceDays);
    if (!found || !(await this.visibility.principalCanSeeClient(principal, found.promise.clientId))) throw DomainError.notFound('Promise', id);
    return found;
  }

  /** The client withdrew it or it was recorded by mistake: dunning of its invoices resumes with the next sweep. */
  async cancel(principal: Principal, id: string, reason: string): Promise<PromiseProgress> {
    await this.dataSource.transaction(async (manager) => {
      const promise = await this.promises.lockById(id, manager);
      if (!promise || !(await this.visibility.principalCanSeeClient(principal, promise.clientId, manager))) throw DomainError.notFound('Promise', id);
      if (promise.status !== 'active') throw new DomainError(ErrorCode.InvalidTransition, `The promise is already ${promise.status}`);
      await this.promises.cancel(manager, id, principal.userId, reason, this.calendar.today());
      await this.activities.insertSystem(
        [{
          id: uuidv7(), clientId: promise.clientId, kind: 'promise_cancelled', subjectId: id, outcome: null,
          note: `Promise of ${formatMinor(promise.promisedAmount, promise.currency)} ${promise.currency} by ${promise.promisedDate} cancelled: ${reason}`,
          occurredAt: this.clock.now(), authorId: principal.userId,
        }],
        manager,
      );
      await this.outbox.append(manager, 'collections', [
        {
          type: CollectionsEvents.PromiseCancelled,
          aggregateId: id,
          data: { promiseId: id, clientId: promise.clientId, promisedDate: promise.promisedDate, promisedAmount: promise.promisedAmount, currency: promise.currency, cancelledBy: principal.userId, reason },
        },
      ]);
    });
    return this.get(principal, id);
  }
}
