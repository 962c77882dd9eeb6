/**
 * Passage ↔ domain, both ways and in one place: wire JSON → `User`/`Device` (parsed with zod, so
 * a body of the wrong shape is an UPSTREAM_INVALID naming the bad field, never a TypeError
 * later), error bodies → `DecodedUpstreamError`, and domain inputs → request bodies and
 * `GET /users` parameters, refused with INVALID_INPUT before any call when Passage cannot
 * express them.
 */
import type { z } from 'zod';
import { ProviderError, type ProviderErrorCode } from '../errors.js';
import type { DecodedUpstreamError } from '../http.js';
import type {
  CreateUserInput,
  Device,
  DeviceKind,
  ExternalAccount,
  IntCondition,
  MetadataPatch,
  Page,
  PageRequest,
  StringCondition,
  TimeRange,
  UpdateUserInput,
  User,
  UserFilter,
  UserOrder,
  UserOrderField,
  UserStatus,
} from '../types.js';
import {
  errorBodySchema,
  listDevicesResponseSchema,
  listUsersResponseSchema,
  userResponseSchema,
  type ListPaginatedUsersItem,
  type ListUsersQuery,
  type SocialConnection,
  type UserInfo,
  type UserRequest,
  type WebAuthnDevice,
  type WebAuthnType,
} from './wire.js';

// ---- wire → domain -----------------------------------------------------------------------------

export function toUser(body: unknown): User {
  return fromUserInfo(parse(userResponseSchema, body, 'a user').user);
}

/** A page of slim list items: their `devices` stay undefined (lists do not carry them). */
export function toUserPage(body: unknown): Page<User> & { totalCount: number; anchor: number } {
  const page = parse(listUsersResponseSchema, body, 'a user list');
  return {
    items: page.users.map((item) => fromListItem(item, undefined, [])),
    totalCount: page.total_users,
    anchor: page.created_before,
  };
}

export function toDevices(userId: string, body: unknown): Device[] {
  return parse(listDevicesResponseSchema, body, 'a device list').devices.map((device) =>
    fromDevice(userId, device),
  );
}

const STATUSES: Record<ListPaginatedUsersItem['status'], UserStatus> = {
  active: 'ACTIVE',
  inactive: 'INACTIVE',
  pending: 'PENDING',
};

const DEVICE_KINDS: Record<WebAuthnType, DeviceKind> = {
  passkey: 'PASSKEY',
  platform: 'PLATFORM',
  security_key: 'SECURITY_KEY',
};

/** A full user; also how export.ts maps the users of a saved dump or a dashboard CSV. */
export function fromUserInfo(user: UserInfo): User {
  return fromListItem(
    user,
    user.webauthn_devices.map((device) => fromDevice(user.id, device)),
    Object.entries(user.social_connections).map(([provider, connection]) =>
      fromSocialConnection(provider, connection),
    ),
  );
}

function fromListItem(
  user: ListPaginatedUsersItem,
  devices: Device[] | undefined,
  externalAccounts: ExternalAccount[],
): User {
  const email = user.email || null;
  const phone = user.phone || null;
  return {
    provider: 'passage',
    id: user.id,
    externalId: user.external_id || null,
    email,
    phone,
    emailAddresses: email ? [{ id: null, address: email, verified: user.email_verified, primary: true }] : [],
    phoneNumbers: phone ? [{ id: null, number: phone, verified: user.phone_verified, primary: true }] : [],
    username: null,
    firstName: null,
    lastName: null,
    imageUrl: null,
    hasImage: false,
    status: STATUSES[user.status],
    banned: null,
    locked: null,
    lockoutExpiresInSeconds: null,
    createdAt: new Date(user.created_at),
    updatedAt: new Date(user.updated_at),
    lastSignInAt: dateOrNever(user.last_login_at),
    lastActiveAt: null,
    loginCount: user.login_count,
    publicMetadata: user.user_metadata,
    privateMetadata: null,
    unsafeMetadata: null,
    mfa: null,
    devices,
    web3Wallets: [],
    externalAccounts,
  };
}

function fromDevice(userId: string, device: WebAuthnDevice): Device {
  return {
    provider: 'passage',
    id: device.id,
    userId,
    name: device.friendly_name,
    kind: DEVICE_KINDS[device.type],
    createdAt: dateOrNever(device.created_at),
    updatedAt: dateOrNever(device.updated_at),
    lastUsedAt: dateOrNever(device.last_login_at),
    usageCount: device.usage_count,
  };
}

function fromSocialConnection(provider: string, connection: SocialConnection): ExternalAccount {
  return {
    id: null,
    provider,
    providerUserId: connection.provider_id,
    emailAddress: connection.provider_identifier || null,
    username: null,
    createdAt: dateOrNever(connection.created_at),
    lastSignInAt: dateOrNever(connection.last_login_at),
  };
}

/** Go's zero time: Passage's timestamps cannot be null, so "never" is year 1. */
const GO_ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

