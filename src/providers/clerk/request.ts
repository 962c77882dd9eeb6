/**
 * Domain inputs → Clerk's query parameters and request bodies, refusing with INVALID_INPUT,
 * before any call, what Clerk cannot express.
 */
import { refusedInput } from '../errors.js';
import type { Query } from '../http.js';
import { refuseUnaccepted } from '../registry.js';
import type {
  CreateUserInput,
  IdentifierChange,
  ImageUpload,
  InvitationStatus,
  MetadataPatch,
  NewIdentifier,
  NewInstanceInvitation,
  PageRequest,
  SessionStatus,
  TimeRange,
  UpdateUserInput,
  UserFilter,
  UserOrder,
  UserOrderField,
} from '../types.js';
import { withoutOAuthPrefix } from './map.js';
import { CLERK_FILTERS, clerkTraits } from './traits.js';

const { maxFilterValuesPerCall: MAX_FILTER_VALUES, maxPageSize: MAX_PAGE_SIZE } = clerkTraits.limits;

/** Refusals from this folder name Clerk: it is Clerk that cannot express the input. */
const CLERK = { provider: 'clerk' } as const;

type ClerkFilter = (typeof CLERK_FILTERS)[number];
type FilterParams = { [K in ClerkFilter]: (value: NonNullable<UserFilter[K]>) => Query };

/** Each filter Clerk has and the `GET /users` parameters it becomes. */
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
};

/** Clerk's ranges are exclusive millisecond bounds, as the domain's. */
function rangeParams(prefix: string, range: TimeRange): Query {
  const millis = (at: Date | undefined, end: string) => {
    if (at === undefined) return undefined;
    if (Number.isNaN(at.getTime()))
      throw refusedInput(prefix, `filter ${prefix} ${end} must be a valid date`, CLERK);
    return at.getTime();
  };
  return {
    [`${prefix}_after`]: millis(range.after, 'after'),
    [`${prefix}_before`]: millis(range.before, 'before'),
  };
}

/** The query parameters `GET /users` and `GET /users/count` share. */
export function userFilterQuery(filter: UserFilter): Query {
  refuseUnaccepted(
    clerkTraits,
    filter,
    clerkTraits.filters,
    (field) => `Clerk cannot filter users by ${field}`,
  );
  const query: Query = {};
  for (const [field, value] of Object.entries(filter) as [ClerkFilter, unknown][]) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) checkListFilter(field, value);
    Object.assign(query, (FILTER_PARAMS[field] as (value: unknown) => Query)(value));
  }
  return query;
}

/**
 * Clerk ignores an empty list and empty values, so `ids: []` or `emails: ['']` would list every
 * user instead of none: refused, like a list longer than Clerk takes.
 */
function checkListFilter(field: string, values: unknown[]): void {
  if (values.length === 0 || values.length > MAX_FILTER_VALUES) {
    throw refusedInput(
      field,
      `filter ${field} takes 1 to ${MAX_FILTER_VALUES} values, got ${values.length}`,
      CLERK,
    );
  }
  if (values.some((value) => typeof value !== 'string' || value.trim() === '')) {
    throw refusedInput(field, `filter ${field} must not hold empty values`, CLERK);
  }
}

const ORDER_FIELDS: Partial<Record<UserOrderField, string>> = {
  CREATED_AT: 'created_at',
  UPDATED_AT: 'updated_at',
  LAST_SIGN_IN_AT: 'last_sign_in_at',
  LAST_ACTIVE_AT: 'last_active_at',
  EMAIL: 'email_address',
  PHONE: 'phone_number',
  USERNAME: 'username',
  FIRST_NAME: 'first_name',
  LAST_NAME: 'last_name',
};

/** `order_by` with Clerk's `+`/`-` prefix; undefined keeps Clerk's default, newest first. */
export function orderByParam(order: UserOrder | undefined): string | undefined {
  if (!order) return undefined;
  const field = ORDER_FIELDS[order.field];
  if (!field) throw refusedInput('orderBy', `Clerk cannot order users by ${order.field}`, CLERK);
  return `${order.direction === 'DESC' ? '-' : '+'}${field}`;
}

/** `limit` and `offset`, as every Clerk list endpoint takes them. */
export function pageParams({ limit, offset }: PageRequest): { limit: number; offset: number } {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw refusedInput('limit', `limit must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${limit}`, CLERK);
  }
  if (!Number.isInteger(offset) || offset < 0)
    throw refusedInput('offset', `offset must be an integer ≥ 0, got ${offset}`, CLERK);
  return { limit, offset };
}

export const invitationStatusParam = (status: InvitationStatus | undefined) => status?.toLowerCase();
export const sessionStatusParam = (status: SessionStatus | undefined) => status?.toLowerCase();

/** Clerk's path segment for an identity provider: `google` → `oauth_google`. */
export function oauthProviderParam(provider: string): string {
  const name = withoutOAuthPrefix(provider.trim());
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw refusedInput(
      'provider',
      `provider must be an identity provider such as google or github, got ${JSON.stringify(provider.slice(0, 40))}`,
      CLERK,
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
    throw refusedInput(
      'email',
      'Clerk cannot change an e-mail address through an update; pass the id of one of the user’s e-mail addresses as primaryEmailAddressId',
      CLERK,
    );
  }
  if (input.phone !== undefined) {
    throw refusedInput(
      'phone',
      'Clerk cannot change a phone number through an update; pass the id of one of the user’s phone numbers as primaryPhoneNumberId',
      CLERK,
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

/** `POST /email_addresses` or `/phone_numbers`: the value under its own name, and the flags given. */
export const newIdentifierBody = (
  userId: string,
  param: 'email_address' | 'phone_number',
  { value, verified, primary }: NewIdentifier,
): object => ({ user_id: userId, [param]: value, verified, primary });

export const identifierChangeBody = ({ verified, primary }: IdentifierChange): object => ({
  verified,
  primary,
});

/** One invitation as `POST /invitations` (and each entry of `/invitations/bulk`) takes it. */
export const instanceInvitationBody = (invitation: NewInstanceInvitation): object => ({
  email_address: invitation.emailAddress,
  public_metadata: invitation.publicMetadata,
  redirect_url: invitation.redirectUrl,
  notify: invitation.notify,
  ignore_existing: invitation.ignoreExisting,
  expires_in_days: invitation.expiresInDays,
});
