/**
 * The filter language of `GET /apps/{app_id}/users` ([PS] parameters): one value per field, with
 * an optional operator prefix `ne:`, `gt:`, `lt:`, `like:` or `not_like:` (no prefix: equals).
 *
 * Where the spec is silent, the emulator decides:
 * - `like:` is a case-insensitive SQL-style match when the pattern holds a `%` (any run of
 *   characters; `_` stays a literal, since e-mails are full of underscores), and a
 *   case-insensitive substring match when it holds none (`like:smith` finds `ann.smith@x.io`).
 * - `identifier` matches a user whose e-mail OR phone matches; `ne:` and `not_like:` are the
 *   negation of that (neither matches), and an absent e-mail or phone never matches anything.
 *   Identifiers compare case-insensitively (e-mails are stored lowercase, as passage-node's
 *   `getByIdentifier` assumes when it lowercases what it looks up).
 * - `gt:`/`lt:` compare strings by code unit, numbers and timestamps numerically, false < true.
 * - A user who never logged in (`last_login_at` is Go's zero time on the wire) has no
 *   `last_login_at` to compare, as a SQL NULL: `last_login_at=lt:…` does not find them.
 * - An empty parameter (`status=`) is no filter; a repeated one (`id=a&id=b`) is a 400, because
 *   the live API has no "in" operator and would silently use one of them.
 * - `email_verified` is in the 2023 spec only (eq, ne, gt, lt); the emulator keeps serving it.
 */
import { NEVER, type StoredUser } from './state.js';

export type Operator = 'eq' | 'ne' | 'gt' | 'lt' | 'like' | 'not_like';
type Comparable = string | number | boolean;
export type UserPredicate = (user: StoredUser) => boolean;

/** A filter or order_by the API refuses; the message names the parameter and the value. */
export class QueryParameterError extends Error {
  override name = 'QueryParameterError';
}

interface FieldSpec {
  operators: readonly Operator[];
  /** Turns the operand into a comparable, or throws QueryParameterError. */
  operand(raw: string, field: string, operator: Operator): Comparable;
  /** The user's values for this field: several for `identifier`, none when it has no value. */
  values(user: StoredUser): Comparable[];
}

const ALL: readonly Operator[] = ['eq', 'ne', 'gt', 'lt', 'like', 'not_like'];
const COMPARISONS: readonly Operator[] = ['eq', 'ne', 'gt', 'lt'];
const STATUSES = ['active', 'inactive', 'pending'];
/** The only timestamp format the spec accepts: `2006-01-02T15:04:05.000000Z` (microseconds, UTC). */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.(\d{3})(\d{3})Z$/;

const text = (raw: string) => raw;

function timestampField(value: (user: StoredUser) => number): FieldSpec {
  return {
    operators: COMPARISONS,
    operand: (raw, field) => parseTimestampMicros(raw, field),
    values: (user) => (value(user) === NEVER ? [] : [value(user) * 1000]),
  };
}

export const FILTER_FIELDS: Record<string, FieldSpec> = {
  identifier: {
    operators: ALL,
    operand: (raw) => raw.toLowerCase(),
    values: (user) => [user.email, user.phone.toLowerCase()].filter((value) => value !== ''),
  },
  id: { operators: ALL, operand: text, values: (user) => [user.id] },
  login_count: {
    operators: COMPARISONS,
    operand(raw, field) {
      if (!/^-?\d+$/.test(raw)) throw new QueryParameterError(`${field}: must be an integer, got "${raw}"`);
      return Number(raw);
    },
    values: (user) => [user.loginCount],
  },
  status: {
    operators: ALL,
    operand(raw, field, operator) {
      if ((operator === 'eq' || operator === 'ne') && !STATUSES.includes(raw)) {
        throw new QueryParameterError(`${field}: must be one of ${STATUSES.join(', ')}, got "${raw}"`);
      }
      return raw;
    },
    values: (user) => [user.status],
  },
  email_verified: {
    operators: COMPARISONS,
    operand(raw, field) {
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw new QueryParameterError(`${field}: must be true or false, got "${raw}"`);
    },
    values: (user) => [user.emailVerified],
  },
  created_at: timestampField((user) => user.createdAt),
  updated_at: timestampField((user) => user.updatedAt),
  last_login_at: timestampField((user) => user.lastLoginAt),
};

/** Every filter present in the query, as predicates that must all hold. */
export function parseFilters(query: URLSearchParams): UserPredicate[] {
  const predicates: UserPredicate[] = [];
  for (const [field, spec] of Object.entries(FILTER_FIELDS)) {
    const given = query.getAll(field);
    if (given.length > 1) {
      throw new QueryParameterError(
        `${field}: takes one value, got ${given.length} (Passage has no "in" operator)`,
      );
    }
    const raw = given[0];
    if (raw === undefined || raw === '') continue;
    const { operator, operand } = splitOperator(raw, field);
    if (!spec.operators.includes(operator)) {
      throw new QueryParameterError(
        `${field}: the ${operator}: operator is not supported here; use ${spec.operators.map(prefix).join(', ')}`,
      );
    }
    predicates.push(predicate(spec, operator, spec.operand(operand, field, operator)));
  }
  return predicates;
}

function splitOperator(raw: string, field: string): { operator: Operator; operand: string } {
  const match = /^([a-z_]+):(.*)$/s.exec(raw);
  if (!match) return { operator: 'eq', operand: raw };
  const [, name = '', operand = ''] = match;
  if (!ALL.includes(name as Operator) || name === 'eq') {
    throw new QueryParameterError(
      `${field}: unknown operator "${name}:"; use ne:, gt:, lt:, like:, not_like: or none for equals`,
    );
  }
  return { operator: name as Operator, operand };
}

const prefix = (operator: Operator) => (operator === 'eq' ? 'no prefix (equals)' : `${operator}:`);

function predicate(spec: FieldSpec, operator: Operator, operand: Comparable): UserPredicate {
  const any = (test: (value: Comparable) => boolean) => (user: StoredUser) => spec.values(user).some(test);
  switch (operator) {
    case 'eq':
      return any((value) => value === operand);
    case 'ne': {
      const equal = any((value) => value === operand);
      return (user) => !equal(user);
    }
    case 'gt':
      return any((value) => value > operand);
    case 'lt':
      return any((value) => value < operand);
    case 'like':
      return any(likeMatcher(String(operand)));
    case 'not_like': {
      const like = any(likeMatcher(String(operand)));
      return (user) => !like(user);
    }
  }
}

function likeMatcher(pattern: string): (value: Comparable) => boolean {
  if (!pattern.includes('%')) {
    const needle = pattern.toLowerCase();
    return (value) => String(value).toLowerCase().includes(needle);
  }
  const source = pattern
    .split('%')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`, 'is');
  return (value) => regex.test(String(value));
}

/** Microseconds since the epoch, so equality holds at the precision the format carries. */
function parseTimestampMicros(raw: string, field: string): number {
  const match = TIMESTAMP.exec(raw);
  const [, seconds = '', millis = '', micros = ''] = match ?? [];
  const ms = Date.parse(`${seconds}.${millis}Z`);
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString() !== `${seconds}.${millis}Z`) {
    throw new QueryParameterError(
      `${field}: must be a timestamp like 2006-01-02T15:04:05.000000Z, got "${raw}"`,
    );
  }
  return ms * 1000 + Number(micros);
}
