import { assignee, taskPriority } from '../tasks/task-rules';
import { assessSolvency, riskClassFor } from './solvency-scoring';

const clean = { exposure: 100_000, creditLimit: 1_000_000, overdueAmount: 0, avgDaysLate: 0, maxDaysOverdue: 0, brokenPromises90d: 0, openDisputes: 0 };

describe('solvency scoring', () => {
  it('rates a clean client A / ok with a reason', () => {
    expect(assessSolvency(clean)).toMatchObject({ score: 100, riskClass: 'A', decision: 'ok', utilization: 0.1, reasons: [expect.any(String)] });
  });

  it('lists a reason for every penalty', () => {
    const result = assessSolvency({ ...clean, overdueAmount: 50_000, avgDaysLate: 30, maxDaysOverdue: 45, brokenPromises90d: 1, openDisputes: 1 });
    expect(result.reasons).toHaveLength(5);
    // 10 (overdue share) + 7.5 (avg late) + 12.5 (max overdue) + 10 + 3 = 43 → 57 → C
    expect(result).toMatchObject({ score: 57, riskClass: 'C', decision: 'hold' });
  });

  it('blocks a client far over its limit and long overdue', () => {
    const result = assessSolvency({ ...clean, exposure: 2_000_000, overdueAmount: 2_000_000, maxDaysOverdue: 90, avgDaysLate: 60 });
    expect(result).toMatchObject({ riskClass: 'D', decision: 'block' });
    expect(result.reasons.join(' ')).toMatch(/above it/);
  });

  it.each([
    [80, 'A'],
    [79, 'B'],
    [60, 'B'],
    [59, 'C'],
    [40, 'C'],
    [39, 'D'],
  ])('score %d maps to class %s', (score, riskClass) => {
    expect(riskClassFor(score)).toBe(riskClass);
  });
});

describe('task assignment', () => {
  const base = { managerId: 'm', managerDeputyId: 'd', managerAbsentUntil: null, headOfSalesId: 'h' };
  it('goes to the manager, to the deputy while absent, to the head of sales without a manager', () => {
    expect(assignee(base, '2026-03-01')).toBe('m');
    expect(assignee({ ...base, managerAbsentUntil: '2026-03-01' }, '2026-03-01')).toBe('d');
    expect(assignee({ ...base, managerAbsentUntil: '2026-02-28' }, '2026-03-01')).toBe('m');
    expect(assignee({ ...base, managerAbsentUntil: '2026-03-05', managerDeputyId: null }, '2026-03-01')).toBe('m');
    expect(assignee({ ...base, managerId: null }, '2026-03-01')).toBe('h');
  });
});

describe('task priority', () => {
  const p = (over: Partial<Parameters<typeof taskPriority>[0]>) =>
    taskPriority({ amountOverdueMinor: 100_000, currencyExponent: 2, maxDaysOverdue: 10, riskClass: 'A', level: 1, ...over });
  it('rises with amount, days, risk and level', () => {
    expect(p({ amountOverdueMinor: 1_000_000 })).toBeGreaterThan(p({}));
    expect(p({ maxDaysOverdue: 40 })).toBeGreaterThan(p({}));
    expect(p({ riskClass: 'D' })).toBeGreaterThan(p({ riskClass: 'B' }));
    expect(p({ level: 3 })).toBeGreaterThan(p({}));
  });
  it('compares amounts across currencies by major units', () => {
    expect(taskPriority({ amountOverdueMinor: 100_000, currencyExponent: 0, maxDaysOverdue: 0, riskClass: 'A', level: 0 })).toBeGreaterThan(
      taskPriority({ amountOverdueMinor: 100_000, currencyExponent: 2, maxDaysOverdue: 0, riskClass: 'A', level: 0 }),
    );
  });
});
