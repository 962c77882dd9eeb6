/**
 * The provider port: what the loaders and the schema may ask of an identity provider, in the
 * domain's own words. Nothing here knows a URL, a status code or a provider's JSON.
 *
 * Adding a provider: create `src/providers/<name>/` with the same four files as `clerk/` and
 * `passage/` (client.ts: one small function per endpoint over `HttpClient`; wire.ts: the
 * provider's JSON types; map.ts: wire → domain, parsed with zod; index.ts: a factory returning
 * `Provider`), implement the core operations and whichever optional ones the provider has, and
 * add one line to `server.ts`. An optional operation left out is reported to callers as
 * UNSUPPORTED by `operation()`, never by an `if` on the provider's name.
 */

export type ProviderName = 'clerk' | 'passage';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Cancels the upstream calls of a GraphQL request that went away. */
export interface CallOptions {
  signal?: AbortSignal;
}

// ---- domain objects ----------------------------------------------------------------------------

/** Where a user stands: Passage's status, or Clerk's ban and lock. */
export type UserStatus = 'ACTIVE' | 'INACTIVE' | 'PENDING' | 'BANNED' | 'LOCKED';

export interface EmailAddress {
  /** Clerk's identification id; null on Passage, which has one address and no id for it. */
  id: string | null;
  address: string;
  verified: boolean;
  primary: boolean;
}

export interface PhoneNumber {
  id: string | null;
  /** E.164, e.g. `+15005550006`. */
  number: string;
  verified: boolean;
  primary: boolean;
}

export interface Web3Wallet {
  id: string;
  address: string;
  verified: boolean;
  primary: boolean;
}

/** A sign-in through another identity provider: Clerk's external accounts, Passage's social connections. */
export interface ExternalAccount {
  /** Clerk's external account id; null on Passage (its social connections have none). */
  id: string | null;
  /** The identity provider without prefix: `google`, `github`, `apple`... */
  provider: string;
  providerUserId: string;
  emailAddress: string | null;
  username: string | null;
  createdAt: Date | null;
  lastSignInAt: Date | null;
}

export type DeviceKind = 'PASSKEY' | 'PLATFORM' | 'SECURITY_KEY';

/** A WebAuthn credential: a Passage device or a Clerk passkey. */
export interface Device {
  provider: ProviderName;
  id: string;
  userId: string;
  name: string;
  kind: DeviceKind;
  createdAt: Date | null;
  updatedAt: Date | null;
  lastUsedAt: Date | null;
  /** Passage counts sign-ins per device; Clerk does not. */
  usageCount: number | null;
}

export interface MfaSettings {
  passwordEnabled: boolean;
  totpEnabled: boolean;
  backupCodesEnabled: boolean;
  twoFactorEnabled: boolean;
}

export interface User {
  provider: ProviderName;
  /** The provider's own id: what applications already store. */
  id: string;
  externalId: string | null;
  /** The primary e-mail address, if any. */
  email: string | null;
  /** The primary phone number, if any. */
  phone: string | null;
  emailAddresses: EmailAddress[];
  phoneNumbers: PhoneNumber[];
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  imageUrl: string | null;
  hasImage: boolean;
  status: UserStatus;
  /** Clerk only; null on Passage. */
  banned: boolean | null;
  locked: boolean | null;
  /** Clerk: seconds until a lock ends, null while it has no end. */
  lockoutExpiresInSeconds: number | null;
  createdAt: Date;
  updatedAt: Date;
  lastSignInAt: Date | null;
  /** Clerk only (day precision). */
  lastActiveAt: Date | null;
  /** Passage only. */
  loginCount: number | null;
  /** Clerk `public_metadata`; Passage `user_metadata` (its only metadata). */
  publicMetadata: JsonObject | null;
  /** Clerk only. */
  privateMetadata: JsonObject | null;
  /** Clerk only. */
  unsafeMetadata: JsonObject | null;
  /** Clerk only; null on Passage, which has no passwords or TOTP. */
  mfa: MfaSettings | null;
  /**
   * The user's WebAuthn devices when the provider's user object carries them (a Clerk user
   * always does; a Passage user fetched by id does, a Passage list item does not).
   */
  devices: Device[] | undefined;
  web3Wallets: Web3Wallet[];
  externalAccounts: ExternalAccount[];
}

export interface Organization {
  id: string;
  name: string;
  slug: string;
  imageUrl: string | null;
  membersCount: number | null;
  createdAt: Date;
}

