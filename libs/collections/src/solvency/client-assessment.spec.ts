import { PolicyLevel } from '../dunning/dunning-level';
import { PolicyCatalog } from '../policies/policy-catalog';
import { STANDARD_POLICY_ID } from '../policies/dunning-policy.entity';
import { assessClient, ClientFacts } from './client-assessment';

const LEVELS: PolicyLevel[] = [
  { level: 1, minDaysOverdue: 3, action: 'reminder', feeAmount: 0, blockClient: false, letter: 'none', payWithinDays: 14 },
  { level: 4, minDaysOverdue: 60, action: 'legal_handover', feeAmount: 0, blockClient: true, letter: 'none', payWithinDays: 14 },
];
const policies = new PolicyCatalog(new Map([[STANDARD_POLICY_ID, LEVELS]]));

const facts = (overrides: Partial<ClientFacts>): ClientFacts => ({
  clientId: 'c1', creditLimit: null, receivables: [], dunningLevels: [], avgDaysLate: 0, brokenPromises90d: 0, previous: null, ...overrides,
});
const healthy = { currency: 'EUR', exposure: 100_000, overdue: 0, maxDaysOverdue: null, disputes: 0 };

describe('client assessment', () => {
  it('reads the figures in the credit limit currency, else in the currency with most at stake', () => {
    const receivables = [healthy, { ...healthy, currency: 'USD', exposure: 900_000, overdue: 900_000, maxDaysOverdue: 10 }];
    expect(assessClient(facts({ receivables }), policies)).toMatchObject({ currency: 'USD', inputs: { exposure: 900_000, overdueAmount: 900_000, maxDaysOverdue: 10 } });
    const withLimit = assessClient(facts({ receivables, creditLimit: { amount: 1_000_000, currency: 'EUR' } }), policies);
    expect(withLimit).toMatchObject({ currency: 'EUR', inputs: { exposure: 100_000, creditLimit: 1_000_000, maxDaysOverdue: 10 } });
  });

  it('blocks a client one of whose invoices reached a blocking level, and says so', () => {
    const a = assessClient(facts({ receivables: [healthy], dunningLevels: [{ policyId: null, level: 4 }], previous: { riskClass: 'A', blocked: false, utilization: null } }), policies);
    expect(a).toMatchObject({ blocked: true, decision: 'block', newlyBlocked: 'dunning', unblocked: false });
    expect(a.reasons.join(' ')).toMatch(/dunning level 4/);
  });

  it('announces a risk change only when the class changes, and the first assessment as one', () => {
    expect(assessClient(facts({ receivables: [healthy] }), policies).riskChanged).toBe(true);
    expect(assessClient(facts({ receivables: [healthy], previous: { riskClass: 'A', blocked: false, utilization: null } }), policies).riskChanged).toBe(false);
  });

  it('lifts a block it set when the score says ok, but not while the client is on hold', () => {
    const ok = assessClient(facts({ receivables: [healthy], previous: { riskClass: 'D', blocked: true, utilization: null } }), policies);
    expect(ok).toMatchObject({ blocked: false, unblocked: true, newlyBlocked: null });
    const risky = { ...healthy, overdue: 100_000, maxDaysOverdue: 90 };
    const hold = assessClient(facts({ receivables: [risky], avgDaysLate: 30, previous: { riskClass: 'D', blocked: true, utilization: null } }), policies);
    expect(hold.riskClass).toBe('C');
    expect(hold).toMatchObject({ decision: 'block', blocked: true, unblocked: false, newlyBlocked: null });
  });
});
