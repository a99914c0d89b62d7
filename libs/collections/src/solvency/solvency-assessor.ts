import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { NewOutboxEvent, OutboxWriter } from '@ar/outbox';
import { CalendarDate } from '@ar/time';
import { CollectionsEvents } from '../collections-events';
import { PolicyCatalog } from '../policies/policy-catalog';
import { RiskClass, SolvencyAssessment } from './solvency-assessment.entity';
import { assessSolvency } from './solvency-scoring';

export interface AssessmentOutcome {
  assessed: number;
  blocked: number;
  unblocked: number;
  assessments: SolvencyAssessment[];
}

interface ClientFigures {
  id: string;
  credit_limit_amount: string | null;
  credit_limit_currency: string | null;
}

/**
 * Assesses a set of clients as of a date from their receivables (read through the invoicing views),
 * stores each assessment and announces risk changes, blocks and unblocks. A client is blocked when the
 * score says block or one of its overdue invoices reached a blocking dunning level; only blocks the
 * collections context set are lifted by it.
 */
@Injectable()
export class SolvencyAssessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async assess(clientIds: string[], asOf: CalendarDate, policies: PolicyCatalog, manager?: EntityManager): Promise<AssessmentOutcome> {
    if (clientIds.length === 0) return { assessed: 0, blocked: 0, unblocked: 0, assessments: [] };
    const work = async (m: EntityManager) => this.assessIn(m, clientIds, asOf, policies);
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  private async assessIn(m: EntityManager, clientIds: string[], asOf: CalendarDate, policies: PolicyCatalog): Promise<AssessmentOutcome> {
    const clients: ClientFigures[] = await m.query(
      `SELECT id, credit_limit_amount, credit_limit_currency FROM contracts.client_directory_v1 WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [clientIds],
    );
    // One pass over the clients' open receivables gives both their figures per currency and, per dunning policy,
    // the highest level any of them reached (a level may block the client).
    const receivables: {
      client_id: string; currency: string; policy_id: string | null; exposure: string; overdue: string; max_days: number | null; disputes: string; level: number | null;
    }[] = await m.query(
      `SELECT r.client_id, r.currency, t.dunning_policy_id AS policy_id,
              coalesce(sum(r.balance) FILTER (WHERE r.issue_date <= $2::date), 0)::bigint AS exposure,
              coalesce(sum(r.balance) FILTER (WHERE r.issue_date <= $2::date AND r.due_date < $2::date), 0)::bigint AS overdue,
              max($2::date - r.due_date) FILTER (WHERE r.issue_date <= $2::date AND r.due_date < $2::date) AS max_days,
              count(*) FILTER (WHERE r.issue_date <= $2::date AND r.disputed) AS disputes,
              max(d.level) FILTER (WHERE d.level > 0) AS level
       FROM invoicing.receivables_v1 r
       JOIN contracts.contract_terms_v1 t ON t.id = r.contract_id
       LEFT JOIN collections.invoice_dunning d ON d.invoice_id = r.invoice_id
       WHERE r.client_id = ANY($1::uuid[]) AND r.open_receivable
       GROUP BY r.client_id, r.currency, t.dunning_policy_id`,
      [clientIds, asOf],
    );
    const open = foldByCurrency(receivables);
    const levels = receivables.filter((r) => r.level !== null).map((r) => ({ client_id: r.client_id, policy_id: r.policy_id, level: r.level as number }));
    const late: { client_id: string; avg_late: string }[] = await m.query(
      `SELECT client_id, (sum(total * GREATEST(settled_on - due_date, 0))::numeric / NULLIF(sum(total), 0)) AS avg_late
       FROM invoicing.receivables_v1
       WHERE client_id = ANY($1::uuid[]) AND status = 'paid' AND settled_on > $2::date - 365 AND settled_on <= $2::date
       GROUP BY client_id`,
      [clientIds, asOf],
    );
    const broken: { client_id: string; n: string }[] = await m.query(
      `SELECT client_id, count(*) AS n FROM collections.promises
       WHERE client_id = ANY($1::uuid[]) AND status = 'broken' AND resolved_on > $2::date - 90 GROUP BY client_id`,
      [clientIds, asOf],
    );
    const previous: { client_id: string; risk_class: RiskClass; blocked_client: boolean }[] = await m.query(
      `SELECT client_id, risk_class, blocked_client FROM collections.client_solvency WHERE client_id = ANY($1::uuid[])`,
      [clientIds],
    );

    const group = <T extends { client_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) map.set(r.client_id, [...(map.get(r.client_id) ?? []), r]);
      return map;
    };
    const openBy = group(open);
    const lateBy = new Map(late.map((r) => [r.client_id, Number(r.avg_late ?? 0)]));
    const brokenBy = new Map(broken.map((r) => [r.client_id, Number(r.n)]));
    const levelsBy = group(levels);
    const prevBy = new Map(previous.map((r) => [r.client_id, r]));

    const assessments: SolvencyAssessment[] = [];
    const events: NewOutboxEvent<'collections'>[] = [];
    let blocked = 0;
    let unblocked = 0;
    for (const client of clients) {
      const rows = openBy.get(client.id) ?? [];
      // Figures in the credit limit's currency, else in the currency with most at stake.
      const currency =
        client.credit_limit_currency ?? [...rows].sort((a, b) => Number(b.exposure) - Number(a.exposure))[0]?.currency ?? null;
      const inCurrency = rows.find((r) => r.currency === currency);
      const creditLimit = client.credit_limit_amount === null ? null : Number(client.credit_limit_amount);
      const inputs = {
        exposure: Number(inCurrency?.exposure ?? 0),
        creditLimit,
        overdueAmount: Number(inCurrency?.overdue ?? 0),
        avgDaysLate: Math.round((lateBy.get(client.id) ?? 0) * 100) / 100,
        maxDaysOverdue: Math.max(0, ...rows.map((r) => r.max_days ?? 0)),
        brokenPromises90d: brokenBy.get(client.id) ?? 0,
        openDisputes: rows.reduce((n, r) => n + Number(r.disputes), 0),
      };
      const result = assessSolvency(inputs);
      const blockingLevel = (levelsBy.get(client.id) ?? []).find((l) => policies.level(l.policy_id, l.level)?.blockClient);
      const reasons = [...result.reasons];
      if (blockingLevel) reasons.push(`an invoice reached dunning level ${blockingLevel.level}, which blocks the client`);
      const prev = prevBy.get(client.id);
      // Only an ok or watch lifts a block; a client blocked and now on hold stays blocked.
      const shouldBlock = result.decision === 'block' || blockingLevel !== undefined || (prev?.blocked_client === true && result.decision === 'hold');
      const assessment = Object.assign(new SolvencyAssessment(), {
        id: uuidv7(),
        clientId: client.id,
        asOf,
        score: result.score,
        riskClass: result.riskClass,
        exposure: inputs.exposure,
        creditLimit,
        currency,
        utilization: result.utilization,
        overdueAmount: inputs.overdueAmount,
        avgDaysLate: inputs.avgDaysLate,
        maxDaysOverdue: inputs.maxDaysOverdue,
        brokenPromises90d: inputs.brokenPromises90d,
        openDisputes: inputs.openDisputes,
        decision: shouldBlock ? 'block' : result.decision,
        reasons,
        blockedClient: shouldBlock,
      });
      assessments.push(assessment);
      const data = { clientId: client.id, asOf, score: result.score, riskClass: result.riskClass, decision: assessment.decision, reasons };
      if (!prev || prev.risk_class !== result.riskClass) {
        events.push({ type: CollectionsEvents.ClientRiskChanged, aggregateId: client.id, data: { ...data, previousRiskClass: prev?.risk_class ?? null } });
      }
      if (shouldBlock && !prev?.blocked_client) {
        blocked += 1;
        events.push({ type: CollectionsEvents.ClientBlocked, aggregateId: client.id, data: { ...data, source: blockingLevel ? 'dunning' : 'assessment' } });
      } else if (!shouldBlock && prev?.blocked_client) {
        unblocked += 1;
        events.push({ type: CollectionsEvents.ClientUnblocked, aggregateId: client.id, data: { ...data, source: 'assessment' } });
      }
    }
    // The history row and the client's current one, in one statement.
    await m.query(
      `WITH assessed AS (
         INSERT INTO collections.solvency_assessments (id, client_id, as_of, score, risk_class, exposure, credit_limit, currency, utilization,
            overdue_amount, avg_days_late, max_days_overdue, broken_promises_90d, open_disputes, decision, reasons, blocked_client)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::smallint[], $5::char(1)[], $6::bigint[], $7::bigint[], $8::char(3)[], $9::numeric[],
            $10::bigint[], $11::numeric[], $12::int[], $13::int[], $14::int[], $15::varchar[], $16::jsonb[], $17::boolean[])
         RETURNING id, client_id, as_of, score, risk_class, decision, blocked_client, created_at)
       INSERT INTO collections.client_solvency (client_id, assessment_id, as_of, score, risk_class, decision, blocked_client, assessed_at)
       SELECT client_id, id, as_of, score, risk_class, decision, blocked_client, created_at FROM assessed
       ON CONFLICT (client_id) DO UPDATE SET assessment_id = EXCLUDED.assessment_id, as_of = EXCLUDED.as_of, score = EXCLUDED.score,
         risk_class = EXCLUDED.risk_class, decision = EXCLUDED.decision, blocked_client = EXCLUDED.blocked_client,
         assessed_at = EXCLUDED.assessed_at, updated_at = now()
       WHERE collections.client_solvency.assessed_at <= EXCLUDED.assessed_at`,
      [
        assessments.map((a) => a.id),
        assessments.map((a) => a.clientId),
        assessments.map((a) => a.asOf),
        assessments.map((a) => a.score),
        assessments.map((a) => a.riskClass),
        assessments.map((a) => a.exposure),
        assessments.map((a) => a.creditLimit),
        assessments.map((a) => a.currency),
        assessments.map((a) => a.utilization),
        assessments.map((a) => a.overdueAmount),
        assessments.map((a) => a.avgDaysLate),
        assessments.map((a) => a.maxDaysOverdue),
        assessments.map((a) => a.brokenPromises90d),
        assessments.map((a) => a.openDisputes),
        assessments.map((a) => a.decision),
        assessments.map((a) => JSON.stringify(a.reasons)),
        assessments.map((a) => a.blockedClient),
      ],
    );
    await this.outbox.append(m, 'collections', events);
    return { assessed: assessments.length, blocked, unblocked, assessments };
  }
}

interface OpenFigures {
  client_id: string;
  currency: string;
  exposure: string;
  overdue: string;
  max_days: number | null;
  disputes: string;
}

/** Sums a client's receivable figures over its dunning policies, per currency. */
function foldByCurrency(rows: OpenFigures[]): OpenFigures[] {
  const byKey = new Map<string, OpenFigures>();
  for (const r of rows) {
    const key = `${r.client_id}|${r.currency}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { client_id: r.client_id, currency: r.currency, exposure: r.exposure, overdue: r.overdue, max_days: r.max_days, disputes: r.disputes });
      continue;
    }
    seen.exposure = String(BigInt(seen.exposure) + BigInt(r.exposure));
    seen.overdue = String(BigInt(seen.overdue) + BigInt(r.overdue));
    seen.max_days = r.max_days === null ? seen.max_days : Math.max(seen.max_days ?? 0, r.max_days);
    seen.disputes = String(Number(seen.disputes) + Number(r.disputes));
  }
  // A currency in which nothing was issued by the date has no figures.
  return [...byKey.values()].filter((r) => BigInt(r.exposure) > 0n);
}
