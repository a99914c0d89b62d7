import { DomainError } from '@ar/errors';
import { decodeCursor, encodeCursor, toPage } from './page';

describe('keyset pagination', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01', 'abc']), 2)).toEqual(['2026-01-01', 'abc']);
  });

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor(undefined, 1)).toBeNull();
  });

  it.each(['garbage', encodeCursor(['a', 'b']), Buffer.from('{"a":1}').toString('base64url')])('rejects cursor %s', (cursor) => {
    expect(() => decodeCursor(cursor, 1)).toThrow(DomainError);
  });

  it('uses the extra row only to decide whether another page exists', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = toPage(rows, 2, (r) => [r.id], (r) => r.id);
    expect(page.data).toEqual(['a', 'b']);
    expect(decodeCursor(page.nextCursor as string, 1)).toEqual(['b']);
    expect(toPage(rows.slice(0, 2), 2, (r) => [r.id], (r) => r.id).nextCursor).toBeNull();
  });
});