function dateOrNever(rfc3339: string): Date | null {
  const date = new Date(rfc3339);
  return date.getTime() <= GO_ZERO_TIME ? null : date;
}

/**
 * The body as `schema`, or UPSTREAM_INVALID naming the first bad field and what was expected.
 * The message never carries the value found: it could be a user's e-mail or a token.
 */
function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ProviderError({
    provider: 'passage',
    code: 'UPSTREAM_INVALID',
    message: `Passage answered ${what} that its API does not document: ${describeIssue(result.error, 'the body')}`,
  });
}

/** The first bad field of a failed parse (`root` when it is the value itself) and what was wrong. */
export function describeIssue(error: z.ZodError, root: string): string {
  const issue = error.issues[0];
  return `${issue?.path.length ? fieldPath(issue.path) : root} is ${problem(issue)}`;
}

/** What was wrong, in words that hold no part of the value received. */
function problem(issue: z.core.$ZodIssue | undefined): string {
  switch (issue?.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return 'not one of the documented values';
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    default:
      return issue?.code ?? 'invalid';
  }
}

const fieldPath = (segments: readonly PropertyKey[]) =>
  segments
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');

// ---- error bodies ------------------------------------------------------------------------------

/** Passage's own codes that say more than the status; anything else falls back to the status. */
const ERROR_CODES = new Map<string, ProviderErrorCode>([
  ['user_not_found', 'NOT_FOUND'],
  ['device_not_found', 'NOT_FOUND'],
  ['identifier_already_exists', 'CONFLICT'],
  ['invalid_request', 'INVALID_INPUT'],
  ['invalid_access_token', 'UNAUTHORIZED'],
  // A wrong PASSAGE_APP_ID is the operator's configuration error, not a missing user.
  ['app_not_found', 'UNAUTHORIZED'],
]);

/** Credential problems are the operator's to fix: say which variable to check. */
const OPERATOR_MESSAGES = new Map([
  ['invalid_access_token', 'Passage refused the API key: check PASSAGE_API_KEY'],
  ['app_not_found', 'Passage has no app with this id: check PASSAGE_APP_ID'],
]);

export function decodePassageError(status: number, body: unknown): DecodedUpstreamError {
  const rateLimited = status === 429 ? ({ code: 'RATE_LIMITED' } as const) : {};
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return rateLimited;
  const { code: upstreamCode, error } = parsed.data;
  const decoded: DecodedUpstreamError = {
    upstreamCode,
    message: OPERATOR_MESSAGES.get(upstreamCode) ?? error,
    code: status < 500 ? ERROR_CODES.get(upstreamCode) : undefined,
    ...rateLimited,
  };
  // A 404 that names no user or device means the path itself is unknown: a wrong base URL would
  // otherwise read as "every user is missing".
  if (status === 404 && decoded.code === undefined) {
    decoded.code = 'UNEXPECTED';
    decoded.message = 'Passage does not serve this path: check PASSAGE_API_URL';
  }
  // Passage names the field first: `identifier: must be a valid email address.`
  const named = /^([A-Za-z_][\w.]*): (.+)$/s.exec(error);
  if (upstreamCode === 'invalid_request' && named) {
    decoded.fields = [{ field: named[1] ?? '', message: named[2] ?? '' }];
  }
  return decoded;
}

// ---- domain → wire: request bodies -------------------------------------------------------------

const CLERK_ONLY_CREATE_FIELDS = [
  'externalId',
  'username',
  'firstName',
  'lastName',
  'password',
  'privateMetadata',
  'unsafeMetadata',
  'createdAt',
] as const satisfies readonly (keyof CreateUserInput)[];

export function toCreateUserRequest(input: CreateUserInput): UserRequest {
  refuseClerkOnly(input, CLERK_ONLY_CREATE_FIELDS, 'create a user with');
  for (const field of ['emailVerified', 'phoneVerified'] as const) {
    if (input[field] === true) {
      throw invalidInput(field, `Passage creates identifiers unverified; ${field} cannot be true`);
    }
  }
  if (!input.email && !input.phone) {
    throw invalidInput('email', 'Passage needs an email or a phone to create a user');
  }
  return {
    email: input.email || undefined,
    phone: input.phone || undefined,
    user_metadata: input.publicMetadata,
  };
}

const CLERK_ONLY_UPDATE_FIELDS = [
  'externalId',
  'username',
  'firstName',
  'lastName',
  'password',
  'primaryEmailAddressId',
  'primaryPhoneNumberId',
] as const satisfies readonly (keyof UpdateUserInput)[];

export function toUpdateUserRequest(input: UpdateUserInput): UserRequest {
  refuseClerkOnly(input, CLERK_ONLY_UPDATE_FIELDS, 'update');
  for (const field of ['email', 'phone'] as const) {
    // Passage reads "" as "leave it alone": refuse it rather than silently remove nothing.
    if (input[field] !== undefined && input[field].trim() === '') {
      throw invalidInput(field, `Passage cannot remove a user's ${field}; give a new one`);
    }
  }
  return { email: input.email, phone: input.phone };
}

