/**
 * Relay paging over the providers' offset paging. A cursor is opaque to clients; inside it holds
 * the offset of the item after which (or before which) a page starts, and Passage's
 * `created_before` anchor, so page boundaries stay put while users are being created.
 */
import { largestLimit } from '../providers/catalog.js';
import { refusedInput } from '../providers/errors.js';
import type { Page, PageRequest } from '../providers/types.js';

/** The largest page any provider gives: the bound of every page this API serves. */
export const MAX_PAGE_SIZE = largestLimit('maxPageSize');
export const DEFAULT_PAGE_SIZE = 20;
/** How a `first` argument describes itself. */
export const PAGE_SIZE_DESCRIPTION = `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The fields that return pages, whose selections are paid for once per item. */
const PAGED_FIELDS = new Set([
  'users',
  'nodes',
  'organizationMemberships',
  'organizationInvitations',
  'sessions',
  'invitations',
]);

/** How many items a field's arguments ask for, for the query cost (1 for unpaged fields). */
export function pageSizeOf(field: string, args: Record<string, unknown>): number {
  if (!PAGED_FIELDS.has(field)) return 1;
  if (Array.isArray(args.ids)) return args.ids.length;
  const size = args.first ?? args.last;
  // A size out of range is refused by the field itself, with an error naming the argument.
  return typeof size === 'number' && size > 0 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

interface Position {
  offset: number;
  anchor?: number;
}

const PREFIX = 'ug1:';

export function encodeCursor(position: Position): string {
  const text = `${PREFIX}${position.offset}${position.anchor === undefined ? '' : `:${position.anchor}`}`;
  return Buffer.from(text).toString('base64url');
}

export function decodeCursor(cursor: string, arg: 'after' | 'before'): Position {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^ug1:(\d{1,9})(?::(\d{1,12}))?$/.exec(text);
  if (!match)
    throw refusedInput(
      arg,
      `${arg} must be a cursor this API returned, got ${JSON.stringify(cursor.slice(0, 40))}`,
    );
  return { offset: Number(match[1]), anchor: match[2] === undefined ? undefined : Number(match[2]) };
}

/**
 * The provider page a Relay request asks for, at most `maxPageSize` items (the provider's own
 * bound where the page comes from one provider); INVALID_INPUT (before any call) when malformed.
 */
export function pageRequest(args: ConnectionArgs, maxPageSize = MAX_PAGE_SIZE): PageRequest {
  if (args.first != null && args.last != null) throw refusedInput('first', 'give first or last, not both');
  for (const arg of ['first', 'last'] as const) {
    const value = args[arg];
    if (value != null && (!Number.isInteger(value) || value < 1 || value > maxPageSize)) {
      throw refusedInput(arg, `${arg} must be 1–${maxPageSize}, got ${value}`);
    }
  }
  const after = args.after ? decodeCursor(args.after, 'after') : undefined;
  const before = args.before ? decodeCursor(args.before, 'before') : undefined;
  const anchor = after?.anchor ?? before?.anchor;
  if (args.last != null) {
    const end = before?.offset ?? 0;
    if (!before)
      throw refusedInput(
        'before',
        'last needs a before cursor: page backwards from a position you have seen',
      );
    const offset = Math.max(0, end - args.last);
    return withAnchor({ offset, limit: end - offset }, anchor);
  }
  const offset = after ? after.offset + 1 : 0;
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  return withAnchor({ offset, limit }, anchor);
}

/** The connection for a provider page: edges with cursors, and page info. */
export function connectionFor<T>(request: PageRequest, page: Page<T>) {
  const anchor = page.anchor ?? request.anchor;
  const edges = page.items.map((node, i) => ({
    node,
    cursor: encodeCursor({ offset: request.offset + i, anchor }),
  }));
  const end = request.offset + page.items.length;
  // Without a total, a full page may be the last one: the next page then comes back empty.
  const hasNextPage =
    page.totalCount === undefined ? page.items.length === request.limit : end < page.totalCount;
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: request.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function withAnchor(request: PageRequest, anchor: number | undefined): PageRequest {
  return anchor === undefined ? request : { ...request, anchor };
}
