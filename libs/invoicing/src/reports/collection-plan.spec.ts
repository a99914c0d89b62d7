import { planMonth, PlannedInvoice } from './collection-plan';

const march = { start: '2026-03-01', end: '2026-03-31' };
const invoice = (clientId: string, dueDate: string, owed: number, inPlan = false): PlannedInvoice => ({ clientId, currency: 'EUR', dueDate, owed, inPlan });

describe('the month of a collection plan', () => {
  it('expects an invoice in the month its predicted payment date falls in', () => {
    const delays = new Map([['late', 20]]);
    const lines = planMonth(march, [invoice('prompt', '2026-03-10', 100), invoice('late', '2026-03-10', 200), invoice('late', '2026-02-20', 50)], [], delays);
    expect(lines).toEqual([
      { clientId: 'prompt', currency: 'EUR', fromInvoices: 100, fromPromises: 0, fromInstalments: 0 },
      // Due 10 March + 20 days = 30 March; due 20 February + 20 = 12 March.
      { clientId: 'late', currency: 'EUR', fromInvoices: 250, fromPromises: 0, fromInstalments: 0 },
    ]);
    expect(planMonth({ start: '2026-04-01', end: '2026-04-30' }, [invoice('late', '2026-03-20', 200)], [], delays)[0].fromInvoices).toBe(200);
  });

  it('expects an overdue invoice at the start of the month, not in the past', () => {
    expect(planMonth(march, [invoice('c', '2026-01-10', 70)], [], new Map())[0].fromInvoices).toBe(70);
  });

  it('counts promises and instalments instead of the invoices they stand for', () => {
    const lines = planMonth(
      march,
      [invoice('p', '2026-02-01', 500), invoice('p', '2026-03-20', 40), invoice('i', '2026-02-01', 900, true)],
      [
        { source: 'promise', clientId: 'p', currency: 'EUR', expectedOn: '2026-03-15', amount: 300 },
        { source: 'instalment', clientId: 'i', currency: 'EUR', expectedOn: '2026-03-05', amount: 450 },
        { source: 'instalment', clientId: 'i', currency: 'EUR', expectedOn: '2026-04-05', amount: 450 },
      ],
      new Map(),
    );
    expect(lines).toEqual([
      { clientId: 'p', currency: 'EUR', fromInvoices: 40, fromPromises: 300, fromInstalments: 0 },
      { clientId: 'i', currency: 'EUR', fromInvoices: 0, fromPromises: 0, fromInstalments: 450 },
    ]);
  });

  it('expects what is late from the day after the balances were taken', () => {
    // A plan for April made on 10 April: an invoice predicted for 5 April is expected from 11 April, still in April…
    const april = { start: '2026-04-01', end: '2026-04-30' };
    expect(planMonth(april, [invoice('c', '2026-04-05', 70)], [], new Map(), '2026-04-11')[0].fromInvoices).toBe(70);
    // …and not in May's plan made the same day.
    expect(planMonth({ start: '2026-05-01', end: '2026-05-31' }, [invoice('c', '2026-04-05', 70)], [], new Map(), '2026-04-11')).toEqual([]);
  });
});
