import { accountStatement, AccountMovement, statementToCsv } from './account-statement';

const m = (on: string, kind: AccountMovement['kind'], debit: number, credit: number, text = ''): AccountMovement => ({ on, kind, text, debit, credit, sequence: 0 });

describe('account statement', () => {
  const movements = [
    m('2026-01-10', 'invoice', 100_000, 0, 'INV-1'),
    m('2026-02-01', 'payment', 0, 40_000, 'first part'),
    m('2026-02-15', 'invoice', 50_000, 0, 'INV-2'),
    m('2026-02-15', 'payment', 0, 50_000, 'same day'),
    m('2026-02-20', 'credit_note', 0, 10_000, 'INV-1'),
    m('2026-03-01', 'reversal', 40_000, 0, 'first part'),
    m('2026-03-05', 'discount', 0, 1_000, 'INV-2'),
    m('2026-04-01', 'invoice', 9_999, 0, 'after the period'),
  ];

  it('opens with what came before, runs the balance, and closes at opening + debits − credits', () => {
    const s = accountStatement('EUR', '2026-02-01', '2026-03-31', movements);
    expect(s.opening).toBe(100_000);
    expect(s.entries.map((e) => [e.on, e.kind, e.balance])).toEqual([
      ['2026-02-01', 'payment', 60_000],
      ['2026-02-15', 'invoice', 110_000],
      ['2026-02-15', 'payment', 60_000],
      ['2026-02-20', 'credit_note', 50_000],
      ['2026-03-01', 'reversal', 90_000],
      ['2026-03-05', 'discount', 89_000],
    ]);
    expect(s).toMatchObject({ debits: 90_000, credits: 101_000, closing: 89_000 });
  });

  it('writes CSV with the opening and closing lines and quotes text', () => {
    const csv = statementToCsv(accountStatement('EUR', '2026-01-01', '2026-01-31', [m('2026-01-10', 'invoice', 100, 0, 'INV "1", urgent')]));
    expect(csv).toBe('date,kind,text,debit,credit,balance,currency\n2026-01-01,opening_balance,,,,0,EUR\n2026-01-10,invoice,"INV ""1"", urgent",100,0,100,EUR\n2026-01-31,closing_balance,,,,100,EUR\n');
  });
});
