export interface PolicyLevel {
  level: number;
  minDaysOverdue: number;
  action: 'reminder' | 'final_notice' | 'legal_handover';
  feeAmount: number;
  blockClient: boolean;
  /** The letter the level sends the debtor: none, by e-mail, or to post. */
  letter: 'none' | 'email' | 'post';
  /** Days the level's letter gives to pay. */
  payWithinDays: number;
}

/** The highest level whose threshold the invoice has reached; 0 when none (one sweep may skip levels). */
export function targetLevel(levels: PolicyLevel[], daysOverdue: number): number {
  let target = 0;
  for (const l of levels) if (daysOverdue >= l.minDaysOverdue && l.level > target) target = l.level;
  return target;
}

/**
 * Levels only rise, and a disputed invoice or one under an open promise to pay does not rise at all.
 */
export function nextLevel(current: number, target: number, held: boolean): number {
  return held ? current : Math.max(current, target);
}

/** Dunning fees of every level passed on the way from `from` to `to`. */
export function feesBetween(levels: PolicyLevel[], from: number, to: number): number {
  return levels.filter((l) => l.level > from && l.level <= to).reduce((sum, l) => sum + l.feeAmount, 0);
}
