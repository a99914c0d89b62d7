import { DomainError } from '@ar/errors';
import { decodeCursor, encodeCursor, toPage } from './page';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const C = '01900000-0000-7000-8000-00000000000c';

describe('keyset pagination', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor([42, A]), ['int', 'uuid'])).toEqual([42, A]);
  });

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor(undefined, ['uuid'])).toBeNull();
  });

  it.each([
    ['garbage', 'garbage'],
    ['two keys for one', encodeCursor([A, B])],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['a string that is no uuid', encodeCursor(['abc'])],
    ['a number for an id', encodeCursor([1])],
    ['an empty key', encodeCursor([])],
    ['a NUL byte', encodeCursor(['\u0000'])],
  ])('rejects %s', (_, cursor) => {
    expect(() => decodeCursor(cursor, ['uuid'])).toThrow(DomainError);
  });

  it.each([encodeCursor(['10', A]), encodeCursor([1.5, A]), encodeCursor([2 ** 60, A]), encodeCursor([1, 'x'])])('rejects %s for an (int, uuid) key', (cursor) => {
    expect(() => decodeCursor(cursor, ['int', 'uuid'])).toThrow(DomainError);
  });

  it('uses the extra row only to decide whether another page exists', () => {
    const rows = [{ id: A }, { id: B }, { id: C }];
    const page = toPage(rows, 2, (r) => [r.id], (r) => r.id);
    expect(page.data).toEqual([A, B]);
    expect(decodeCursor(page.nextCursor as string, ['uuid'])).toEqual([B]);
    expect(toPage(rows.slice(0, 2), 2, (r) => [r.id], (r) => r.id).nextCursor).toBeNull();
  });
});
