/**
 * Translation between Clerk's wire and the domain, both ways:
 * - responses → domain objects, parsed with the schemas of wire.ts, so a body of the wrong shape
 *   is an UPSTREAM_INVALID naming the bad field (never its value, which may be a token);
 * - domain inputs → query parameters and bodies, refusing what Clerk cannot express with an
 *   INVALID_INPUT before any call;
 * - Clerk's error envelope → the codes of `ProviderError`.
 */
import type { z } from 'zod';
import { codeForStatus, ProviderError, type ProviderErrorCode } from '../errors.js';
import type { DecodedUpstreamError, Query } from '../http.js';
import type {
  CreateUserInput,
  Device,
  ImageUpload,
  Invitation,
  InvitationStatus,
  JsonObject,
  Membership,
  MetadataPatch,
  OAuthAccessToken,
  Page,
  PageRequest,
  TimeRange,
  TotpEnrollment,
  UpdateUserInput,
  User,
  UserFilter,
  UserOrder,
  UserOrderField,
} from '../types.js';
import {
  clerkErrorsSchema,
  deletedObjectSchema,
  oauthAccessTokensSchema,
  organizationInvitationSchema,
  organizationMembershipSchema,
  paginated,
  totalCountSchema,
  totpSchema,
  userIdSchema,
  userListSchema,
  userSchema,
  verifyPasswordSchema,
  verifyTotpSchema,
  type ClerkOAuthAccessToken,
  type ClerkOrganizationInvitation,
  type ClerkOrganizationMembership,
  type ClerkUser,
} from './wire.js';

/** Clerk's cap on the values of one list filter (`user_id`, `email_address`...). */
export const MAX_FILTER_VALUES = 100;
/** Clerk's cap on `limit` for its lists. */
export const MAX_PAGE_SIZE = 500;

/** Input refused before any call; `field` names the filter or order field at fault, where there is one. */
const invalidInput = (message: string, field?: string) =>
  new ProviderError({
    provider: 'clerk',
    code: 'INVALID_INPUT',
    message,
    fields: field === undefined ? [] : [{ field, message }],
  });

// ---- responses → domain ------------------------------------------------------------------------

function parseWire<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  // Built from paths and expected types only: zod's own messages may quote the value received.
  const problems = parsed.error.issues
    .slice(0, 3)
    .map(
      (issue) =>
        `${fieldPath(issue.path)} (${'expected' in issue ? `expected ${issue.expected}` : issue.code})`,
    );
  throw new ProviderError({
    provider: 'clerk',
    code: 'UPSTREAM_INVALID',
    message: `clerk answered ${what} that does not match its API: ${problems.join(', ')}`,
  });
}

function fieldPath(path: readonly PropertyKey[]): string {
  const text = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  return text.replace(/^\./, '') || 'the body';
}

const date = (millis: number | null | undefined) => (millis == null ? null : new Date(millis));
const isVerified = (verification: { status: string } | null) => verification?.status === 'verified';
/** Clerk names identity providers `oauth_google`; the domain says `google`. */
const withoutOAuthPrefix = (provider: string) => provider.replace(/^oauth_/, '');

export const toUser = (body: unknown): User => userFromWire(parseWire(userSchema, body, 'a user'));
export const toUsers = (body: unknown): User[] =>
  parseWire(userListSchema, body, 'a user list').map(userFromWire);
export const toCount = (body: unknown): number => parseWire(totalCountSchema, body, 'a count').total_count;
export const toDevices = (body: unknown): Device[] => toUser(body).devices ?? [];

