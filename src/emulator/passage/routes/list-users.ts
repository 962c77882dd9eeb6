/**
 * `GET /apps/{app_id}/users` → `ListPaginatedUsersResponse` with slim `ListPaginatedUsersItem`s.
 * Filters live in filters.ts, `order_by` in order.ts.
 *
 * Decisions where the spec is silent:
 * - `page` defaults to 1, `limit` to 20 (max 500); both must be integers in range, else 400.
 * - `created_before` is Unix seconds, exclusive: a user is listed when `created_at <
 *   created_before`. Without it the anchor is the end of the current second (now, rounded up),
 *   so a user created a moment ago is listed at once, and the response echoes that anchor.
 *   Passing the echoed value back keeps page numbering stable while users are created, for
 *   every user created from that second on.
 * - `total_users` counts every user the filters and the anchor select, over all pages.
 * - `_links` hrefs are relative to the API base (`/apps/{app_id}/users?…`, append them to
 *   `PASSAGE_API_URL`) and keep the request's query, with `page`, `limit` and `created_before`
 *   always written out so following a link keeps the anchor. `next` on the last page and
 *   `previous` on the first are `{"href": ""}`. `last` is page 1 when nothing matches.
 * - A page past the last is 200 with no users.
 */
import type { EmulatorRequest, EmulatorResponse, Route } from '../../provider.js';
import { invalidRequest } from '../errors.js';
import { parseFilters, QueryParameterError } from '../filters.js';
import { parseOrderBy } from '../order.js';
import { toListItem } from '../serialize.js';
import type { PassageState } from '../state.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 500;

export function listUsersRoute(state: PassageState): Route {
  return {
    method: 'GET',
    template: '/apps/{app_id}/users',
    handle(req) {
      try {
        return listUsers(state, req);
      } catch (error) {
        if (error instanceof QueryParameterError) return invalidRequest(error.message);
        throw error;
      }
    },
  };
}

function listUsers(state: PassageState, req: EmulatorRequest): EmulatorResponse {
  const { query } = req;
  const page = integerParam(query, 'page', 1, Number.MAX_SAFE_INTEGER, 'an integer of at least 1');
  const limit = integerParam(query, 'limit', DEFAULT_LIMIT, MAX_LIMIT, `an integer from 1 to ${MAX_LIMIT}`);
  const createdBefore =
    singleParam(query, 'created_before') === undefined
      ? Math.floor(Date.now() / 1000) + 1
      : integerParam(query, 'created_before', 0, Number.MAX_SAFE_INTEGER, 'a Unix timestamp in seconds', 0);
  const predicates = parseFilters(query);
  const compare = parseOrderBy(singleParam(query, 'order_by') ?? null);

  const anchor = createdBefore * 1000;
  const selected = [...state.users.values()]
    .filter((user) => user.createdAt < anchor && predicates.every((test) => test(user)))
    .sort(compare);

  const lastPage = Math.max(1, Math.ceil(selected.length / limit));
  const href = (target: number) => {
    const params = new URLSearchParams(query);
    params.set('page', String(target));
    params.set('limit', String(limit));
    params.set('created_before', String(createdBefore));
    return { href: `${req.path}?${params}` };
  };
  return {
    status: 200,
    body: {
      _links: {
        first: href(1),
        last: href(lastPage),
        next: page < lastPage ? href(page + 1) : { href: '' },
        previous: page > 1 ? href(page - 1) : { href: '' },
        self: href(page),
      },
      created_before: createdBefore,
      limit,
      page,
      total_users: selected.length,
      users: selected.slice((page - 1) * limit, page * limit).map(toListItem),
    },
  };
}

/** The parameter's one value; a repeated parameter is ambiguous, so it is refused. */
function singleParam(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw new QueryParameterError(`${name}: takes one value, got ${values.length}`);
  return values[0] === '' ? undefined : values[0];
}

function integerParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  max: number,
  contract: string,
  min = 1,
): number {
  const raw = singleParam(query, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new QueryParameterError(`${name}: must be ${contract}, got "${raw}"`);
  }
  return value;
}
