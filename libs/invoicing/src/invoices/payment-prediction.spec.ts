import { predictedPaymentDate } from './payment-prediction';

const open = { status: 'open' as const, dueDate: '2026-03-31', total: 1000, amountPaid: 0, amountCredited: 0, amountDiscounted: 0 };

describe('predicted payment date', () => {
  it('is the due date plus the typical delay in whole days', () => {
    expect(predictedPaymentDate(open, 12.4, '2026-03-01')).toBe('2026-04-12');
    expect(predictedPaymentDate(open, 0, '2026-03-01')).toBe('2026-03-31');
  });

  it('is never before the as-of date for what is still owed', () => {
    expect(predictedPaymentDate(open, 5, '2026-04-20')).toBe('2026-04-20');
  });

  it('is null once nothing is owed', () => {
    expect(predictedPaymentDate({ ...open, status: 'paid', amountPaid: 1000 }, 5, '2026-03-01')).toBeNull();
    expect(predictedPaymentDate({ ...open, status: 'void' }, 5, '2026-03-01')).toBeNull();
  });
});