function userFromWire(user: ClerkUser): User {
  const emailAddresses = user.email_addresses.map((email) => ({
    id: email.id ?? null,
    address: email.email_address,
    verified: isVerified(email.verification),
    primary: email.id !== undefined && email.id === user.primary_email_address_id,
  }));
  const phoneNumbers = user.phone_numbers.map((phone) => ({
    id: phone.id ?? null,
    number: phone.phone_number,
    verified: isVerified(phone.verification),
    primary: phone.id !== undefined && phone.id === user.primary_phone_number_id,
  }));
  return {
    provider: 'clerk',
    id: user.id,
    externalId: user.external_id,
    email: emailAddresses.find((email) => email.primary)?.address ?? null,
    phone: phoneNumbers.find((phone) => phone.primary)?.number ?? null,
    emailAddresses,
    phoneNumbers,
    username: user.username,
    firstName: user.first_name,
    lastName: user.last_name,
    imageUrl: user.image_url ?? null,
    hasImage: user.has_image,
    status: user.banned ? 'BANNED' : user.locked ? 'LOCKED' : 'ACTIVE',
    banned: user.banned,
    locked: user.locked,
    lockoutExpiresInSeconds: user.lockout_expires_in_seconds,
    createdAt: new Date(user.created_at),
    updatedAt: new Date(user.updated_at),
    lastSignInAt: date(user.last_sign_in_at),
    lastActiveAt: date(user.last_active_at),
    loginCount: null,
    publicMetadata: user.public_metadata as JsonObject,
    privateMetadata: (user.private_metadata as JsonObject | null | undefined) ?? null,
    unsafeMetadata: (user.unsafe_metadata as JsonObject | undefined) ?? null,
    mfa: {
      passwordEnabled: user.password_enabled,
      totpEnabled: user.totp_enabled,
      backupCodesEnabled: user.backup_code_enabled,
      twoFactorEnabled: user.two_factor_enabled,
    },
    devices: user.passkeys.map((passkey) => ({
      provider: 'clerk',
      id: passkey.id,
      userId: user.id,
      name: passkey.name,
      kind: 'PASSKEY',
      // Clerk's passkey object has no creation or update time, and counts no uses.
      createdAt: null,
      updatedAt: null,
      lastUsedAt: date(passkey.last_used_at),
      usageCount: null,
    })),
    web3Wallets: user.web3_wallets.map((wallet) => ({
      id: wallet.id,
      address: wallet.web3_wallet,
      verified: isVerified(wallet.verification),
      primary: wallet.id === user.primary_web3_wallet_id,
    })),
    externalAccounts: user.external_accounts.map((account) => ({
      id: account.id,
      provider: withoutOAuthPrefix(account.provider),
      providerUserId: account.provider_user_id,
      emailAddress: account.email_address || null,
      username: account.username ?? null,
      createdAt: new Date(account.created_at),
      lastSignInAt: null,
    })),
  };
}

export function toMembershipPage(userId: string, body: unknown): Page<Membership> {
  const page = parseWire(paginated(organizationMembershipSchema), body, 'a membership page');
  return { items: page.data.map((m) => membershipFromWire(userId, m)), totalCount: page.total_count };
}

function membershipFromWire(userId: string, membership: ClerkOrganizationMembership): Membership {
  const org = membership.organization;
  return {
    id: membership.id,
    userId,
    role: membership.role,
    roleName: membership.role_name ?? null,
    permissions: membership.permissions,
    organization: {
      id: org.id,
      name: org.name,
      slug: org.slug,
      imageUrl: org.image_url ?? null,
      membersCount: org.members_count ?? null,
      createdAt: new Date(org.created_at),
    },
    createdAt: new Date(membership.created_at),
    updatedAt: new Date(membership.updated_at),
  };
}

export function toInvitationPage(body: unknown): Page<Invitation> {
  const page = parseWire(paginated(organizationInvitationSchema), body, 'an invitation page');
  return { items: page.data.map(invitationFromWire), totalCount: page.total_count };
}

