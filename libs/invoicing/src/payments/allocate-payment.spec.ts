import { AllocatableInvoice, allocatePayment, byDueDate } from './allocate-payment';

const invoice = (id: string, dueDate: string, total: number, extra: Partial<AllocatableInvoice> = {}): AllocatableInvoice => ({
  id,
  number: id,
  issueDate: '2026-01-01',
  dueDate,
  total,
  settled: 0,
  cashDiscount: null,
  ...extra,
});

describe('allocatePayment', () => {
  it('pays the oldest due date first and leaves the rest as credit', () => {
    const invoices = [invoice('b', '2026-02-15', 500), invoice('a', '2026-01-31', 300)].sort(byDueDate);
    expect(allocatePayment(1000, '2026-03-01', invoices)).toEqual({
      allocations: [
        { invoiceId: 'a', paid: 300, discounted: 0 },
        { invoiceId: 'b', paid: 500, discounted: 0 },
      ],
      unapplied: 200,
    });
  });

  it('pays partially when the money runs out', () => {
    const result = allocatePayment(400, '2026-03-01', [invoice('a', '2026-01-31', 300), invoice('b', '2026-02-15', 500)]);
    expect(result.allocations).toEqual([
      { invoiceId: 'a', paid: 300, discounted: 0 },
      { invoiceId: 'b', paid: 100, discounted: 0 },
    ]);
    expect(result.unapplied).toBe(0);
  });

  it('counts what was already settled', () => {
    const result = allocatePayment(500, '2026-03-01', [invoice('a', '2026-01-31', 300, { settled: 250 })]);
    expect(result).toEqual({ allocations: [{ invoiceId: 'a', paid: 50, discounted: 0 }], unapplied: 450 });
  });

  it('grants the cash discount within the window', () => {
    const skonto = invoice('a', '2026-01-31', 10000, { cashDiscount: { percent: 2, days: 10 } });
    expect(allocatePayment(9800, '2026-01-11', [skonto]).allocations).toEqual([{ invoiceId: 'a', paid: 9800, discounted: 200 }]);
  });

  it('refuses the cash discount after the window or below the threshold', () => {
    const skonto = invoice('a', '2026-01-31', 10000, { cashDiscount: { percent: 2, days: 10 } });
    expect(allocatePayment(9800, '2026-01-12', [skonto]).allocations[0].discounted).toBe(0);
    expect(allocatePayment(9799, '2026-01-05', [skonto]).allocations[0].discounted).toBe(0);
  });

  it('orders ties by issue date then number', () => {
    const sorted = [
      invoice('2', '2026-01-31', 1, { issueDate: '2026-01-02' }),
      invoice('3', '2026-01-31', 1, { issueDate: '2026-01-01' }),
      invoice('1', '2026-01-31', 1, { issueDate: '2026-01-02' }),
    ].sort(byDueDate);
    expect(sorted.map((i) => i.id)).toEqual(['3', '1', '2']);
  });
});
