import { PolicyCatalog } from '../policies/policy-catalog';
import { STANDARD_POLICY_ID } from '../policies/dunning-policy.entity';
import { PolicyLevel } from './dunning-level';
import { dunningChanges, OverdueInvoice } from './dunning-changes';

const LEVELS: PolicyLevel[] = [
  { level: 1, minDaysOverdue: 3, action: 'reminder', feeAmount: 0, blockClient: false, letter: 'none', payWithinDays: 14 },
  { level: 2, minDaysOverdue: 14, action: 'reminder', feeAmount: 500, blockClient: false, letter: 'none', payWithinDays: 14 },
  { level: 3, minDaysOverdue: 30, action: 'final_notice', feeAmount: 1000, blockClient: false, letter: 'none', payWithinDays: 14 },
];
const policies = new PolicyCatalog(new Map([[STANDARD_POLICY_ID, LEVELS]]));
const asOf = '2026-04-30';

const invoice = (overrides: Partial<OverdueInvoice>): OverdueInvoice => ({
  invoiceId: 'i1', clientId: 'c1', number: '2026-1', currency: 'EUR', dueDate: '2026-04-10', balance: 10_000, disputed: false,
  policyId: null, level: null, feeAmount: 0, held: false, clientOverdue: null, ...overrides,
});

describe('dunning changes', () => {
  it('an invoice not dunned yet falls overdue and may pass several levels at once, with each level\'s fee', () => {
    const [change] = dunningChanges([invoice({ dueDate: '2026-03-31' })], policies, asOf);
    expect(change).toMatchObject({ isNew: true, raised: true, previousLevel: 0, level: 3, daysOverdue: 30, fee: 1500 });
  });

  it('a newly overdue invoice below the first threshold is recorded at level 0, with no level change', () => {
    expect(dunningChanges([invoice({ dueDate: '2026-04-29' })], policies, asOf)).toMatchObject([{ isNew: true, raised: false, level: 0, fee: 0 }]);
  });

  it('returns nothing for an invoice whose level does not change', () => {
    expect(dunningChanges([invoice({ level: 2, feeAmount: 500 })], policies, asOf)).toEqual([]);
  });

  it('does not raise a disputed invoice or one under a promise, and never lowers a level', () => {
    expect(dunningChanges([invoice({ level: 1, disputed: true })], policies, asOf)).toEqual([]);
    expect(dunningChanges([invoice({ level: 1, held: true })], policies, asOf)).toEqual([]);
    expect(dunningChanges([invoice({ level: 3, dueDate: '2026-04-25' })], policies, asOf)).toEqual([]);
  });

  it('adds the fees of the levels passed to those already charged', () => {
    expect(dunningChanges([invoice({ level: 1, dueDate: '2026-03-31' })], policies, asOf)).toMatchObject([{ isNew: false, raised: true, level: 3, fee: 1500 }]);
  });

  it('does not raise an invoice while its client owes less overdue in the currency than the policy minimum', () => {
    const withMinimum = new PolicyCatalog(new Map([[STANDARD_POLICY_ID, LEVELS]]), new Map([[STANDARD_POLICY_ID, new Map([['EUR', 5_000]])]]));
    expect(withMinimum.hasMinimums()).toBe(true);
    expect(dunningChanges([invoice({ level: 1, dueDate: '2026-03-31', clientOverdue: 4_999 })], withMinimum, asOf)).toEqual([]);
    expect(dunningChanges([invoice({ level: 1, dueDate: '2026-03-31', clientOverdue: 5_000 })], withMinimum, asOf)).toMatchObject([{ level: 3 }]);
    expect(dunningChanges([invoice({ level: 1, dueDate: '2026-03-31', currency: 'USD', clientOverdue: 10 })], withMinimum, asOf)).toMatchObject([{ level: 3 }]);
  });
});
