import { instalmentProblem, planProgress } from './plan-progress';

const plan = [
  { dueOn: '2026-04-01', amount: 30_000 },
  { dueOn: '2026-05-01', amount: 30_000 },
  { dueOn: '2026-06-01', amount: 40_000 },
];

describe('instalment plan progress', () => {
  it('fills instalments in order with what was paid', () => {
    const p = planProgress(plan, 45_000, '2026-04-15', 0);
    expect(p.instalments.map((i) => [i.paid, i.state])).toEqual([[30_000, 'paid'], [15_000, 'partly_paid'], [0, 'due']]);
    expect(p).toMatchObject({ paid: 45_000, outstanding: 55_000, completed: false, missed: null });
  });

  it('misses an instalment not covered once its date and the tolerance passed', () => {
    expect(planProgress(plan, 45_000, '2026-05-02', 0).missed).toMatchObject({ dueOn: '2026-05-01', paid: 15_000 });
    expect(planProgress(plan, 45_000, '2026-05-03', 3).missed).toBeNull();
    expect(planProgress(plan, 45_000, '2026-05-05', 3).missed).toMatchObject({ dueOn: '2026-05-01' });
  });

  it('is completed when every instalment is covered, early or not', () => {
    expect(planProgress(plan, 100_000, '2026-04-02', 0)).toMatchObject({ completed: true, outstanding: 0, missed: null });
  });

  it('checks the sum and the order of due dates', () => {
    expect(instalmentProblem(plan, 100_000, '2026-03-20')).toBeNull();
    expect(instalmentProblem(plan, 99_999, '2026-03-20')).toBe('The instalments add up to 100000, the invoices owe 99999');
    expect(instalmentProblem(plan, 100_000, '2026-04-02')).toBe('The first instalment is due in the past');
    expect(instalmentProblem([plan[1], plan[0], plan[2]], 100_000, '2026-03-20')).toBe('Instalment 2 is not due after instalment 1');
  });
});
