/**
 * Domain inputs → Passage's request bodies and `GET /users` parameters, refusing with
 * INVALID_INPUT, before any call, what Passage cannot express.
 */
import { refusedInput } from '../errors.js';
import { refuseUnaccepted } from '../registry.js';
import type {
  CreateUserInput,
  IntCondition,
  MetadataPatch,
  PageRequest,
  StringCondition,
  TimeRange,
  UpdateUserInput,
  UserFilter,
  UserOrder,
  UserOrderField,
} from '../types.js';
import { passageTraits } from './traits.js';
import type { ListUsersQuery, UserRequest } from './wire.js';

/** Refusals from this folder name Passage: it is Passage that cannot express the input. */
const PASSAGE = { provider: 'passage' } as const;

// ---- domain → wire: request bodies -------------------------------------------------------------

/** What Passage keeps of a new user: its identifiers and its one metadata object. */
const CREATE_FIELDS = new Set<string>(['email', 'phone', 'emailVerified', 'phoneVerified', 'publicMetadata']);

export function toCreateUserRequest(input: CreateUserInput): UserRequest {
  refuseUnaccepted(
    passageTraits,
    input,
    CREATE_FIELDS,
    (field) => `Passage cannot create a user with ${field}`,
  );
  for (const field of ['emailVerified', 'phoneVerified'] as const) {
    if (input[field] === true) {
      throw refusedInput(field, `Passage creates identifiers unverified; ${field} cannot be true`, PASSAGE);
    }
  }
  if (!input.email && !input.phone) {
    throw refusedInput('email', 'Passage needs an email or a phone to create a user', PASSAGE);
  }
  return {
    email: input.email || undefined,
    phone: input.phone || undefined,
    user_metadata: input.publicMetadata,
  };
}

/** What Passage can change on a user besides metadata. */
const UPDATE_FIELDS = new Set<string>(['email', 'phone']);

export function toUpdateUserRequest(input: UpdateUserInput): UserRequest {
  refuseUnaccepted(passageTraits, input, UPDATE_FIELDS, (field) => `Passage cannot update ${field}`);
  for (const field of ['email', 'phone'] as const) {
    // Passage reads "" as "leave it alone": refuse it rather than silently remove nothing.
    if (input[field] !== undefined && input[field].trim() === '') {
      throw refusedInput(field, `Passage cannot remove a user's ${field}; give a new one`, PASSAGE);
    }
  }
  return { email: input.email, phone: input.phone };
}

export function toMetadataRequest(patch: MetadataPatch): UserRequest {
  refuseUnaccepted(passageTraits, patch, METADATA_FIELDS, (field) => `Passage cannot store ${field}`);
  return { user_metadata: patch.publicMetadata ?? {} };
}

/** Passage has one metadata object, the user's own. */
const METADATA_FIELDS = new Set<string>(['publicMetadata']);

// ---- domain → wire: list parameters ------------------------------------------------------------

const MAX_LIMIT = passageTraits.limits.maxPageSize;

type ListFilterQuery = Omit<ListUsersQuery, 'page' | 'limit' | 'created_before'>;

/**
 * Passage takes one value per filter parameter, with one operator prefix. Several domain fields
 * land on the same parameter (`emails`, `phones`, `query` and `identifier` all on `identifier`),
 * so at most one of them may be set. An empty list is no filter.
 */
export function toListFilterQuery(filter: UserFilter, order: UserOrder | undefined): ListFilterQuery {
  refuseUnaccepted(
    passageTraits,
    filter,
    passageTraits.filters,
    (field) => `Passage cannot filter users by ${field}`,
  );
  const identifier = oneParameter('identifier', {
    emails: onlyValue('emails', filter.emails, 'Passage filters one e-mail at a time')?.toLowerCase(),
    phones: onlyValue('phones', filter.phones, 'Passage filters one phone at a time')?.toLowerCase(),
    query: filter.query === undefined ? undefined : `like:${filter.query.toLowerCase()}`,
    identifier: stringCondition('identifier', filter.identifier)?.toLowerCase(),
  });
  const id = oneParameter('id', {
    ids: onlyValue('ids', filter.ids, 'Passage filters one id at a time'),
    idCondition: stringCondition('idCondition', filter.idCondition),
  });
  return dropUndefined({
    identifier,
    id,
    status: filter.status?.toLowerCase() as ListUsersQuery['status'],
    email_verified: filter.emailVerified === undefined ? undefined : String(filter.emailVerified),
    login_count: intCondition('loginCount', filter.loginCount),
    created_at: timeCondition('createdAt', filter.createdAt),
    updated_at: timeCondition('updatedAt', filter.updatedAt),
    last_login_at: timeCondition('lastSignInAt', filter.lastSignInAt),
    order_by: order && toOrderBy(order),
  });
}

const ORDER_FIELDS = new Map<UserOrderField, string>([
  ['ID', 'id'],
  ['CREATED_AT', 'created_at'],
  ['UPDATED_AT', 'updated_at'],
  ['LAST_SIGN_IN_AT', 'last_login_at'],
  ['LOGIN_COUNT', 'login_count'],
  ['STATUS', 'status'],
]);

