import type { RiskClass, SolvencyDecision } from './solvency-assessment.entity';

export interface SolvencyInputs {
  exposure: number;
  creditLimit: number | null;
  overdueAmount: number;
  avgDaysLate: number;
  maxDaysOverdue: number;
  brokenPromises90d: number;
  openDisputes: number;
}

export interface SolvencyResult {
  score: number;
  riskClass: RiskClass;
  decision: SolvencyDecision;
  utilization: number | null;
  reasons: string[];
}

/** Every weight and threshold of the assessment, in one place. Penalties are subtracted from 100. */
export const SOLVENCY_THRESHOLDS = {
  utilization: { from: 0.8, maxPenalty: 25, overLimitPenalty: 25 },
  overdueShare: { maxPenalty: 20 },
  avgDaysLate: { fullAtDays: 60, maxPenalty: 15 },
  maxDaysOverdue: { fullAtDays: 90, maxPenalty: 25 },
  brokenPromise: { each: 10, maxPenalty: 20 },
  dispute: { each: 3, maxPenalty: 9 },
  classes: { A: 80, B: 60, C: 40 },
  decisions: { A: 'ok', B: 'watch', C: 'hold', D: 'block' } as Record<RiskClass, SolvencyDecision>,
};

export function riskClassFor(score: number, t = SOLVENCY_THRESHOLDS): RiskClass {
  return score >= t.classes.A ? 'A' : score >= t.classes.B ? 'B' : score >= t.classes.C ? 'C' : 'D';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** An explainable score: each penalty that applies adds a reason naming its cause and size. */
export function assessSolvency(input: SolvencyInputs, t = SOLVENCY_THRESHOLDS): SolvencyResult {
  const reasons: string[] = [];
  let penalty = 0;
  const add = (points: number, reason: string) => {
    if (points <= 0) return;
    penalty += points;
    reasons.push(`${reason} (−${round1(points)})`);
  };

  const utilization = input.creditLimit !== null && input.creditLimit > 0 ? input.exposure / input.creditLimit : null;
  if (utilization !== null) {
    if (utilization > 1) add(t.utilization.overLimitPenalty, `exposure ${Math.round(utilization * 100)} % of the credit limit, above it`);
    else if (utilization > t.utilization.from) {
      add(((utilization - t.utilization.from) / (1 - t.utilization.from)) * t.utilization.maxPenalty, `exposure ${Math.round(utilization * 100)} % of the credit limit`);
    }
  } else if (input.creditLimit === 0 && input.exposure > 0) {
    add(t.utilization.overLimitPenalty, 'exposure with a credit limit of zero');
  }
  if (input.exposure > 0 && input.overdueAmount > 0) {
    const share = Math.min(1, input.overdueAmount / input.exposure);
    add(share * t.overdueShare.maxPenalty, `${Math.round(share * 100)} % of the exposure is overdue`);
  }
  add(Math.min(1, input.avgDaysLate / t.avgDaysLate.fullAtDays) * t.avgDaysLate.maxPenalty, `pays ${round1(input.avgDaysLate)} days late on average`);
  add(Math.min(1, input.maxDaysOverdue / t.maxDaysOverdue.fullAtDays) * t.maxDaysOverdue.maxPenalty, `oldest overdue invoice is ${input.maxDaysOverdue} days late`);
  add(Math.min(t.brokenPromise.maxPenalty, input.brokenPromises90d * t.brokenPromise.each), `${input.brokenPromises90d} broken promise(s) in 90 days`);
  add(Math.min(t.dispute.maxPenalty, input.openDisputes * t.dispute.each), `${input.openDisputes} open dispute(s)`);

  const score = Math.max(0, Math.min(100, Math.round(100 - penalty)));
  const riskClass = riskClassFor(score, t);
  if (reasons.length === 0) reasons.push('no overdue exposure, late payments, broken promises or disputes');
  return { score, riskClass, decision: t.decisions[riskClass], utilization: utilization === null ? null : Math.round(utilization * 10000) / 10000, reasons };
}
