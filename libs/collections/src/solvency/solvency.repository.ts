import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarDate } from '@ar/time';
import { ClientFacts } from './client-assessment';
import { RiskClass, SolvencyAssessment } from './solvency-assessment.entity';

/** The SQL of solvency assessments: what a client's assessment is computed from, and where it is kept. */
@Injectable()
export class SolvencyRepository {
  /** Everything the assessment of these clients as of a date needs, read through the other contexts' views. */
  async facts(m: EntityManager, clientIds: string[], asOf: CalendarDate): Promise<ClientFacts[]> {
    const clients: { id: string; credit_limit_amount: string | null; credit_limit_currency: string | null }[] = await m.query(
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
    const late: { client_id: string; avg_late: string }[] = await m.query(
      `SELECT client_id, avg_days_late AS avg_late FROM invoicing.days_late_v1($1::uuid[], $2::date)`,
      [clientIds, asOf],
    );
    const broken: { client_id: string; n: string }[] = await m.query(
      `SELECT client_id, count(*) AS n FROM collections.promises
       WHERE client_id = ANY($1::uuid[]) AND status = 'broken' AND resolved_on > $2::date - 90 GROUP BY client_id`,
      [clientIds, asOf],
    );
    const previous: { client_id: string; risk_class: RiskClass; blocked_client: boolean; utilization: string | null }[] = await m.query(
      `SELECT s.client_id, s.risk_class, s.blocked_client, a.utilization FROM collections.client_solvency s
       LEFT JOIN collections.solvency_assessments a ON a.id = s.assessment_id WHERE s.client_id = ANY($1::uuid[])`,
      [clientIds],
    );

    const byClient = <T extends { client_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) map.set(r.client_id, [...(map.get(r.client_id) ?? []), r]);
      return map;
    };
    const receivablesBy = byClient(foldByCurrency(receivables));
    const levelsBy = byClient(receivables.filter((r) => r.level !== null));
    const lateBy = new Map(late.map((r) => [r.client_id, Number(r.avg_late ?? 0)]));
    const brokenBy = new Map(broken.map((r) => [r.client_id, Number(r.n)]));
    const previousBy = new Map(previous.map((r) => [r.client_id, r]));
    return clients.map((c) => {
      const before = previousBy.get(c.id);
      return {
        clientId: c.id,
        creditLimit: c.credit_limit_amount === null || c.credit_limit_currency === null ? null : { amount: Number(c.credit_limit_amount), currency: c.credit_limit_currency },
        receivables: (receivablesBy.get(c.id) ?? []).map((r) => ({
          currency: r.currency,
          exposure: Number(r.exposure),
          overdue: Number(r.overdue),
          maxDaysOverdue: r.max_days,
          disputes: Number(r.disputes),
        })),
        dunningLevels: (levelsBy.get(c.id) ?? []).map((r) => ({ policyId: r.policy_id, level: r.level as number })),
        avgDaysLate: lateBy.get(c.id) ?? 0,
        brokenPromises90d: brokenBy.get(c.id) ?? 0,
        previous: before ? { riskClass: before.risk_class, blocked: before.blocked_client, utilization: before.utilization === null ? null : Number(before.utilization) } : null,
      };
    });
  }

  /** Appends the assessments to the history and makes each its client's current one, in one statement. */
  async insert(m: EntityManager, assessments: SolvencyAssessment[]): Promise<void> {
    if (assessments.length === 0) return;
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