function invitationFromWire(invitation: ClerkOrganizationInvitation): Invitation {
  const org = invitation.public_organization_data;
  return {
    id: invitation.id,
    emailAddress: invitation.email_address,
    role: invitation.role,
    status: invitation.status.toUpperCase() as InvitationStatus,
    organization: { id: org.id, name: org.name, slug: org.slug, imageUrl: org.image_url ?? null },
    createdAt: new Date(invitation.created_at),
    updatedAt: new Date(invitation.updated_at),
    expiresAt: date(invitation.expires_at),
  };
}

export const toOAuthAccessTokens = (body: unknown): OAuthAccessToken[] =>
  parseWire(oauthAccessTokensSchema, body, 'OAuth access tokens').map(oauthAccessTokenFromWire);

function oauthAccessTokenFromWire(token: ClerkOAuthAccessToken): OAuthAccessToken {
  return {
    provider: withoutOAuthPrefix(token.provider),
    externalAccountId: token.external_account_id,
    token: token.token,
    expiresAt: date(token.expires_at),
    scopes: token.scopes ?? [],
    label: token.label,
  };
}

export function toTotpEnrollment(body: unknown): TotpEnrollment {
  const totp = parseWire(totpSchema, body, 'a TOTP enrolment');
  return { secret: totp.secret, uri: totp.uri, backupCodes: totp.backup_codes ?? [] };
}

export const toPasswordVerified = (body: unknown): boolean =>
  parseWire(verifyPasswordSchema, body, 'a password verification').verified;

export function toTotpVerified(body: unknown): {
  verified: boolean;
  codeType: 'TOTP' | 'BACKUP_CODE' | null;
} {
  const result = parseWire(verifyTotpSchema, body, 'a TOTP verification');
  const codeType =
    result.code_type === 'totp' ? 'TOTP' : result.code_type === 'backup_code' ? 'BACKUP_CODE' : null;
  return { verified: result.verified, codeType };
}

/** A DELETE answered as documented: a DeletedObject, or `{user_id}` for the MFA deletes. */
export const expectDeleted = (body: unknown): void => void parseWire(deletedObjectSchema, body, 'a deletion');
export const expectUserId = (body: unknown): void => void parseWire(userIdSchema, body, 'a deletion');

// ---- domain → query parameters and bodies --------------------------------------------------------

type FilterParams = {
  [K in keyof UserFilter]-?: ((value: NonNullable<UserFilter[K]>) => Query) | 'passage only';
};

/** Every domain filter and the `GET /users` parameter it becomes; Passage's have none here. */
const FILTER_PARAMS: FilterParams = {
  ids: (values) => ({ user_id: values }),
  emails: (values) => ({ email_address: values }),
  phones: (values) => ({ phone_number: values }),
  externalIds: (values) => ({ external_id: values }),
  usernames: (values) => ({ username: values }),
  web3Wallets: (values) => ({ web3_wallet: values }),
  organizationIds: (values) => ({ organization_id: values }),
  query: (value) => ({ query: value }),
  emailQuery: (value) => ({ email_address_query: value }),
  phoneQuery: (value) => ({ phone_number_query: value }),
  usernameQuery: (value) => ({ username_query: value }),
  nameQuery: (value) => ({ name_query: value }),
  banned: (value) => ({ banned: value }),
  lastActiveAt: (range) => rangeParams('last_active_at', range),
  createdAt: (range) => rangeParams('created_at', range),
  lastSignInAt: (range) => rangeParams('last_sign_in_at', range),
  identifier: 'passage only',
  idCondition: 'passage only',
  status: 'passage only',
  emailVerified: 'passage only',
  loginCount: 'passage only',
  updatedAt: 'passage only',
};

/** Clerk's ranges are exclusive millisecond bounds, as the domain's. */
function rangeParams(prefix: string, range: TimeRange): Query {
  const millis = (at: Date | undefined, end: string) => {
    if (at === undefined) return undefined;
    if (Number.isNaN(at.getTime())) throw invalidInput(`filter ${prefix} ${end} must be a valid date`);
    return at.getTime();
  };
  return {
    [`${prefix}_after`]: millis(range.after, 'after'),
    [`${prefix}_before`]: millis(range.before, 'before'),
  };
}