export function toMetadataRequest(patch: MetadataPatch): UserRequest {
  refuseClerkOnly(patch, ['privateMetadata', 'unsafeMetadata'] as const, 'store');
  return { user_metadata: patch.publicMetadata ?? {} };
}

function refuseClerkOnly<T extends object>(input: T, fields: readonly (keyof T & string)[], action: string) {
  const given = fields.find((field) => input[field] !== undefined);
  if (given) throw invalidInput(given, `Passage cannot ${action} ${given} (a Clerk-only field)`);
}

// ---- domain → wire: list parameters ------------------------------------------------------------

export const MAX_LIMIT = 500;

type ListFilterQuery = Omit<ListUsersQuery, 'page' | 'limit' | 'created_before'>;

const CLERK_ONLY_FILTERS = [
  'externalIds',
  'usernames',
  'web3Wallets',
  'organizationIds',
  'emailQuery',
  'phoneQuery',
  'usernameQuery',
  'nameQuery',
  'banned',
  'lastActiveAt',
] as const satisfies readonly (keyof UserFilter)[];

/**
 * Passage takes one value per filter parameter, with one operator prefix. Several domain fields
 * land on the same parameter (`emails`, `phones`, `query` and `identifier` all on `identifier`),
 * so at most one of them may be set. An empty list is no filter, as on Clerk.
 */
export function toListFilterQuery(filter: UserFilter, order: UserOrder | undefined): ListFilterQuery {
  const clerkOnly = CLERK_ONLY_FILTERS.find((field) => isSet(filter[field]));
  if (clerkOnly) throw invalidInput(clerkOnly, `Passage cannot filter by ${clerkOnly} (a Clerk-only filter)`);
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
    throw invalidInput(
      'orderBy',
      `Passage cannot order by ${order.field}; use ${[...ORDER_FIELDS.keys()].join(', ')}`,
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
    throw invalidInput('limit', `limit must be 1–${MAX_LIMIT}, got ${page.limit}`);
  }
  if (!Number.isInteger(page.offset) || page.offset < 0) {
    throw invalidInput('offset', `offset must be an integer of at least 0, got ${page.offset}`);
  }
  if (page.anchor !== undefined && (!Number.isInteger(page.anchor) || page.anchor < 0)) {
    throw invalidInput('anchor', `anchor must be a Unix timestamp in seconds, got ${page.anchor}`);
  }
  return { first: Math.floor(page.offset / page.limit) + 1, skip: page.offset % page.limit };
}

const isSet = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0);

/** The one parameter value several domain fields compete for; INVALID_INPUT when two are set. */
function oneParameter(parameter: string, candidates: Record<string, string | undefined>) {
  const set = Object.entries(candidates).filter(([, value]) => value !== undefined);
  if (set.length > 1) {
    const names = set.map(([field]) => field);
    throw invalidInput(
      names[1] ?? parameter,
      `Passage takes one ${parameter} filter; got ${names.join(' and ')}`,
    );
  }
  return set[0]?.[1];
}

function onlyValue(field: string, values: readonly string[] | undefined, contract: string) {
  if (!values?.length) return undefined;
  if (values.length > 1) throw invalidInput(field, `${field}: ${contract}, got ${values.length}`);
  return bareValue(field, values[0] ?? '');
}

/**
 * A value sent without operator: Passage reads an empty one as "no filter" and `ne:x` as an
 * operator, so neither can stand for equality.
 */
function bareValue(field: string, value: string): string {
  if (value === '') throw invalidInput(field, `${field} must not be empty`);
  if (/^[a-z_]+:/.test(value)) {
    throw invalidInput(field, `Passage would read the prefix of this ${field} value as an operator`);
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
  if (!Number.isSafeInteger(value)) throw invalidInput(field, `${field} must be an integer, got ${value}`);
  return operator === 'equals' ? String(value) : OPERATORS[operator] + value;
}

/** A time range's one end: Passage takes one operator per field, so `after` and `before` not both. */
function timeCondition(field: string, range: TimeRange | undefined): string | undefined {
  if (range?.after && range.before) {
    throw invalidInput(field, `Passage takes one end of ${field} (after or before), not both`);
  }
  if (range?.after) return `gt:${filterTimestamp(field, range.after)}`;
  if (range?.before) return `lt:${filterTimestamp(field, range.before)}`;
  return undefined;
}

/** The one format Passage's time filters accept: `2006-01-02T15:04:05.000000Z`. */
function filterTimestamp(field: string, date: Date): string {
  const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString();
  if (!/^\d{4}-.*\.\d{3}Z$/.test(iso)) throw invalidInput(field, `${field} must be a date in years 0–9999`);
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
    throw invalidInput(field, `Passage takes one operator per filter; ${field} has ${names}`);
  }
  return set[0];
}

function dropUndefined<T extends object>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as T;
}

export function invalidInput(field: string, message: string): ProviderError {
  return new ProviderError({
    provider: 'passage',
    code: 'INVALID_INPUT',
    message,
    fields: [{ field, message }],
  });
}
