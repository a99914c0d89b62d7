import { randomUUID } from 'node:crypto';
import { dunningKeyOf } from './letters.service';

describe('the dunning key of a sweep letter', () => {
  it('fits its column for a client with hundreds of invoices (before, five invoices overflowed it and stopped the events queue)', () => {
    const ids = Array.from({ length: 500 }, () => randomUUID());
    expect(dunningKeyOf(randomUUID(), 'pre_trial_claim', 4, ids).length).toBeLessThanOrEqual(200);
  });

  it('is the same for the same invoices in any order, and differs for another set', () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    expect(dunningKeyOf('c', 'reminder', 1, [a, b])).toBe(dunningKeyOf('c', 'reminder', 1, [b, a]));
    expect(dunningKeyOf('c', 'reminder', 1, [a, b])).not.toBe(dunningKeyOf('c', 'reminder', 1, [a, c]));
    expect(dunningKeyOf('c', 'reminder', 1, [a])).not.toBe(dunningKeyOf('c', 'reminder', 2, [a]));
  });
});