/** The query parameters `GET /users` and `GET /users/count` share. */
export function userFilterQuery(filter: UserFilter): Query {
  const query: Query = {};
  for (const [field, value] of Object.entries(filter) as [keyof UserFilter, unknown][]) {
    if (value === undefined || value === null) continue;
    const toParams = FILTER_PARAMS[field] as ((value: unknown) => Query) | 'passage only' | undefined;
    if (toParams === undefined) throw invalidInput(`${String(field)} is not a user filter`, field);
    if (toParams === 'passage only')
      throw invalidInput(`Clerk cannot filter users by ${field} (a Passage filter)`, field);
    if (Array.isArray(value)) checkListFilter(field, value);
    Object.assign(query, toParams(value));
  }
  return query;
}

/**
 * Clerk ignores an empty list and empty values, so `ids: []` or `emails: ['']` would list every
 * user instead of none: refused, like a list longer than Clerk takes.
 */
function checkListFilter(field: string, values: unknown[]): void {
  if (values.length === 0 || values.length > MAX_FILTER_VALUES) {
    throw invalidInput(`filter ${field} takes 1 to ${MAX_FILTER_VALUES} values, got ${values.length}`, field);
  }
  if (values.some((value) => typeof value !== 'string' || value.trim() === '')) {
    throw invalidInput(`filter ${field} must not hold empty values`, field);
  }
}

const ORDER_FIELDS: Record<UserOrderField, string | null> = {
  CREATED_AT: 'created_at',
  UPDATED_AT: 'updated_at',
  LAST_SIGN_IN_AT: 'last_sign_in_at',
  LAST_ACTIVE_AT: 'last_active_at',
  EMAIL: 'email_address',
  PHONE: 'phone_number',
  USERNAME: 'username',
  FIRST_NAME: 'first_name',
  LAST_NAME: 'last_name',
  ID: null,
  LOGIN_COUNT: null,
  STATUS: null,
};

/** `order_by` with Clerk's `+`/`-` prefix; undefined keeps Clerk's default, newest first. */
export function orderByParam(order: UserOrder | undefined): string | undefined {
  if (!order) return undefined;
  const field = ORDER_FIELDS[order.field];
  if (!field) throw invalidInput(`Clerk cannot order users by ${order.field}`, 'orderBy');
  return `${order.direction === 'DESC' ? '-' : '+'}${field}`;
}

/** `limit` and `offset`, as every Clerk list endpoint takes them. */
export function pageParams({ limit, offset }: PageRequest): { limit: number; offset: number } {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalidInput(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0)
    throw invalidInput(`offset must be an integer ≥ 0, got ${offset}`);
  return { limit, offset };
}

export const invitationStatusParam = (status: InvitationStatus | undefined) => status?.toLowerCase();

/** Clerk's path segment for an identity provider: `google` → `oauth_google`. */
export function oauthProviderParam(provider: string): string {
  const name = withoutOAuthPrefix(provider.trim());
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw invalidInput(
      `provider must be an identity provider such as google or github, got ${JSON.stringify(provider.slice(0, 40))}`,
      'provider',
    );
  }
  return `oauth_${name}`;
}

/** `POST /users`: identifiers are arrays (the first is primary) and verified unless reserved. */
export function createUserBody(input: CreateUserInput): object {
  const reserved = (value: string | undefined, verified: boolean | undefined) =>
    value !== undefined && verified === false ? ['reserved'] : undefined;
  return {
    email_address: input.email === undefined ? undefined : [input.email],
    email_address_identification_status: reserved(input.email, input.emailVerified),
    phone_number: input.phone === undefined ? undefined : [input.phone],
    phone_number_identification_status: reserved(input.phone, input.phoneVerified),
    external_id: input.externalId,
    username: input.username,
    first_name: input.firstName,
    last_name: input.lastName,
    password: input.password,
    skip_password_requirement: input.skipPasswordRequirement,
    public_metadata: input.publicMetadata,
    private_metadata: input.privateMetadata,
    unsafe_metadata: input.unsafeMetadata,
    // Request bodies take RFC 3339, unlike the milliseconds of responses and filters.
    created_at: input.createdAt?.toISOString(),
  };
}

