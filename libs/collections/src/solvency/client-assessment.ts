import { PolicyCatalog } from '../policies/policy-catalog';
import type { RiskClass, SolvencyDecision } from './solvency-assessment.entity';
import { assessSolvency, SolvencyInputs } from './solvency-scoring';

/** A client's open receivables in one currency, as of the assessment date. */
export interface ReceivableFigures {
  currency: string;
  exposure: number;
  overdue: number;
  maxDaysOverdue: number | null;
  disputes: number;
}

/** What a client's assessment is computed from. */
export interface ClientFacts {
  clientId: string;
  creditLimit: { amount: number; currency: string } | null;
  receivables: ReceivableFigures[];
  /** The highest dunning level reached by an open invoice, per dunning policy. */
  dunningLevels: { policyId: string | null; level: number }[];
  avgDaysLate: number;
  brokenPromises90d: number;
  previous: { riskClass: RiskClass; blocked: boolean; utilization: number | null } | null;
}

/** A client's assessment and what it changes. */
export interface ClientAssessment {
  inputs: SolvencyInputs;
  currency: string | null;
  score: number;
  riskClass: RiskClass;
  utilization: number | null;
  decision: SolvencyDecision;
  reasons: string[];
  blocked: boolean;
  riskChanged: boolean;
  /** Set when this assessment blocks a client that was not blocked: dunning when a level blocks, else the score. */
  newlyBlocked: 'dunning' | 'assessment' | null;
  unblocked: boolean;
}

/**
 * Assesses one client: figures in the credit limit's currency, else in the currency with most at stake; the
 * score and its reasons (solvency-scoring); a client is blocked when the score says block or one of its open
 * invoices reached a level that blocks; only an ok or watch lifts a block, so a blocked client now on hold stays
 * blocked.
 */
export function assessClient(facts: ClientFacts, policies: PolicyCatalog): ClientAssessment {
  const rows = facts.receivables;
  const currency = facts.creditLimit?.currency ?? [...rows].sort((a, b) => b.exposure - a.exposure)[0]?.currency ?? null;
  const inCurrency = rows.find((r) => r.currency === currency);
  const inputs: SolvencyInputs = {
    exposure: inCurrency?.exposure ?? 0,
    creditLimit: facts.creditLimit?.amount ?? null,
    overdueAmount: inCurrency?.overdue ?? 0,
    avgDaysLate: Math.round(facts.avgDaysLate * 100) / 100,
    maxDaysOverdue: Math.max(0, ...rows.map((r) => r.maxDaysOverdue ?? 0)),
    brokenPromises90d: facts.brokenPromises90d,
    openDisputes: rows.reduce((n, r) => n + r.disputes, 0),
  };
  const result = assessSolvency(inputs);
  const blockingLevel = facts.dunningLevels.find((l) => policies.level(l.policyId, l.level)?.blockClient);
  const reasons = [...result.reasons];
  if (blockingLevel) reasons.push(`an invoice reached dunning level ${blockingLevel.level}, which blocks the client`);
  const wasBlocked = facts.previous?.blocked === true;
  const blocked = result.decision === 'block' || blockingLevel !== undefined || (wasBlocked && result.decision === 'hold');
  return {
    inputs,
    currency,
    score: result.score,
    riskClass: result.riskClass,
    utilization: result.utilization,
    decision: blocked ? 'block' : result.decision,
    reasons,
    blocked,
    riskChanged: facts.previous?.riskClass !== result.riskClass,
    newlyBlocked: blocked && !wasBlocked ? (blockingLevel ? 'dunning' : 'assessment') : null,
    unblocked: !blocked && wasBlocked,
  };
}

