import { BadInputError } from '../domain';
import type { ConnectionShape, PageInfo } from './types/connection.type';

const PREFIX = 'offset:';

/** Items in a page when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

/** Cursors are opaque to clients: base64url of the item's offset in the ordered list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0 || encodeCursor(offset) !== cursor) {
    const from = argument === 'before' ? 'pageInfo.startCursor' : 'pageInfo.endCursor';
    throw new BadInputError(argument, `a cursor returned in ${from} or edges.cursor`, cursor);
  }
  return offset;
}

/** The offset of the first item after `after` (0 when absent). */
export function startOffset(after: string | null | undefined): number {
  return after === null || after === undefined ? 0 : decodeCursor(after) + 1;
}

/** Relay's paging arguments: `first`/`after` forwards, `last`/`before` backwards. */
export interface PagingArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

/**
 * The arguments checked and read as Relay's cursor algorithm reads them: the items after `after`
 * and before `before` (`lo` inclusive, `hi` exclusive, null for "to the end"), then the first
 * `first` of them or the last `last`. `first` with `last` is refused: the page would be ambiguous.
 */
function window(args: PagingArgs): { lo: number; hi: number | null; first: number | null; last: number | null } {
  const given = (v: number | null | undefined): v is number => v !== null && v !== undefined;
  if (given(args.first) && given(args.last)) {
    throw new BadInputError('first, last', 'one of first (with after) and last (with before), not both', { first: args.first, last: args.last });
  }
  const lo = startOffset(args.after);
  const hi = args.before === null || args.before === undefined ? null : decodeCursor(args.before, 'before');
  const last = given(args.last) ? args.last : null;
  return { lo, hi, last, first: last === null ? (given(args.first) ? args.first : DEFAULT_PAGE_SIZE) : null };
}

/** The slice [offset, offset + limit) a page covers once the end of the range (`hi`) is known. */
function slice(w: ReturnType<typeof window>, hi: number | null): { offset: number; limit: number } {
  if (w.last !== null) {
    const end = hi!;
    const offset = Math.max(w.lo, end - w.last);
    return { offset, limit: Math.max(0, end - offset) };
  }
  return { offset: w.lo, limit: hi === null ? w.first! : Math.max(0, Math.min(w.first!, hi - w.lo)) };
}

/**
 * One page of a list the store pages (`fetch(offset, limit)` answers the slice and the total).
 * `last` without `before` needs the total first: that one case costs two store calls.
 */
export async function fetchPage<T>(
  args: PagingArgs,
  fetch: (offset: number, limit: number) => Promise<{ items: readonly T[]; totalCount: number }>,
): Promise<ConnectionShape<T>> {
  const w = window(args);
  let hi = w.hi;
  if (w.last !== null && hi === null) hi = (await fetch(w.lo, 0)).totalCount;
  const { offset, limit } = slice(w, hi);
  const page = await fetch(offset, limit);
  return toConnection(page.items, offset, page.totalCount);
}

/** One page of a list already in hand (an entity's relationships, what a source backs). */
export function pageOfList<T>(items: readonly T[], args: PagingArgs): ConnectionShape<T> {
  const w = window(args);
  const { offset, limit } = slice(w, Math.min(w.hi ?? items.length, items.length));
  return toConnection(items.slice(offset, offset + limit), offset, items.length);
}

/**
 * An edge of a page. Its cursor is encoded when read: most queries never ask for it, and encoding
 * is a Buffer per edge (bench/notes/inprocess.md).
 */
class Edge<T> {
  readonly #offset: number;

  constructor(
    readonly node: T,
    offset: number,
  ) {
    this.#offset = offset;
  }

  get cursor(): string {
    return encodeCursor(this.#offset);
  }

  /** The same edge (same cursor) over `convert(node)`. */
  map<U>(convert: (node: T) => U): Edge<U> {
    return new Edge(convert(this.node), this.#offset);
  }
}

/** A page's Relay page information; its two cursors, like the edges', encoded when read. */
class PageCursors implements PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  /** Offsets of the page's first and last items; null for an empty page. */
  readonly #first: number | null;
  readonly #last: number | null;

  constructor(offset: number, count: number, totalCount: number) {
    this.hasNextPage = offset + count < totalCount;
    this.hasPreviousPage = offset > 0;
    this.#first = count > 0 ? offset : null;
    this.#last = count > 0 ? offset + count - 1 : null;
  }

  get startCursor(): string | null {
    return this.#first === null ? null : encodeCursor(this.#first);
  }

  get endCursor(): string | null {
    return this.#last === null ? null : encodeCursor(this.#last);
  }
}

/**
 * A Relay connection for the items at `offset` of a list of `totalCount`. `hasPreviousPage` is
 * true when any item precedes the page, `hasNextPage` when any follows it, whichever direction
 * the client pages in (the Relay spec allows either answer where it leaves the choice to us).
 */
export function toConnection<T>(items: readonly T[], offset: number, totalCount: number): ConnectionShape<T> {
  return {
    edges: items.map((node, i) => new Edge(node, offset + i)),
    totalCount,
    pageInfo: new PageCursors(offset, items.length, totalCount),
  };
}

/** The same page with each node converted (views are built for the page only, not the whole list). */
export function mapConnection<T, U>(page: ConnectionShape<T>, convert: (node: T) => U): ConnectionShape<U> {
  return { ...page, edges: page.edges.map((e) => (e instanceof Edge ? (e as Edge<T>).map(convert) : { cursor: e.cursor, node: convert(e.node) })) };
}
