import { spreadCredit } from './credit-application.service';
import { CreditTarget } from './credit-application.repository';

const target = (id: string, dueDate: string, total: number, settled = 0, currency = 'EUR'): CreditTarget => ({
  id, clientId: 'c', number: id, currency, issueDate: '2026-01-01', dueDate, total, settled, cashDiscount: null,
});

describe('spreading unapplied credit', () => {
  it('takes the oldest credit to the oldest due invoice, each payment continuing where the last stopped', () => {
    const targets = [target('a', '2026-02-01', 10_000, 4_000), target('b', '2026-03-01', 5_000)];
    const credit = [
      { paymentId: 'p1', currency: 'EUR', unapplied: 7_000 },
      { paymentId: 'p2', currency: 'EUR', unapplied: 7_000 },
    ];
    expect(spreadCredit(credit, targets, '2026-04-01')).toEqual([
      { paymentId: 'p1', invoiceId: 'a', amount: 6_000 },
      { paymentId: 'p1', invoiceId: 'b', amount: 1_000 },
      { paymentId: 'p2', invoiceId: 'b', amount: 4_000 },
    ]);
  });

  it('never crosses currencies', () => {
    expect(spreadCredit([{ paymentId: 'p', currency: 'USD', unapplied: 100 }], [target('a', '2026-02-01', 100)], '2026-04-01')).toEqual([]);
  });
});
