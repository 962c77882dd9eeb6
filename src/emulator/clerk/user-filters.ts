/**
 * The filters shared by `GET /users` and `GET /users/count` ([CS] GetUserList, GetUsersCount),
 * and the ordering of `GET /users`. Filters combine with AND; the values of one list filter
 * combine with OR; ids not found are ignored.
 */
import { formParamInvalid } from './errors.js';
import {
  matchesSigned,
  readBoolean,
  readInteger,
  readList,
  readSignedList,
  readString,
  type SignedList,
} from './query-params.js';
import type { UserRecord } from './records.js';
import type { ClerkState } from './state.js';

export type UserPredicate = (user: UserRecord) => boolean;

const lower = (value: string) => value.toLowerCase();
const contains = (haystack: string | null | undefined, needle: string) =>
  haystack?.toLowerCase().includes(needle) ?? false;

/** Parses and validates every filter before anything is read, so a bad one is a clean 422. */
export function readUserFilter(state: ClerkState, query: URLSearchParams): UserPredicate {
  const checks: UserPredicate[] = [];
  const exact = (name: string, valuesOf: (user: UserRecord) => (string | null)[]) => {
    const wanted = new Set(readList(query, name).map(lower));
    if (wanted.size > 0)
      checks.push((user) => valuesOf(user).some((v) => v !== null && wanted.has(v.toLowerCase())));
  };
  exact('email_address', (u) => u.emails.map((e) => e.email_address));
  exact('phone_number', (u) => u.phones.map((p) => p.phone_number));
  exact('username', (u) => [u.username]);
  exact('web3_wallet', (u) => u.web3Wallets.map((w) => w.web3_wallet));

  const signed = (list: SignedList | undefined, valuesOf: (user: UserRecord) => string[]) => {
    if (list) checks.push((user) => matchesSigned(list, valuesOf(user)));
  };
  signed(readSignedList(query, 'user_id'), (u) => [u.id]);
  signed(readSignedList(query, 'external_id'), (u) => (u.external_id === null ? [] : [u.external_id]));
  signed(readSignedList(query, 'organization_id'), (u) =>
    state.membershipsOfUser(u.id).map((m) => m.organizationId),
  );

  const provider = readString(query, 'provider');
  const providerUserIds = readList(query, 'provider_user_id');
  if (provider !== undefined || providerUserIds.length > 0) {
    if (provider === undefined)
      throw formParamInvalid('provider', 'provider must be given together with provider_user_id.');
    if (providerUserIds.length === 0)
      throw formParamInvalid('provider_user_id', 'provider_user_id must be given together with provider.');
    const ids = new Set(providerUserIds);
    checks.push((u) =>
      u.externalAccounts.some((a) => a.provider === provider && ids.has(a.provider_user_id)),
    );
  }

  const text = (name: string, fieldsOf: (user: UserRecord) => (string | null)[]) => {
    const needle = readString(query, name)?.toLowerCase();
    if (needle !== undefined) checks.push((user) => fieldsOf(user).some((field) => contains(field, needle)));
  };
  const fullName = (u: UserRecord) => [u.first_name, u.last_name].filter(Boolean).join(' ');
  text('query', (u) => [
    u.id,
    u.username,
    u.first_name,
    u.last_name,
    fullName(u),
    ...u.emails.map((e) => e.email_address),
    ...u.phones.map((p) => p.phone_number),
    ...u.web3Wallets.map((w) => w.web3_wallet),
  ]);
  text('email_address_query', (u) => u.emails.map((e) => e.email_address));
  text('phone_number_query', (u) => u.phones.map((p) => p.phone_number));
  text('username_query', (u) => [u.username]);
  text('name_query', (u) => [u.first_name, u.last_name, fullName(u)]);

  const banned = readBoolean(query, 'banned');
  if (banned !== undefined) checks.push((u) => u.banned === banned);

  const range = (name: string, valueOf: (user: UserRecord) => number | null, before: boolean) => {
    const bound = readInteger(query, name);
    if (bound === undefined) return;
    checks.push((u) => {
      const value = valueOf(u);
      return value !== null && (before ? value < bound : value > bound);
    });
  };
  range('last_active_at_before', (u) => u.last_active_at, true);
  range('last_active_at_after', (u) => u.last_active_at, false);
  range('last_active_at_since', (u) => u.last_active_at, false);
  range('created_at_before', (u) => u.created_at, true);
  range('created_at_after', (u) => u.created_at, false);
  range('last_sign_in_at_before', (u) => u.last_sign_in_at, true);
  range('last_sign_in_at_after', (u) => u.last_sign_in_at, false);

  return (user) => checks.every((check) => check(user));
}

/**
 * The users a filter can match: only the listed ones when `user_id` includes ids (Clerk looks
 * them up by key; scanning every user made a one-id lookup cost 0.2 ms more than
 * `GET /users/{id}` at 2,000 users), otherwise all of them. The predicate still decides.
 */
export function candidateUsers(state: ClerkState, query: URLSearchParams): UserRecord[] {
  const include = readSignedList(query, 'user_id')?.include;
  if (!include || include.size === 0) return [...state.users.values()];
  return [...include].flatMap((id) => state.users.get(id) ?? []);
}

export const USER_ORDER_FIELDS = [
  'created_at',
  'updated_at',
  'email_address',
  'web3wallet',
  'first_name',
  'last_name',
  'phone_number',
  'username',
  'last_active_at',
  'last_sign_in_at',
] as const;
export type UserOrderField = (typeof USER_ORDER_FIELDS)[number];

function sortKey(user: UserRecord, field: UserOrderField): string | number | null {
  switch (field) {
    case 'email_address':
      return (
        user.emails.find((e) => e.id === user.primary_email_address_id)?.email_address.toLowerCase() ?? null
      );
    case 'phone_number':
      return user.phones.find((p) => p.id === user.primary_phone_number_id)?.phone_number ?? null;
    case 'web3wallet':
      return user.web3Wallets.find((w) => w.id === user.primary_web3_wallet_id)?.web3_wallet ?? null;
    case 'first_name':
    case 'last_name':
    case 'username':
      return user[field]?.toLowerCase() ?? null;
    default:
      return user[field];
  }
}

/**
 * Users in the requested order. Missing values sort last in either direction; ties fall back to
 * created_at and then id in the same direction, so paging is stable.
 */
export function sortUsers(users: UserRecord[], field: UserOrderField, descending: boolean): UserRecord[] {
  const sign = descending ? -1 : 1;
  const keyed = users.map((user) => ({ user, key: sortKey(user, field) }));
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return (a.key < b.key ? -1 : 1) * sign;
    }
    if (a.user.created_at !== b.user.created_at) return (a.user.created_at - b.user.created_at) * sign;
    return (a.user.id < b.user.id ? -1 : a.user.id > b.user.id ? 1 : 0) * sign;
  });
  return keyed.map((entry) => entry.user);
}
