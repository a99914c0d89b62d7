import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { CalendarDate } from '@ar/time';
import { CollectionsEvents } from '../collections-events';
import { PolicyCatalog } from '../policies/policy-catalog';
import { assessClient } from './client-assessment';
import { SolvencyAssessment } from './solvency-assessment.entity';
import { SolvencyRepository } from './solvency.repository';
import { TaskRepository } from '../tasks/task.repository';
import { CREDIT_REVIEW_PRIORITY, crossedReviewThreshold } from './credit-review';
import { taskCreatedEvent } from '../tasks/task-created-event';

interface CreditReviewDue {
  clientId: string;
  exposure: number;
  currency: string | null;
  utilization: number;
}

export interface AssessmentOutcome {
  assessed: number;
  blocked: number;
  unblocked: number;
  assessments: SolvencyAssessment[];
}

/**
 * Assesses a set of clients as of a date from their receivables (read through the invoicing views), stores
 * each assessment and announces risk changes, blocks and unblocks (the rule: client-assessment). Only blocks
 * the collections context set are lifted by it.
 */
@Injectable()
export class SolvencyAssessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SolvencyRepository,
    private readonly outbox: OutboxWriter,
    private readonly tasks: TaskRepository,
  ) {}

  async assess(clientIds: string[], asOf: CalendarDate, policies: PolicyCatalog, manager?: EntityManager): Promise<AssessmentOutcome> {
    if (clientIds.length === 0) return { assessed: 0, blocked: 0, unblocked: 0, assessments: [] };
    const work = async (m: EntityManager) => this.assessIn(m, clientIds, asOf, policies);
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  private async assessIn(m: EntityManager, clientIds: string[], asOf: CalendarDate, policies: PolicyCatalog): Promise<AssessmentOutcome> {
    const assessments: SolvencyAssessment[] = [];
    const events: NewOutboxEvent<'collections'>[] = [];
    let blocked = 0;
    let unblocked = 0;
    const reviews: CreditReviewDue[] = [];
    for (const facts of await this.repository.facts(m, clientIds, asOf)) {
      const a = assessClient(facts, policies);
      const clientId = facts.clientId;
      assessments.push(
        Object.assign(new SolvencyAssessment(), {
          id: uuidv7(),
          clientId,
          asOf,
          score: a.score,
          riskClass: a.riskClass,
          exposure: a.inputs.exposure,
          creditLimit: a.inputs.creditLimit,
          currency: a.currency,
          utilization: a.utilization,
          overdueAmount: a.inputs.overdueAmount,
          avgDaysLate: a.inputs.avgDaysLate,
          maxDaysOverdue: a.inputs.maxDaysOverdue,
          brokenPromises90d: a.inputs.brokenPromises90d,
          openDisputes: a.inputs.openDisputes,
          decision: a.decision,
          reasons: a.reasons,
          blockedClient: a.blocked,
        }),
      );
      if (crossedReviewThreshold(facts.previous?.utilization, a.utilization)) reviews.push({ clientId, exposure: a.inputs.exposure, currency: a.currency, utilization: a.utilization as number });
      const data = { clientId, asOf, score: a.score, riskClass: a.riskClass, decision: a.decision, reasons: a.reasons };
      if (a.riskChanged) {
        events.push({ type: CollectionsEvents.ClientRiskChanged, aggregateId: clientId, data: { ...data, previousRiskClass: facts.previous?.riskClass ?? null } });
      }
      if (a.newlyBlocked) {
        blocked += 1;
        events.push({ type: CollectionsEvents.ClientBlocked, aggregateId: clientId, data: { ...data, source: a.newlyBlocked } });
      } else if (a.unblocked) {
        unblocked += 1;
        events.push({ type: CollectionsEvents.ClientUnblocked, aggregateId: clientId, data: { ...data, source: 'assessment' } });
      }
    }
    await this.repository.insert(m, assessments);
    events.push(...(await this.openCreditReviews(m, reviews, asOf)));
    await this.outbox.append(m, 'collections', events);
    return { assessed: assessments.length, blocked, unblocked, assessments };
  }

  /** A credit_review task for each client whose exposure just crossed 90 % of its limit (one open per client). */
  private async openCreditReviews(m: EntityManager, reviews: CreditReviewDue[], asOf: CalendarDate): Promise<NewOutboxEvent<'collections'>[]> {
    const assignees = await this.tasks.assignees(reviews.map((r) => r.clientId), asOf, m);
    const tasks = reviews.map((review) => ({
      id: uuidv7(), clientId: review.clientId, assigneeId: assignees.get(review.clientId) ?? null, type: 'credit_review' as const, level: 0,
      invoiceIds: [], amount: review.exposure, currency: review.currency ?? 'EUR', priority: CREDIT_REVIEW_PRIORITY,
      note: `Exposure at ${Math.round(review.utilization * 100)} % of the credit limit: review the limit and terms`,
    }));
    const inserted = await this.tasks.insertOpen(tasks, asOf, m);
    return tasks.filter((t) => inserted.has(t.id)).map((t) => taskCreatedEvent(t, asOf));
  }
}
