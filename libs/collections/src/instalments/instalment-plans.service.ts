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
import { addDays, BusinessCalendar, Clock } from '@ar/time';
import { ActivityRepository } from '../activities/activity.repository';
import { CollectionsEvents } from '../collections-events';
import { Instalment, InstalmentPlan, PlanStatus } from './instalment-plan.entity';
import { InstalmentPlanRepository } from './instalment-plan.repository';
import { instalmentProblem, PlanProgress, planProgress } from './plan-progress';

/** A plan runs at most two years. */
const PLAN_HORIZON_DAYS = 731;

export interface PlanView {
  plan: InstalmentPlan;
  progress: PlanProgress;
}

export interface CreatePlanCommand {
  invoiceIds: string[];
  instalments: Instalment[];
}

/**
 * Instalment plans agreed with a client: created against what the named invoices owe (sums must match), listed
 * with their progress, cancelled by hand. The sweep's review (InstalmentReviewPhase) completes or breaks them.
 */
@Injectable()
export class InstalmentPlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: InstalmentPlanRepository,
    private readonly activities: ActivityRepository,
    private readonly visibility: VisibilityService,
    private readonly outbox: OutboxWriter,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async create(principal: Principal, clientId: string, command: CreatePlanCommand): Promise<PlanView> {
    if (!(await this.visibility.principalCanSeeClient(principal, clientId))) throw DomainError.notFound('Client', clientId);
    const today = this.calendar.today();
    const last = command.instalments[command.instalments.length - 1].dueOn;
    if (last > addDays(today, PLAN_HORIZON_DAYS)) throw DomainError.businessRule(`The last instalment must be due by ${addDays(today, PLAN_HORIZON_DAYS)}`);
    const invoiceIds = [...new Set(command.invoiceIds)];
    const id = uuidv7();
    await this.dataSource.transaction(async (manager) => {
      // One plan at a time per client: concurrent plans for the same invoices would both pass the check below.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('instalment-plan:' || $1))`, [clientId]);
      const invoices = await this.plans.invoices(manager, invoiceIds);
      const foreign = invoiceIds.filter((i) => !invoices.some((x) => x.invoiceId === i && x.clientId === clientId));
      if (foreign.length > 0) throw DomainError.businessRule(`Not invoices of this client: ${foreign.join(', ')}`);
      const settled = invoices.filter((i) => !i.open);
      if (settled.length > 0) throw DomainError.businessRule(`These invoices owe nothing: ${settled.map((i) => i.invoiceId).join(', ')}`);
      const currencies = [...new Set(invoices.map((i) => i.currency))];
      if (currencies.length > 1) throw DomainError.businessRule('The invoices of one plan must be in one currency');
      const planned = await this.plans.inActivePlans(manager, invoiceIds);
      if (planned.length > 0) throw new DomainError(ErrorCode.Conflict, `Already in an active instalment plan: ${planned.join(', ')}`);
      const owed = invoices.reduce((n, i) => n + i.balance, 0);
      const problem = instalmentProblem(command.instalments, owed, today);
      if (problem) throw DomainError.businessRule(problem);
      const plan = Object.assign(new InstalmentPlan(), {
        id, clientId, currency: currencies[0], invoiceIds, total: owed, instalments: command.instalments, status: 'active' as const,
        agreedOn: today, resolvedOn: null, statusReason: null, createdBy: principal.userId,
      });
      await this.plans.insert(plan, manager);
      await this.activities.insertSystem(
        [{
          id: uuidv7(), clientId, kind: 'instalment_plan', subjectId: id, outcome: 'agreed',
          note: `Instalment plan: ${command.instalments.length} instalments of ${formatMinor(owed, plan.currency)} ${plan.currency} in all, the last due ${last}`,
          occurredAt: this.clock.now(), authorId: principal.userId,
        }],
        manager,
      );
      await this.outbox.append(manager, 'collections', [
        { type: CollectionsEvents.InstalmentPlanCreated, aggregateId: id, data: { planId: id, clientId, currency: plan.currency, total: owed, invoiceIds, instalments: command.instalments, createdBy: principal.userId } },
      ]);
    });
    return this.get(principal, id);
  }

  async get(principal: Principal, id: string): Promise<PlanView> {
    const plan = await this.plans.findById(id);
    if (!plan || !(await this.visibility.principalCanSeeClient(principal, plan.clientId))) throw DomainError.notFound('Instalment plan', id);
    return (await this.withProgress([plan]))[0];
  }

  async list(principal: Principal, clientId: string, status: PlanStatus | undefined, limit: number, cursor?: string): Promise<Page<PlanView>> {
    const after = decodeCursor(cursor, ['uuid']) as [string] | null;
    if (!(await this.visibility.principalCanSeeClient(principal, clientId))) throw DomainError.notFound('Client', clientId);
    const rows = await this.plans.listForClient(clientId, status, after?.[0] ?? null, limit);
    const views = await this.withProgress(rows);
    return toPage(views, limit, (v) => [v.plan.id], (v) => v);
  }

  /** Ends an active plan by agreement; dunning of its invoices resumes with the next sweep. */
  async cancel(principal: Principal, id: string, reason: string): Promise<PlanView> {
    await this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.lockById(id, manager);
      if (!plan || !(await this.visibility.principalCanSeeClient(principal, plan.clientId, manager))) throw DomainError.notFound('Instalment plan', id);
      if (plan.status !== 'active') throw new DomainError(ErrorCode.InvalidTransition, `The plan is already ${plan.status}`);
      await this.plans.resolve(manager, id, 'cancelled', this.calendar.today(), reason);
      await this.activities.insertSystem(
        [{ id: uuidv7(), clientId: plan.clientId, kind: 'instalment_plan_ended', subjectId: id, outcome: 'cancelled', note: `Instalment plan cancelled: ${reason}`, occurredAt: this.clock.now(), authorId: principal.userId }],
        manager,
      );
      await this.outbox.append(manager, 'collections', [
        { type: CollectionsEvents.InstalmentPlanEnded, aggregateId: id, data: { planId: id, clientId: plan.clientId, status: 'cancelled', outstanding: null, reason } },
      ]);
    });
    return this.get(principal, id);
  }

  private async withProgress(plans: InstalmentPlan[]): Promise<PlanView[]> {
    const owed = await this.plans.outstanding(plans.map((p) => p.id));
    const today = this.calendar.today();
    return plans.map((plan) => ({ plan, progress: planProgress(plan.instalments, plan.total - (owed.get(plan.id) ?? 0), today, this.config.promiseToleranceDays) }));
  }
}
