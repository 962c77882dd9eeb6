/**
 * Reading Clerk's query parameters the way the real API does: arrays are repeated keys
 * (`user_id=a&user_id=b`; `user_id[0]=a` is a different key and is ignored), integers are
 * checked against the spec's bounds, and anything malformed is a 422 naming the parameter.
 */
import { arraySizeExceeded, formParamInvalid } from './errors.js';

export const MAX_LIST_FILTER_VALUES = 100;

export interface Page {
  limit: number;
  offset: number;
}

/** `limit` 1–500 (default 10) and `offset` ≥ 0 (default 0), as every Clerk list endpoint. */
export function readPage(query: URLSearchParams): Page {
  const limit = readInteger(query, 'limit') ?? 10;
  if (limit < 1 || limit > 500)
    throw formParamInvalid('limit', `limit must be between 1 and 500, got ${limit}.`);
  const offset = readInteger(query, 'offset') ?? 0;
  if (offset < 0)
    throw formParamInvalid('offset', `offset must be greater than or equal to 0, got ${offset}.`);
  return { limit, offset };
}

export function readInteger(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw))
    throw formParamInvalid(name, `${name} must be an integer, got ${JSON.stringify(raw)}.`);
  return Number(raw);
}

export function readBoolean(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false')
    throw formParamInvalid(name, `${name} must be true or false, got ${JSON.stringify(raw)}.`);
  return raw === 'true';
}

export function readString(query: URLSearchParams, name: string): string | undefined {
  const raw = query.get(name);
  return raw === null || raw === '' ? undefined : raw;
}

/** A repeated-key list (empty values dropped), at most 100 values. */
export function readList(query: URLSearchParams, name: string): string[] {
  const values = query.getAll(name).filter((value) => value !== '');
  if (values.length > MAX_LIST_FILTER_VALUES)
    throw arraySizeExceeded(name, MAX_LIST_FILTER_VALUES, values.length);
  return values;
}

export interface SignedList {
  include: Set<string>;
  exclude: Set<string>;
}

/** A list whose values may carry `+` (include, the default) or `-` (exclude) prefixes. */
export function readSignedList(
  query: URLSearchParams,
  name: string,
  normalize = (v: string) => v,
): SignedList | undefined {
  const values = readList(query, name);
  if (values.length === 0) return undefined;
  const list: SignedList = { include: new Set(), exclude: new Set() };
  for (const value of values) {
    if (value.startsWith('-')) list.exclude.add(normalize(value.slice(1)));
    // An unencoded `+` in a query string arrives as a space; both mean "include".
    else list.include.add(normalize(value.replace(/^[+ ]/, '')));
  }
  return list;
}

export function matchesSigned(list: SignedList | undefined, values: readonly string[]): boolean {
  if (!list) return true;
  if (list.include.size > 0 && !values.some((v) => list.include.has(v))) return false;
  return !values.some((v) => list.exclude.has(v));
}

/** `order_by` with its `+`/`-` prefix (no prefix means `+`); only the first value counts. */
export function readOrderBy<F extends string>(
  query: URLSearchParams,
  fields: readonly F[],
  fallback: string,
): { field: F; descending: boolean } {
  const raw = query.get('order_by') || fallback;
  const descending = raw.startsWith('-');
  const field = raw.replace(/^[+-]/, '');
  if (!(fields as readonly string[]).includes(field)) {
    throw formParamInvalid(
      'order_by',
      `order_by must be one of ${fields.join(', ')} with an optional + or - prefix, got ${JSON.stringify(raw)}.`,
    );
  }
  return { field: field as F, descending };
}

export function paginate<T>(items: readonly T[], page: Page): T[] {
  return items.slice(page.offset, page.offset + page.limit);
}
