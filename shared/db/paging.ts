/** Pagination over DynamoDB pages and over small in-memory lists, both behind signed cursors. */
import { decodeCursor, encodeCursor } from '#db/cursor.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The DynamoDB start key a cursor carries, verified against the list's scope. */
export function startKeyFrom(scope: string, cursor: string | undefined): Record<string, unknown> | undefined {
  const position = decodeCursor<{ k: Record<string, unknown> }>(scope, cursor);
  return position?.k;
}

export function cursorFrom(scope: string, lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey ? encodeCursor(scope, { k: lastKey }) : null;
}

/**
 * A page of a list held in memory (a user's own organizations, a sorted directory), ordered
 * by `sortKey` (which must be unique per item); the cursor is the sort key of the last item served.
 */
export function pageOf<T>(
  items: T[],
  sortKey: (item: T) => string,
  options: { scope: string; limit: number; cursor?: string; order?: 'asc' | 'desc' },
): Page<T> {
  const after = decodeCursor<{ a: string }>(options.scope, options.cursor)?.a;
  const sign = options.order === 'desc' ? -1 : 1;
  const sorted = [...items].sort((x, y) => sign * (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0));
  const rest = after === undefined ? sorted : sorted.filter((item) => sign * (sortKey(item) < after ? -1 : sortKey(item) > after ? 1 : 0) > 0);
  const slice = rest.slice(0, options.limit);
  const last = slice[slice.length - 1];
  return {
    items: slice,
    nextCursor: rest.length > options.limit && last ? encodeCursor(options.scope, { a: sortKey(last) }) : null,
  };
}
