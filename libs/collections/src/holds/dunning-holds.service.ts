import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Principal, Role, VisibilityService } from '@ar/auth';
import { DomainError, ErrorCode } from '@ar/errors';
import { OutboxWriter } from '@ar/outbox';
import { decodeCursor, Page, toPage } from '@ar/pagination';
import { addDays, BusinessCalendar, CalendarDate, Clock } from '@ar/time';
import { ActivityRepository } from '../activities/activity.repository';
import { CollectionsEvents } from '../collections-events';
import { DunningHold } from './dunning-hold.entity';
import { DunningHoldRepository } from './dunning-hold.repository';

/** Who may hold dunning: a manager for the clients they see, finance and admin. */
const HOLDERS: readonly Role[] = ['account_manager', 'finance', 'admin'];
/** A hold is a pause, not a write-off: at most a year. */
const HOLD_HORIZON_DAYS = 366;

export interface PlaceHoldCommand {
  until: CalendarDate;
  reason: string;
}

export interface HoldFilters {
  clientId?: string;
  invoiceId?: string;
  active?: boolean;
}

export type HoldStatus = 'active' | 'released' | 'expired';

/** Whether the hold is in force on the date, was released, or ran out at its `until`. */
export function holdStatus(hold: Pick<DunningHold, 'releasedAt' | 'until'>, today: CalendarDate): HoldStatus {
  if (hold.releasedAt) return 'released';
  return hold.until > today ? 'active' : 'expired';
}

/**
 * Dunning holds: a pause of a client's or one invoice's dunning for a good reason (a pending credit note, a
 * negotiation, a bankruptcy check). The sweep raises no level of a held invoice, so no letter goes out; the
 * hold ends by itself on its `until` date or when released. Each placement and release is in the history.
 */
@Injectable()
export class DunningHoldsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holds: DunningHoldRepository,
    private readonly activities: ActivityRepository,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  async holdClient(principal: Principal, clientId: string, command: PlaceHoldCommand): Promise<DunningHold> {
    if (!(await this.visibility.principalCanSeeClient(principal, clientId))) throw DomainError.notFound('Client', clientId);
    return this.place(principal, clientId, null, command);
  }

  async holdInvoice(principal: Principal, invoiceId: string, command: PlaceHoldCommand): Promise<DunningHold> {
    const invoice = await this.holds.invoice(invoiceId);
    if (!invoice || !(await this.visibility.principalCanSeeClient(principal, invoice.clientId))) throw DomainError.notFound('Invoice', invoiceId);
    if (!invoice.open) throw new DomainError(ErrorCode.InvalidTransition, 'The invoice owes nothing; there is no dunning to hold');
    return this.place(principal, invoice.clientId, invoiceId, command);
  }

  async list(principal: Principal, filters: HoldFilters, limit: number, cursor?: string): Promise<Page<DunningHold>> {
    const after = decodeCursor(cursor, ['uuid']) as [string] | null;
    const rows = await this.holds.list({ ...filters, scope: await this.visibility.scopeFor(principal), today: this.calendar.today(), after: after?.[0] ?? null, limit });
    return toPage(rows, limit, (h) => [h.id], (h) => h);
  }

  async get(principal: Principal, id: string): Promise<DunningHold> {
    const hold = await this.holds.findById(id);
    if (!hold || !(await this.visibility.principalCanSeeClient(principal, hold.clientId))) throw DomainError.notFound('Dunning hold', id);
    return hold;
  }

  /** Ends a hold before its date; dunning resumes with the next sweep. A released or expired hold answers 409. */
  async release(principal: Principal, id: string, reason: string | undefined): Promise<DunningHold> {
    this.assertMayHold(principal);
    await this.dataSource.transaction(async (manager) => {
      const hold = await this.holds.lockById(id, manager);
      if (!hold || !(await this.visibility.principalCanSeeClient(principal, hold.clientId, manager))) throw DomainError.notFound('Dunning hold', id);
      const status = holdStatus(hold, this.calendar.today());
      if (status !== 'active') throw new DomainError(ErrorCode.InvalidTransition, `The hold is already ${status}`);
      hold.releasedAt = this.clock.now();
      hold.releasedBy = principal.userId;
      hold.releaseReason = reason ?? null;
      await this.holds.save(hold, manager);
      await this.activities.insertSystem(
        [{ id: uuidv7(), clientId: hold.clientId, kind: 'dunning_hold_released', subjectId: hold.id, outcome: null, note: `Dunning hold released${reason ? `: ${reason}` : ''}`, occurredAt: hold.releasedAt, authorId: principal.userId }],
        manager,
      );
      await this.outbox.append(manager, 'collections', [
        { type: CollectionsEvents.DunningHoldReleased, aggregateId: hold.id, data: { holdId: hold.id, clientId: hold.clientId, invoiceId: hold.invoiceId, releasedBy: principal.userId, reason: reason ?? null } },
      ]);
    });
    return this.get(principal, id);
  }

  private async place(principal: Principal, clientId: string, invoiceId: string | null, command: PlaceHoldCommand): Promise<DunningHold> {
    this.assertMayHold(principal);
    const today = this.calendar.today();
    if (command.until <= today) throw DomainError.businessRule('until must be after today: it is the first day dunning runs again');
    const latest = addDays(today, HOLD_HORIZON_DAYS);
    if (command.until > latest) throw DomainError.businessRule(`A hold may last until ${latest} at the latest`);
    const hold = Object.assign(new DunningHold(), {
      id: uuidv7(), clientId, invoiceId, until: command.until, reason: command.reason, createdBy: principal.userId,
      releasedAt: null, releasedBy: null, releaseReason: null,
    });
    await this.dataSource.transaction(async (manager) => {
      await this.holds.insert(hold, manager);
      await this.activities.insertSystem(
        [{
          id: uuidv7(), clientId, kind: 'dunning_hold', subjectId: hold.id, outcome: null,
          note: `Dunning held ${invoiceId ? 'for one invoice ' : ''}until ${command.until}: ${command.reason}`, occurredAt: this.clock.now(), authorId: principal.userId,
        }],
        manager,
      );
      await this.outbox.append(manager, 'collections', [
        { type: CollectionsEvents.DunningHoldPlaced, aggregateId: hold.id, data: { holdId: hold.id, clientId, invoiceId, until: command.until, reason: command.reason, createdBy: principal.userId } },
      ]);
    });
    return (await this.holds.findById(hold.id)) as DunningHold;
  }

  private assertMayHold(principal: Principal): void {
    if (!HOLDERS.includes(principal.role)) throw DomainError.forbidden('Only account managers (for their clients), finance and admins hold dunning');
  }
}
