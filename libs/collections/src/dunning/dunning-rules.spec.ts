import { feesBetween, nextLevel, PolicyLevel, targetLevel } from './dunning-level';

const standard: PolicyLevel[] = [
  { level: 1, minDaysOverdue: 3, action: 'reminder', feeAmount: 0, blockClient: false, letter: 'none', payWithinDays: 14 },
  { level: 2, minDaysOverdue: 14, action: 'reminder', feeAmount: 500, blockClient: false, letter: 'none', payWithinDays: 14 },
  { level: 3, minDaysOverdue: 30, action: 'final_notice', feeAmount: 1000, blockClient: false, letter: 'none', payWithinDays: 14 },
  { level: 4, minDaysOverdue: 60, action: 'legal_handover', feeAmount: 0, blockClient: true, letter: 'none', payWithinDays: 14 },
];

describe('dunning level selection', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [13, 1],
    [14, 2],
    [30, 3],
    [59, 3],
    [60, 4],
    [400, 4],
  ])('%d days overdue → level %d', (days, level) => {
    expect(targetLevel(standard, days)).toBe(level);
  });

  it('rises, may skip levels, never falls, and holds for disputes and promises', () => {
    expect(nextLevel(0, 3, false)).toBe(3);
    expect(nextLevel(3, 1, false)).toBe(3);
    expect(nextLevel(1, 4, true)).toBe(1);
  });

  it('charges the fees of every level passed', () => {
    expect(feesBetween(standard, 0, 3)).toBe(1500);
    expect(feesBetween(standard, 2, 3)).toBe(1000);
    expect(feesBetween(standard, 3, 3)).toBe(0);
  });
});
