import { DomainError } from '@ar/errors';

/** Keyset pages and cursors, as every list of the API serves them; nothing here knows about HTTP. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

type CursorKey = (string | number)[];

/** Opaque keyset cursor: the sort key of the last row served. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What each element of a cursor key must be: a row id (uuid) or an integer sort key. */
export type CursorPart = 'uuid' | 'int';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PART_CHECKS: Record<CursorPart, (value: unknown) => boolean> = {
  uuid: (value) => typeof value === 'string' && UUID.test(value),
  int: (value) => typeof value === 'number' && Number.isSafeInteger(value),
};

/**
 * The sort key a cursor carries, checked element by element against the list's key shape, so a cursor
 * this API did not issue answers 400 instead of reaching the database as a value of the wrong type.
 */
export function decodeCursor(cursor: string | undefined, shape: readonly CursorPart[]): CursorKey | null {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((k, i) => PART_CHECKS[shape[i]](k))) {
      return key as CursorKey;
    }
  } catch {
    // fall through to the validation error
  }
  throw DomainError.validation('cursor is not a cursor this API issued', [{ path: 'cursor', message: 'invalid cursor' }]);
}

/** The id of the last row served, for lists ordered by id alone (uuid v7, so creation order). */
export function decodeIdCursor(cursor: string | undefined): string | null {
  return (decodeCursor(cursor, ['uuid'])?.[0] as string | undefined) ?? null;
}

/**
 * Builds a page from rows fetched with `limit + 1`: the extra row only says whether another page exists.
 */
export function toPage<Row, Out>(rows: Row[], limit: number, keyOf: (row: Row) => CursorKey, map: (row: Row) => Out): Page<Out> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { data: pageRows.map(map), nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
