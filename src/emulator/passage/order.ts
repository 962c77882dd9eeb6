/**
 * `order_by` of `GET /apps/{app_id}/users`: comma-separated `<field>:<ASC|DESC>`, e.g.
 * `id:DESC,created_at:ASC` ([PS]). The spec forbids `identifier` and names no other field, so
 * the emulator accepts the other filterable fields. Decisions where the spec is silent:
 * - the direction is case-insensitive (`asc` works); a field may appear once;
 * - the default is `created_at:ASC`, so users created after the anchor land on no earlier page;
 * - `id:ASC` always breaks ties last, so every order is total and pages never overlap.
 */
import { QueryParameterError } from './filters.js';
import type { StoredUser } from './state.js';

type SortKey = (user: StoredUser) => string | number;

const SORT_KEYS: Record<string, SortKey> = {
  id: (user) => user.id,
  login_count: (user) => user.loginCount,
  status: (user) => user.status,
  email_verified: (user) => (user.emailVerified ? 1 : 0),
  created_at: (user) => user.createdAt,
  updated_at: (user) => user.updatedAt,
  last_login_at: (user) => user.lastLoginAt,
};

export const DEFAULT_ORDER_BY = 'created_at:ASC';

export type UserComparator = (a: StoredUser, b: StoredUser) => number;

export function parseOrderBy(value: string | null): UserComparator {
  const terms: { key: SortKey; sign: number }[] = [];
  const seen = new Set<string>();
  for (const term of (value || DEFAULT_ORDER_BY).split(',')) {
    const [field = '', direction = '', ...rest] = term.split(':');
    if (field === 'identifier') throw new QueryParameterError('order_by: cannot order by identifier');
    const key = SORT_KEYS[field];
    if (!key) {
      throw new QueryParameterError(
        `order_by: cannot order by "${field}"; use ${Object.keys(SORT_KEYS).join(', ')}`,
      );
    }
    const upper = direction.toUpperCase();
    if (rest.length > 0 || (upper !== 'ASC' && upper !== 'DESC')) {
      throw new QueryParameterError(`order_by: "${term}" must be <field>:<ASC|DESC>`);
    }
    if (seen.has(field)) throw new QueryParameterError(`order_by: "${field}" is given twice`);
    seen.add(field);
    terms.push({ key, sign: upper === 'ASC' ? 1 : -1 });
  }
  if (!seen.has('id')) terms.push({ key: SORT_KEYS.id as SortKey, sign: 1 });
  return (a, b) => {
    for (const { key, sign } of terms) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return x < y ? -sign : sign;
    }
    return 0;
  };
}
