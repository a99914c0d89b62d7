import { SqlParams } from './sql-params';
import { embedStatements } from './embedded-statement';

describe('SqlParams', () => {
  it('numbers placeholders after the values it starts with, casts included', () => {
    const params = new SqlParams(['scope-manager']);
    expect(params.add('client-1')).toBe('$2');
    expect(params.add(['a', 'b'], 'uuid[]')).toBe('$3::uuid[]');
    expect(params.values).toEqual(['scope-manager', 'client-1', ['a', 'b']]);
  });

  it('embeds statements as CTEs whose values follow the outer statement’s', () => {
    const params = new SqlParams([1, 2]);
    const sql = embedStatements([(p) => `INSERT INTO t VALUES (${p.add('x')})`, (p) => `INSERT INTO u VALUES (${p.add('y')})`], params);
    expect(sql).toContain('also1 AS (INSERT INTO t VALUES ($3))');
    expect(sql).toContain('also2 AS (INSERT INTO u VALUES ($4))');
    expect(params.values).toEqual([1, 2, 'x', 'y']);
  });
});