export interface Membership {
  id: string;
  userId: string;
  /** The role key, e.g. `org:admin`. */
  role: string;
  roleName: string | null;
  permissions: string[];
  organization: Organization;
  createdAt: Date;
  updatedAt: Date;
}

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';

export interface Invitation {
  id: string;
  emailAddress: string;
  role: string;
  status: InvitationStatus;
  organization: Pick<Organization, 'id' | 'name' | 'slug' | 'imageUrl'>;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date | null;
}

export interface OAuthAccessToken {
  /** The identity provider, e.g. `google`. */
  provider: string;
  externalAccountId: string;
  token: string;
  expiresAt: Date | null;
  scopes: string[];
  label: string | null;
}

export interface TotpEnrollment {
  secret: string;
  uri: string;
  backupCodes: string[];
}

// ---- inputs ------------------------------------------------------------------------------------

/** A range on a timestamp; either end may be open. Both ends are exclusive. */
export interface TimeRange {
  after?: Date;
  before?: Date;
}

/** Comparisons on a string, in Passage's operator language. */
export interface StringCondition {
  equals?: string;
  notEquals?: string;
  greaterThan?: string;
  lessThan?: string;
  /** `%` matches any run of characters; without one, a substring match. */
  like?: string;
  notLike?: string;
}

export interface IntCondition {
  equals?: number;
  notEquals?: number;
  greaterThan?: number;
  lessThan?: number;
}

/**
 * Every filter either provider has. A provider that cannot express a field it is given fails
 * with INVALID_INPUT naming the field, before any upstream call.
 */
export interface UserFilter {
  /** Clerk: up to 100. Passage: one. */
  ids?: string[];
  emails?: string[];
  phones?: string[];
  /** Clerk only, up to 100 each. */
  externalIds?: string[];
  usernames?: string[];
  web3Wallets?: string[];
  organizationIds?: string[];
  /** Free-text search: Clerk `query`; Passage a substring of the e-mail or phone. */
  query?: string;
  /** Clerk only. */
  emailQuery?: string;
  phoneQuery?: string;
  usernameQuery?: string;
  nameQuery?: string;
  banned?: boolean;
  lastActiveAt?: TimeRange;
  /** Passage only. */
  identifier?: StringCondition;
  idCondition?: StringCondition;
  status?: 'ACTIVE' | 'INACTIVE' | 'PENDING';
  emailVerified?: boolean;
  loginCount?: IntCondition;
  updatedAt?: TimeRange;
  /** Both providers (Passage: one end only). */
  createdAt?: TimeRange;
  lastSignInAt?: TimeRange;
}

export type UserOrderField =
  | 'CREATED_AT'
  | 'UPDATED_AT'
  | 'LAST_SIGN_IN_AT'
  | 'LAST_ACTIVE_AT'
  | 'EMAIL'
  | 'PHONE'
  | 'USERNAME'
  | 'FIRST_NAME'
  | 'LAST_NAME'
  | 'ID'
  | 'LOGIN_COUNT'
  | 'STATUS';

export interface UserOrder {
  field: UserOrderField;
  direction: 'ASC' | 'DESC';
}

export interface PageRequest {
  offset: number;
  /** 1–500, both providers' maximum. */
  limit: number;
  /**
   * Passage's `created_before` anchor (Unix seconds) returned by the first page; passing it back
   * keeps page boundaries stable while users are being created.
   */
  anchor?: number;
}

export interface Page<T> {
  items: T[];
  /** Present when asked for (it costs Clerk a second call). */
  totalCount?: number;
  anchor?: number;
}

export interface CreateUserInput {
  email?: string;
  /** E.164. */
  phone?: string;
  /** False creates the identifier unverified (Clerk `reserved`); Passage creates everything unverified. */
  emailVerified?: boolean;
  phoneVerified?: boolean;
  externalId?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
  password?: string;
  /** Clerk: allow a user with no password (Passage never has one). */
  skipPasswordRequirement?: boolean;
  publicMetadata?: JsonObject;
  privateMetadata?: JsonObject;
  unsafeMetadata?: JsonObject;
  createdAt?: Date;
}

export interface UpdateUserInput {
  email?: string;
  phone?: string;
  /** `null` removes the value. */
  externalId?: string | null;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  password?: string;
  primaryEmailAddressId?: string;
  primaryPhoneNumberId?: string;
}