/**
 * `PATCH /users/{id}`. It has no e-mail or phone field: a user's addresses are identifications of
 * their own, so changing which one is primary is the way to change the user's e-mail.
 */
export function updateUserBody(input: UpdateUserInput): object {
  if (input.email !== undefined) {
    throw invalidInput(
      'Clerk cannot change an e-mail address through an update; pass the id of one of the user’s e-mail addresses as primaryEmailAddressId',
    );
  }
  if (input.phone !== undefined) {
    throw invalidInput(
      'Clerk cannot change a phone number through an update; pass the id of one of the user’s phone numbers as primaryPhoneNumberId',
    );
  }
  return {
    external_id: input.externalId,
    username: input.username,
    first_name: input.firstName,
    last_name: input.lastName,
    password: input.password,
    primary_email_address_id: input.primaryEmailAddressId,
    primary_phone_number_id: input.primaryPhoneNumberId,
  };
}

export const metadataBody = (patch: MetadataPatch): object => ({
  public_metadata: patch.publicMetadata,
  private_metadata: patch.privateMetadata,
  unsafe_metadata: patch.unsafeMetadata,
});

/** `POST /users/{id}/profile_image` takes the image as the multipart field `file`. */
export function profileImageForm(image: ImageUpload): FormData {
  const form = new FormData();
  // Copied: a Blob takes no view of a SharedArrayBuffer, which a Uint8Array may be.
  form.append('file', new Blob([new Uint8Array(image.data)], { type: image.contentType }), image.filename);
  return form;
}

// ---- errors ------------------------------------------------------------------------------------

const CONFLICT_CODES = new Set(['form_identifier_exists', 'resource_locked', 'conflict']);
const UNSUPPORTED_CODES = new Set(['feature_not_enabled', 'unsupported_subscription_plan_features']);
const INVALID_INPUT_CODES = new Set(['request_body_invalid', 'malformed_request_parameters']);

/** Reads Clerk's `{errors: [{code, message, long_message, meta}], clerk_trace_id}` envelope. */
export function decodeClerkError(status: number, body: unknown): DecodedUpstreamError {
  const parsed = clerkErrorsSchema.safeParse(body);
  const errors = parsed.success ? parsed.data.errors : [];
  const first = errors[0];
  const fields = errors.flatMap((error) =>
    error.meta?.param_name
      ? [{ field: error.meta.param_name, message: error.long_message || error.message || error.code }]
      : [],
  );
  return {
    code: errorCode(status, first?.code),
    message: first ? first.long_message || first.message || undefined : undefined,
    upstreamCode: first?.code,
    fields: fields.length > 0 ? fields : undefined,
    traceId: parsed.success ? parsed.data.clerk_trace_id : undefined,
  };
}

function errorCode(status: number, upstreamCode: string | undefined): ProviderErrorCode {
  // A rejected key is the operator's configuration, whatever the body says.
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 402) return 'UNSUPPORTED';
  if (upstreamCode !== undefined) {
    if (upstreamCode === 'resource_not_found' || upstreamCode.endsWith('_not_found')) return 'NOT_FOUND';
    if (CONFLICT_CODES.has(upstreamCode)) return 'CONFLICT';
    if (UNSUPPORTED_CODES.has(upstreamCode)) return 'UNSUPPORTED';
    if (upstreamCode.startsWith('form_') || INVALID_INPUT_CODES.has(upstreamCode)) return 'INVALID_INPUT';
  }
  return codeForStatus(status);
}
