import { holdStatus } from './dunning-holds.service';
import { isPartlyKept } from '../promises/promises.service';
import { PromiseToPay } from '../promises/promise-to-pay.entity';

describe('dunning hold status', () => {
  it('holds through the day before until, and ends on until', () => {
    expect(holdStatus({ releasedAt: null, until: '2026-03-20' }, '2026-03-19')).toBe('active');
    expect(holdStatus({ releasedAt: null, until: '2026-03-20' }, '2026-03-20')).toBe('expired');
  });

  it('a released hold is released whatever its date', () => {
    expect(holdStatus({ releasedAt: new Date('2026-03-01T10:00:00Z'), until: '2026-03-20' }, '2026-03-02')).toBe('released');
  });
});

describe('partly kept promises', () => {
  const promise = (status: PromiseToPay['status']) => Object.assign(new PromiseToPay(), { status });
  it('is a broken promise towards which something was paid', () => {
    expect(isPartlyKept({ promise: promise('broken'), paid: 1 })).toBe(true);
    expect(isPartlyKept({ promise: promise('broken'), paid: 0 })).toBe(false);
    expect(isPartlyKept({ promise: promise('active'), paid: 500 })).toBe(false);
  });
});