function toOrderBy(order: UserOrder): string {
  const field = ORDER_FIELDS.get(order.field);
  if (!field) {
    throw refusedInput(
      'orderBy',
      `Passage cannot order by ${order.field}; use ${[...ORDER_FIELDS.keys()].join(', ')}`,
      PASSAGE,
    );
  }
  return `${field}:${order.direction}`;
}

/**
 * Which pages of Passage's page-numbered list cover `[offset, offset + limit)`: the one page
 * when the offset falls on a page boundary, else the page holding `offset` and the next one,
 * `skip` items into the first.
 */
export function pagesCovering(page: PageRequest): { first: number; skip: number } {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_LIMIT) {
    throw refusedInput('limit', `limit must be 1–${MAX_LIMIT}, got ${page.limit}`, PASSAGE);
  }
  if (!Number.isInteger(page.offset) || page.offset < 0) {
    throw refusedInput('offset', `offset must be an integer of at least 0, got ${page.offset}`, PASSAGE);
  }
  if (page.anchor !== undefined && (!Number.isInteger(page.anchor) || page.anchor < 0)) {
    throw refusedInput('anchor', `anchor must be a Unix timestamp in seconds, got ${page.anchor}`, PASSAGE);
  }
  return { first: Math.floor(page.offset / page.limit) + 1, skip: page.offset % page.limit };
}

/** The one parameter value several domain fields compete for; INVALID_INPUT when two are set. */
function oneParameter(parameter: string, candidates: Record<string, string | undefined>) {
  const set = Object.entries(candidates).filter(([, value]) => value !== undefined);
  if (set.length > 1) {
    const names = set.map(([field]) => field);
    throw refusedInput(
      names[1] ?? parameter,
      `Passage takes one ${parameter} filter; got ${names.join(' and ')}`,
      PASSAGE,
    );
  }
  return set[0]?.[1];
}

function onlyValue(field: string, values: readonly string[] | undefined, contract: string) {
  if (!values?.length) return undefined;
  if (values.length > 1) throw refusedInput(field, `${field}: ${contract}, got ${values.length}`, PASSAGE);
  return bareValue(field, values[0] ?? '');
}

/**
 * A value sent without operator: Passage reads an empty one as "no filter" and `ne:x` as an
 * operator, so neither can stand for equality.
 */
function bareValue(field: string, value: string): string {
  if (value === '') throw refusedInput(field, `${field} must not be empty`, PASSAGE);
  if (/^[a-z_]+:/.test(value)) {
    throw refusedInput(field, `Passage would read the prefix of this ${field} value as an operator`, PASSAGE);
  }
  return value;
}

const OPERATORS = {
  notEquals: 'ne:',
  greaterThan: 'gt:',
  lessThan: 'lt:',
  like: 'like:',
  notLike: 'not_like:',
} as const;

function stringCondition(field: string, condition: StringCondition | undefined): string | undefined {
  const [operator, value] = onlyOperator(field, condition) ?? [];
  if (operator === undefined || value === undefined) return undefined;
  if (operator === 'equals') return bareValue(field, value);
  return OPERATORS[operator] + value;
}

function intCondition(field: string, condition: IntCondition | undefined): string | undefined {
  const [operator, value] = onlyOperator(field, condition) ?? [];
  if (operator === undefined || value === undefined) return undefined;
  if (!Number.isSafeInteger(value))
    throw refusedInput(field, `${field} must be an integer, got ${value}`, PASSAGE);
  return operator === 'equals' ? String(value) : OPERATORS[operator] + value;
}

/** A time range's one end: Passage takes one operator per field, so `after` and `before` not both. */
function timeCondition(field: string, range: TimeRange | undefined): string | undefined {
  if (range?.after && range.before) {
    throw refusedInput(field, `Passage takes one end of ${field} (after or before), not both`, PASSAGE);
  }
  if (range?.after) return `gt:${filterTimestamp(field, range.after)}`;
  if (range?.before) return `lt:${filterTimestamp(field, range.before)}`;
  return undefined;
}

/** The one format Passage's time filters accept: `2006-01-02T15:04:05.000000Z`. */
function filterTimestamp(field: string, date: Date): string {
  const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString();
  if (!/^\d{4}-.*\.\d{3}Z$/.test(iso))
    throw refusedInput(field, `${field} must be a date in years 0–9999`, PASSAGE);
  return iso.replace(/Z$/, '000Z');
}

function onlyOperator<C extends StringCondition | IntCondition>(
  field: string,
  condition: C | undefined,
): [keyof C & string, NonNullable<C[keyof C]>] | undefined {
  const set = (Object.entries(condition ?? {}) as [keyof C & string, C[keyof C]][]).filter(
    (entry): entry is [keyof C & string, NonNullable<C[keyof C]>] => entry[1] !== undefined,
  );
  if (set.length > 1) {
    const names = set.map(([operator]) => operator).join(' and ');
    throw refusedInput(field, `Passage takes one operator per filter; ${field} has ${names}`, PASSAGE);
  }
  return set[0];
}

function dropUndefined<T extends object>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as T;
}
