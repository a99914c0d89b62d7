import { PolicyLevel } from '../dunning/dunning-level';
import { PolicyCatalog } from '../policies/policy-catalog';
import { STANDARD_POLICY_ID } from '../policies/dunning-policy.entity';
import { ExistingDunningTask, OverdueGroup, planDunningTasks, reconcileDunningTasks } from './dunning-task-plan';

const LEVELS: PolicyLevel[] = [
  { level: 1, minDaysOverdue: 3, action: 'reminder', feeAmount: 0, blockClient: false, letter: 'none', payWithinDays: 14 },
  { level: 2, minDaysOverdue: 14, action: 'reminder', feeAmount: 500, blockClient: false, letter: 'none', payWithinDays: 14 },
  { level: 3, minDaysOverdue: 30, action: 'final_notice', feeAmount: 1000, blockClient: false, letter: 'none', payWithinDays: 14 },
  { level: 4, minDaysOverdue: 60, action: 'legal_handover', feeAmount: 0, blockClient: true, letter: 'none', payWithinDays: 14 },
];
const policies = new PolicyCatalog(new Map([[STANDARD_POLICY_ID, LEVELS]]));
const asOf = '2026-04-15';
const CLIENT = 'c0000000-0000-4000-8000-000000000001';
const MANAGER = 'a0000000-0000-4000-8000-000000000001';
const DEPUTY = 'a0000000-0000-4000-8000-000000000002';
const HEAD = 'a0000000-0000-4000-8000-000000000003';
const inv = (n: number) => `10000000-0000-4000-8000-00000000000${n}`;

const group = (overrides: Partial<OverdueGroup>): OverdueGroup => ({
  clientId: CLIENT, level: 1, policyId: null, currency: 'EUR', invoiceIds: [inv(1)], amount: 100_000, maxDaysOverdue: 5,
  managerId: MANAGER, deputyId: DEPUTY, managerAbsentUntil: null, riskClass: 'A', ...overrides,
});

describe('dunning task plan', () => {
  it('plans one task per client, action and level, its type from the level in the policy', () => {
    const tasks = planDunningTasks([group({ level: 1 }), group({ level: 3, invoiceIds: [inv(2)], maxDaysOverdue: 35 })], policies, asOf, HEAD);
    expect(tasks.map((t) => [t.type, t.level, t.invoiceIds])).toEqual([
      ['reminder', 1, [inv(1)]],
      ['final_notice', 3, [inv(2)]],
    ]);
    expect(tasks[1].priority).toBeGreaterThan(tasks[0].priority);
  });

  it('merges the groups of one level: the invoices sorted, amounts of one currency added, the currency with most at stake kept', () => {
    const [task] = planDunningTasks(
      [
        group({ invoiceIds: [inv(3)], amount: 40_000, maxDaysOverdue: 9 }),
        group({ invoiceIds: [inv(1)], amount: 30_000, policyId: 'other-policy' }),
        group({ invoiceIds: [inv(2)], currency: 'USD', amount: 90_000, maxDaysOverdue: 4 }),
      ],
      policies,
      asOf,
      HEAD,
    );
    expect(task).toMatchObject({ invoiceIds: [inv(1), inv(2), inv(3)], currency: 'USD', amount: 90_000, maxDays: 9 });
  });

  it("gives the task to the manager, to the deputy while the manager is away through today, and to the head of sales when nobody manages the client", () => {
    const to = (g: Partial<OverdueGroup>) => planDunningTasks([group(g)], policies, asOf, HEAD)[0].assigneeId;
    expect(to({})).toBe(MANAGER);
    expect(to({ managerAbsentUntil: asOf })).toBe(DEPUTY);
    expect(to({ managerAbsentUntil: '2026-04-14' })).toBe(MANAGER);
    expect(to({ managerAbsentUntil: asOf, deputyId: null })).toBe(MANAGER);
    expect(to({ managerId: null })).toBe(HEAD);
  });
});

describe('dunning task reconciliation', () => {
  const [planned] = planDunningTasks([group({ invoiceIds: [inv(1), inv(2)] })], policies, asOf, HEAD);
  const existing = (overrides: Partial<ExistingDunningTask>): ExistingDunningTask => ({
    id: 'task-1', clientId: CLIENT, type: 'reminder', level: 1, status: 'open', invoiceIds: [inv(1)], ...overrides,
  });
  let next = 0;
  const newId = () => `new-${++next}`;

  it('updates the open or snoozed task of the same client, type and level', () => {
    expect(reconcileDunningTasks([planned], [existing({})], newId)).toMatchObject({ toUpdate: [{ id: 'task-1', invoiceIds: [inv(1), inv(2)] }], toCreate: [] });
    expect(reconcileDunningTasks([planned], [existing({ status: 'snoozed' })], newId).toUpdate).toHaveLength(1);
  });

  it('does not ask again for a debt whose call was already made, but does for invoices the done task did not list', () => {
    expect(reconcileDunningTasks([planned], [existing({ status: 'done', invoiceIds: [inv(1), inv(2)] })], newId)).toEqual({ toUpdate: [], toCreate: [] });
    const { toCreate } = reconcileDunningTasks([planned], [existing({ status: 'done', invoiceIds: [inv(1)] })], newId);
    expect(toCreate).toMatchObject([{ id: expect.stringMatching(/^new-/), level: 1, invoiceIds: [inv(1), inv(2)] }]);
  });

  it('creates a task when the existing one is of another level', () => {
    const { toUpdate, toCreate } = reconcileDunningTasks([planned], [existing({ level: 2 })], newId);
    expect(toUpdate).toEqual([]);
    expect(toCreate).toHaveLength(1);
  });
});