/** A deep merge: keys set to `null` are removed. */
export interface MetadataPatch {
  publicMetadata?: JsonObject;
  privateMetadata?: JsonObject;
  unsafeMetadata?: JsonObject;
}

export interface ImageUpload {
  data: Uint8Array;
  filename: string;
  contentType: string;
}

// ---- the port ----------------------------------------------------------------------------------

export interface Provider {
  readonly name: ProviderName;
  /** Whether an id can belong to this provider (Clerk ids start with `user_`). */
  ownsUserId(id: string): boolean;
  /** Most ids one `getUsers` call upstream takes (Clerk 100; 1 where there is no batch read). */
  readonly maxUsersPerCall: number;
  /**
   * Most values one list filter (`externalIds`, `emails`, `phones`, …) takes in one `listUsers`
   * call (Clerk 100; Passage 1: it filters one value per parameter).
   */
  readonly maxFilterValuesPerCall: number;
  /** Most users one `listUsers` page holds. */
  readonly maxPageSize: number;

  /** Users by id; an id with no user is absent from the map. */
  getUsers(ids: readonly string[], options?: CallOptions): Promise<Map<string, User>>;
  /** A user by e-mail or phone, or null. */
  findUserByIdentifier(identifier: string, options?: CallOptions): Promise<User | null>;
  listUsers(
    filter: UserFilter,
    page: PageRequest,
    order: UserOrder | undefined,
    options?: CallOptions & { withTotal?: boolean },
  ): Promise<Page<User>>;
  countUsers(filter: UserFilter, options?: CallOptions): Promise<number>;
  createUser(input: CreateUserInput, options?: CallOptions): Promise<User>;
  updateUser(id: string, input: UpdateUserInput, options?: CallOptions): Promise<User>;
  deleteUser(id: string, options?: CallOptions): Promise<void>;
  updateUserMetadata(id: string, patch: MetadataPatch, options?: CallOptions): Promise<User>;
  listDevices(userId: string, options?: CallOptions): Promise<Device[]>;
  deleteDevice(userId: string, deviceId: string, options?: CallOptions): Promise<void>;

  // Optional operations: present only where the provider has them.
  banUser?(id: string, options?: CallOptions): Promise<User>;
  unbanUser?(id: string, options?: CallOptions): Promise<User>;
  lockUser?(id: string, options?: CallOptions): Promise<User>;
  unlockUser?(id: string, options?: CallOptions): Promise<User>;
  activateUser?(id: string, options?: CallOptions): Promise<User>;
  deactivateUser?(id: string, options?: CallOptions): Promise<User>;
  /** Ends every session: Passage revokes the user's refresh tokens. */
  signOutUser?(id: string, options?: CallOptions): Promise<void>;
  setProfileImage?(id: string, image: ImageUpload, options?: CallOptions): Promise<User>;
  deleteProfileImage?(id: string, options?: CallOptions): Promise<User>;
  createTotp?(id: string, options?: CallOptions): Promise<TotpEnrollment>;
  deleteTotp?(id: string, options?: CallOptions): Promise<void>;
  deleteBackupCodes?(id: string, options?: CallOptions): Promise<void>;
  disableMfa?(id: string, options?: CallOptions): Promise<void>;
  deleteExternalAccount?(userId: string, accountId: string, options?: CallOptions): Promise<void>;
  deleteWeb3Wallet?(userId: string, walletId: string, options?: CallOptions): Promise<void>;
  listMemberships?(userId: string, page: PageRequest, options?: CallOptions): Promise<Page<Membership>>;
  listInvitations?(
    userId: string,
    page: PageRequest,
    status: InvitationStatus | undefined,
    options?: CallOptions,
  ): Promise<Page<Invitation>>;
  /** `provider` without prefix, e.g. `google`. */
  getOAuthAccessTokens?(userId: string, provider: string, options?: CallOptions): Promise<OAuthAccessToken[]>;
  verifyPassword?(userId: string, password: string, options?: CallOptions): Promise<boolean>;
  verifyTotp?(
    userId: string,
    code: string,
    options?: CallOptions,
  ): Promise<{ verified: boolean; codeType: 'TOTP' | 'BACKUP_CODE' | null }>;
  /** Releases connections. */
  close(): Promise<void>;
}

export type OptionalOperation = {
  [K in keyof Provider]-?: undefined extends Provider[K] ? K : never;
}[keyof Provider];
