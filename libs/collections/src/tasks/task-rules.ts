import type { RiskClass } from '../solvency/solvency-assessment.entity';
import { CalendarDate } from '@ar/time';

export interface AssigneeCandidate {
  managerId: string | null;
  managerDeputyId: string | null;
  managerAbsentUntil: CalendarDate | null;
  headOfSalesId: string | null;
}

/** The client's manager; their deputy while they are absent (through today); a head of sales when nobody manages the client. */
export function assignee(candidate: AssigneeCandidate, asOf: CalendarDate): string | null {
  if (!candidate.managerId) return candidate.headOfSalesId;
  const absent = candidate.managerAbsentUntil !== null && candidate.managerAbsentUntil >= asOf;
  return absent && candidate.managerDeputyId ? candidate.managerDeputyId : candidate.managerId;
}

const RISK_WEIGHT: Record<RiskClass, number> = { A: 0, B: 10, C: 25, D: 40 };

/**
 * Higher means call first. Amount counts logarithmically (10x the money is one step, not ten),
 * days overdue linearly up to 120, risk and dunning level add fixed steps.
 */
export function taskPriority(input: { amountOverdueMinor: number; currencyExponent: number; maxDaysOverdue: number; riskClass: RiskClass | null; level: number }): number {
  const major = input.amountOverdueMinor / 10 ** input.currencyExponent;
  const amountPoints = Math.round(Math.log10(1 + Math.max(0, major)) * 20);
  const dayPoints = Math.round(Math.min(120, Math.max(0, input.maxDaysOverdue)) / 2);
  return amountPoints + dayPoints + RISK_WEIGHT[input.riskClass ?? 'A'] + input.level * 5;
}
