import { BadInputError } from '../domain';
import type { ConnectionShape } from './types/connection.type';

const PREFIX = 'offset:';

/** Cursors are opaque to clients: base64url of the item's offset in the ordered list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0 || encodeCursor(offset) !== cursor) {
    throw new BadInputError(argument, 'a cursor returned in pageInfo.endCursor or edges.cursor', cursor);
  }
  return offset;
}

/** The offset of the first item after `after` (0 when absent). */
export function startOffset(after: string | null | undefined): number {
  return after === null || after === undefined ? 0 : decodeCursor(after) + 1;
}

export function toConnection<T>(items: readonly T[], offset: number, totalCount: number): ConnectionShape<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
