import { addDays, CalendarDate } from '@ar/time';
import { Instalment } from './instalment-plan.entity';

export type InstalmentState = 'paid' | 'partly_paid' | 'due' | 'missed';

export interface InstalmentProgress extends Instalment {
  /** What of this instalment is covered, payments counting towards the instalments in order. */
  paid: number;
  state: InstalmentState;
}

export interface PlanProgress {
  paid: number;
  outstanding: number;
  instalments: InstalmentProgress[];
  /** Every instalment covered. */
  completed: boolean;
  /** The first instalment not covered once its due date and the tolerance passed, or null. */
  missed: InstalmentProgress | null;
}

/**
 * Where a plan stands on a date, given what was paid towards its invoices since it was agreed: payments fill the
 * instalments in order; one not covered after its due date plus `toleranceDays` is missed.
 */
export function planProgress(instalments: Instalment[], paid: number, asOf: CalendarDate, toleranceDays: number): PlanProgress {
  let left = paid;
  const progress = instalments.map((i) => {
    const covered = Math.min(i.amount, Math.max(0, left));
    left -= covered;
    const late = addDays(i.dueOn, toleranceDays) < asOf;
    const state: InstalmentState = covered === i.amount ? 'paid' : late ? 'missed' : covered > 0 ? 'partly_paid' : 'due';
    return { ...i, paid: covered, state };
  });
  const total = instalments.reduce((n, i) => n + i.amount, 0);
  return {
    paid: Math.min(paid, total),
    outstanding: Math.max(0, total - paid),
    instalments: progress,
    completed: progress.every((i) => i.state === 'paid'),
    missed: progress.find((i) => i.state === 'missed') ?? null,
  };
}

/** What is wrong with proposed instalments against what the invoices owe, or null: due dates ascending from today, sums equal. */
export function instalmentProblem(instalments: Instalment[], owed: number, today: CalendarDate): string | null {
  const sum = instalments.reduce((n, i) => n + i.amount, 0);
  if (sum !== owed) return `The instalments add up to ${sum}, the invoices owe ${owed}`;
  if (instalments[0].dueOn < today) return 'The first instalment is due in the past';
  for (let k = 1; k < instalments.length; k++) {
    if (instalments[k].dueOn <= instalments[k - 1].dueOn) return `Instalment ${k + 1} is not due after instalment ${k}`;
  }
  return null;
}
