/**
 * The provider port: what the loaders and the schema may ask of an identity provider, in the
 * domain's own words. Nothing here knows a URL, a status code, a provider's JSON, or which
 * provider has what: each provider states that as data (`ProviderTraits`), which the schema,
 * the loaders and the migration read.
 *
 * Adding a provider: create `src/providers/<name>/` shaped like `clerk/` and `passage/`, each
 * file with one job: `traits.ts` (its limits, the optional operations and the filters it has,
 * as data), `client.ts` (one small function per endpoint over `HttpClient`), `wire.ts` (its JSON
 * types, as zod schemas), `map.ts` (wire → domain), `request.ts` (domain → query parameters and
 * bodies, refusing what it cannot express before any call), `errors.ts` (its error envelope →
 * `ProviderError`) and `index.ts` (its `ProviderModule`: traits, settings read from its own
 * environment variables, factory, instance identity; see module.ts), which also adds its name to
 * `KnownProviders`. Then list the module in `catalog.ts`: that one line is all the server, the
 * configuration and the schema need. An optional operation it lacks is UNSUPPORTED through
 * `operation()`, never by an `if` on a provider's name.
 */
import type { UpstreamCall } from './http.js';

/**
 * Every provider's name, with the settings it is created from. Empty here: each provider's
 * `index.ts` adds itself (`declare module`), so a new provider edits nothing outside its folder.
 */
export interface KnownProviders {}

export type ProviderName = keyof KnownProviders & string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** What an upstream call carries from whoever asked for it: when to give up, and whom to charge. */
export interface CallOptions {
  /** Aborted when whoever asked stops waiting (the client went away, the deadline passed). */
  signal?: AbortSignal;
  /**
   * Runs once before each upstream call is sent, to count it against whoever asked (a caller's
   * budget); a ProviderError it throws refuses the call.
   */
  charge?: () => Promise<void>;
  /** The request these calls serve, told of each call and each loader batch (its log line, metrics). */
  observer?: RequestObserver;
}

/** What a request wants to hear about the upstream work done for it. */
export interface RequestObserver {
  /** One upstream call ended. */
  call(call: UpstreamCall): void;
  /** A DataLoader batch of `size` keys ran. */
  batch(loader: string, size: number): void;
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
  /** Whether the user is banned; null where the provider has no bans. */
  banned: boolean | null;
  /** Whether the user is locked out; null where the provider has no lockout. */
  locked: boolean | null;
  /** Seconds until a lock ends, null while it has no end. */
  lockoutExpiresInSeconds: number | null;
  createdAt: Date;
  updatedAt: Date;
  lastSignInAt: Date | null;
  /** When the user was last active (day precision). */
  lastActiveAt: Date | null;
  /** How many times the user signed in. */
  loginCount: number | null;
  /** The metadata the user may read (a provider with one metadata object keeps it here). */
  publicMetadata: JsonObject | null;
  /** Metadata only the backend sees. */
  privateMetadata: JsonObject | null;
  /** Metadata the user may edit. */
  unsafeMetadata: JsonObject | null;
  /** Null where the provider has no passwords or second factors. */
  mfa: MfaSettings | null;
  /**
   * Whether an admin flagged the password compromised (a reset is required at the next sign-in);
   * null where the provider has no passwords or its answer did not say.
   */
  passwordCompromised: boolean | null;
  /**
   * The user's WebAuthn devices when the provider's user object carries them (a Clerk user
   * always does; a Passage user fetched by id does, a Passage list item does not).
   */
  devices: Device[] | undefined;
  web3Wallets: Web3Wallet[];
  externalAccounts: ExternalAccount[];
}

/** The fields some provider has no notion of: what a user reads for them there. */
type AbsentUserField =
  | 'externalId'
  | 'username'
  | 'firstName'
  | 'lastName'
  | 'imageUrl'
  | 'hasImage'
  | 'banned'
  | 'locked'
  | 'lockoutExpiresInSeconds'
  | 'lastActiveAt'
  | 'loginCount'
  | 'privateMetadata'
  | 'unsafeMetadata'
  | 'mfa'
  | 'passwordCompromised'
  | 'web3Wallets'
  | 'externalAccounts';

/** A user as a provider knows it: the fields some provider lacks may be left out. */
export type UserFields = Omit<User, AbsentUserField> & Partial<Pick<User, AbsentUserField>>;

/**
 * A domain user from what a provider's map fills in; every field it leaves out reads as absent.
 * One object literal with every field in a fixed order, so every user shares one hidden class:
 * spreading the provider's fields over a defaults object made V8 rebuild the object's shape for
 * each user, and a page of users spent most of its mapping time there.
 */
export const domainUser = (fields: UserFields): User => ({
  provider: fields.provider,
  id: fields.id,
  externalId: fields.externalId ?? null,
  email: fields.email,
  phone: fields.phone,
  emailAddresses: fields.emailAddresses,
  phoneNumbers: fields.phoneNumbers,
  username: fields.username ?? null,
  firstName: fields.firstName ?? null,
  lastName: fields.lastName ?? null,
  imageUrl: fields.imageUrl ?? null,
  hasImage: fields.hasImage ?? false,
  status: fields.status,
  banned: fields.banned ?? null,
  locked: fields.locked ?? null,
  lockoutExpiresInSeconds: fields.lockoutExpiresInSeconds ?? null,
  createdAt: fields.createdAt,
  updatedAt: fields.updatedAt,
  lastSignInAt: fields.lastSignInAt,
  lastActiveAt: fields.lastActiveAt ?? null,
  loginCount: fields.loginCount ?? null,
  publicMetadata: fields.publicMetadata,
  privateMetadata: fields.privateMetadata ?? null,
  unsafeMetadata: fields.unsafeMetadata ?? null,
  mfa: fields.mfa ?? null,
  passwordCompromised: fields.passwordCompromised ?? null,
  devices: fields.devices,
  web3Wallets: fields.web3Wallets ?? [],
  externalAccounts: fields.externalAccounts ?? [],
});

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

/** An invitation to sign up to the application itself (Clerk), not to an organization. */
export interface InstanceInvitation {
  id: string;
  emailAddress: string;
  status: InvitationStatus;
  publicMetadata: JsonObject;
  /** The link the invitee follows, if the provider gives one. */
  url: string | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date | null;
}

export interface NewInstanceInvitation {
  emailAddress: string;
  /** Becomes the user's public metadata when they sign up. */
  publicMetadata?: JsonObject;
  /** Where the invitation link leads, for a custom sign-up flow. */
  redirectUrl?: string;
  /** Send the invitation e-mail (default true). */
  notify?: boolean;
  /** Invite even if the address has a pending invitation. */
  ignoreExisting?: boolean;
  /** 1–365 (default 30). */
  expiresInDays?: number;
}

export interface InstanceInvitationFilter {
  /** Every status but revoked when absent. */
  status?: InvitationStatus;
  /** Text in the e-mail address, or the id. */
  query?: string;
}

/** What an allowlist or blocklist entry is. */
export type ListedIdentifierType = 'EMAIL_ADDRESS' | 'PHONE_NUMBER' | 'WEB3_WALLET';

/**
 * An entry of the instance's sign-up allowlist or blocklist (Clerk's allowlist and blocklist
 * identifiers): who may, or may never, sign up or sign in.
 */
export interface ListedIdentifier {
  id: string;
  /** An e-mail address, a whole domain (`*@example.com`), an E.164 number or a Web3 wallet. */
  identifier: string;
  type: ListedIdentifierType;
  /** The invitation sent when it was allowlisted with `notify`; null on the blocklist. */
  invitationId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewListedIdentifier {
  identifier: string;
  /** Allowlist only: send the address or number an invitation to sign up. */
  notify?: boolean;
}

/**
 * A phone or tablet app installation a user enrolled as trusted (Clerk's trusted devices), which
 * lets it sign in with a device-bound key; not a passkey (`Device`).
 */
export interface TrustedDevice {
  id: string;
  /** The user who enrolled it (the provider's answer does not say; the request did). */
  userId: string;
  platform: 'IOS' | 'ANDROID';
  /** The app's bundle or package id, e.g. `com.example.app`. */
  appIdentifier: string;
  name: string | null;
  status: 'ACTIVE' | 'REVOKED';
  createdAt: Date;
  updatedAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A token to sign in as a user (Clerk's impersonation), as a provider tracks it. */
export interface ActorToken {
  id: string;
  /** The user impersonated. */
  userId: string;
  /** Who impersonates: the actor's `sub`. */
  actorId: string;
  status: 'PENDING' | 'ACCEPTED' | 'REVOKED';
  createdAt: Date;
  updatedAt: Date;
}

/** A new actor token with its secrets, answered once. */
export interface IssuedActorToken extends ActorToken {
  token: string;
  /** Opening it signs the actor in as the user. */
  url: string | null;
}

export interface NewActorToken {
  /** The id of who impersonates (the JWT's `act.sub`). */
  actorId: string;
  /** How long the token can be used (default 3600). */
  expiresInSeconds?: number;
  /** How long the session it starts can last (default 1800). */
  sessionMaxDurationInSeconds?: number;
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

/** Where a Clerk session stands (its `status`). */
export type SessionStatus =
  'ACTIVE' | 'PENDING' | 'REVOKED' | 'ENDED' | 'EXPIRED' | 'REMOVED' | 'ABANDONED' | 'REPLACED';

/** Where and on what a session was last used, as the provider saw it. */
export interface SessionActivity {
  browserName: string | null;
  browserVersion: string | null;
  deviceType: string | null;
  isMobile: boolean;
  ipAddress: string | null;
  city: string | null;
  country: string | null;
}

/** A signed-in session of a user on one client (a browser or an app). */
export interface Session {
  id: string;
  userId: string;
  clientId: string;
  status: SessionStatus;
  lastActiveAt: Date;
  /** When it ends unless refreshed. */
  expireAt: Date;
  /** When it ends even if refreshed. */
  abandonAt: Date;
  createdAt: Date;
  updatedAt: Date;
  latestActivity: SessionActivity | null;
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

/** Comparisons on a text value; a provider refuses the ones it cannot express. */
export interface StringCondition {
  equals?: string;
  notEquals?: string;
  /** Sorts after the value. */
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
 * Which users a list or a count is about: every field given must hold (an AND). A provider
 * declares the fields it can express (`ProviderTraits.filters`); any other field given is
 * INVALID_INPUT naming it, before any upstream call. A list field matches any of its values.
 */
export interface UserFilter {
  ids?: string[];
  emails?: string[];
  phones?: string[];
  externalIds?: string[];
  usernames?: string[];
  web3Wallets?: string[];
  /** Members of any of these organizations. */
  organizationIds?: string[];
  /** Free text matched against the user's identifiers and names. */
  query?: string;
  /** Text contained in one of the user's e-mail addresses. */
  emailQuery?: string;
  phoneQuery?: string;
  usernameQuery?: string;
  /** Text contained in the first or last name. */
  nameQuery?: string;
  banned?: boolean;
  lastActiveAt?: TimeRange;
  /** A comparison on the user's e-mail address or phone number. */
  identifier?: StringCondition;
  /** A comparison on the user's id. */
  idCondition?: StringCondition;
  status?: 'ACTIVE' | 'INACTIVE' | 'PENDING';
  /** Whether the user's e-mail address is verified. */
  emailVerified?: boolean;
  loginCount?: IntCondition;
  createdAt?: TimeRange;
  updatedAt?: TimeRange;
  lastSignInAt?: TimeRange;
}

export type UserFilterField = keyof UserFilter;

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
  /** From 1 to the provider's `limits.maxPageSize`. */
  limit: number;
  /**
   * The anchor (Unix seconds) a provider's first page returned, where it has one; passing it
   * back keeps page boundaries stable while users are being created.
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

/** A new e-mail address or phone number for a user. */
export interface NewIdentifier {
  /** The address, or the number in E.164. */
  value: string;
  /** Marked verified at once (default: unverified, the user proves it). */
  verified?: boolean;
  /** Made the user's primary one (the first of its kind always is). */
  primary?: boolean;
}

/** What can change about an existing e-mail address or phone number. */
export interface IdentifierChange {
  verified?: boolean;
  /** Only `true`: another identifier stops being primary. */
  primary?: boolean;
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

/** What a provider's API bounds. */
export interface ProviderLimits {
  /** Most items one list page holds. */
  readonly maxPageSize: number;
  /** Most ids one upstream read of users by id takes (1 where there is no batch read). */
  readonly maxUsersPerCall: number;
  /** Most values one list filter (`externalIds`, `emails`, …) takes in one `listUsers` call. */
  readonly maxFilterValuesPerCall: number;
  /** The largest metadata object, as serialised JSON. */
  readonly maxMetadataBytes: number;
  /** The largest profile image; absent where the provider sets none. */
  readonly maxProfileImageBytes?: number;
  /** Most invitations one bulk call creates; absent where there is no such call. */
  readonly maxInvitationsPerCall?: number;
  /** Most users one bulk ban or unban call takes; absent where there is no bulk call. */
  readonly maxBulkModerationIds?: number;
  /**
   * Most sessions one `signOutUser` revokes, where each is its own call (Clerk); absent where one
   * call ends them all. It bounds what a sign-out costs, so its estimate can be honest.
   */
  readonly maxSessionsPerSignOut?: number;
}

/** Calls beyond the obvious one, each 0 or 1: the upstream-call estimate reads them. */
export interface ExtraCalls {
  /** A list's `totalCount`, when the list answer has no total (Clerk: `/users/count`). */
  readonly listTotal: number;
  /** The devices of a user that was listed, not read by id (Passage lists users without devices). */
  readonly devicesOfListedUser: number;
  /** A page starting at a cursor that falls inside one of the provider's own pages. */
  readonly pageAtCursor: number;
}

/**
 * What a provider is and can do, as data known before it is created: the schema describes
 * itself from it, and every "not supported" answer comes from it.
 */
export interface ProviderTraits {
  readonly name: ProviderName;
  /** As people write it: `Clerk`. */
  readonly label: string;
  /** One sentence for the GraphQL `Provider` enum value: the API, and how its user ids look. */
  readonly description: string;
  readonly limits: ProviderLimits;
  /** Upstream calls some reads cost on it beyond the one they obviously make (the cost estimate). */
  readonly extraCalls: ExtraCalls;
  /**
   * Whether it sends webhooks when a user changes (Clerk, through Svix): only then are its users
   * cached by default (`USERGRAPH_CACHE_TTL`); others only with `USERGRAPH_<NAME>_CACHE_TTL`.
   */
  readonly changeWebhooks: boolean;
  /** The optional operations it has; any other is UNSUPPORTED. */
  readonly capabilities: ReadonlySet<OptionalOperation>;
  /** The `UserFilter` fields it can express; any other is INVALID_INPUT before any call. */
  readonly filters: ReadonlySet<UserFilterField>;
}

export interface Provider extends ProviderTraits, Partial<OptionalOperations> {
  /** Whether an id can belong to this provider (Clerk ids start with `user_`). */
  ownsUserId(id: string): boolean;

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
  /**
   * What the instance itself caps, where the provider's API says (a migration reads it before
   * writing); a provider that says nothing answers nulls without a call.
   */
  instanceLimits(options?: CallOptions): Promise<InstanceLimits>;
  createUser(input: CreateUserInput, options?: CallOptions): Promise<User>;
  updateUser(id: string, input: UpdateUserInput, options?: CallOptions): Promise<User>;
  deleteUser(id: string, options?: CallOptions): Promise<void>;
  updateUserMetadata(id: string, patch: MetadataPatch, options?: CallOptions): Promise<User>;
  listDevices(userId: string, options?: CallOptions): Promise<Device[]>;
  deleteDevice(userId: string, deviceId: string, options?: CallOptions): Promise<void>;

  /** Releases connections. */
  close(): Promise<void>;
}

/** The instance's own kind and cap, as its provider reports them. */
export interface InstanceLimits {
  /** The provider's word for the instance (`development`, `production`), or null if it has none. */
  environment: string | null;
  /** The most users the instance holds, or null for no cap the API tells of. */
  maxUsers: number | null;
}

/** What only some providers do; a provider has exactly those its `capabilities` lists. */
export interface OptionalOperations {
  banUser(id: string, options?: CallOptions): Promise<User>;
  unbanUser(id: string, options?: CallOptions): Promise<User>;
  /** Bans many users at once, `limits.maxBulkModerationIds` per call; answers them banned. */
  banUsers(ids: readonly string[], options?: CallOptions): Promise<User[]>;
  unbanUsers(ids: readonly string[], options?: CallOptions): Promise<User[]>;
  lockUser(id: string, options?: CallOptions): Promise<User>;
  unlockUser(id: string, options?: CallOptions): Promise<User>;
  activateUser(id: string, options?: CallOptions): Promise<User>;
  deactivateUser(id: string, options?: CallOptions): Promise<User>;
  /**
   * Ends every session: Passage revokes the user's refresh tokens; Clerk revokes each active
   * session (one list, then one call per session).
   */
  signOutUser(id: string, options?: CallOptions): Promise<void>;
  /** Invitations to sign up, newest first. */
  listInstanceInvitations(
    filter: InstanceInvitationFilter,
    page: PageRequest,
    options?: CallOptions,
  ): Promise<Page<InstanceInvitation>>;
  /** One call for one invitation, one bulk call for up to `limits.maxInvitationsPerCall`. */
  createInstanceInvitations(
    invitations: readonly NewInstanceInvitation[],
    options?: CallOptions,
  ): Promise<InstanceInvitation[]>;
  revokeInstanceInvitation(invitationId: string, options?: CallOptions): Promise<InstanceInvitation>;
  /** The sign-up allowlist, newest first. */
  listAllowlistIdentifiers(page: PageRequest, options?: CallOptions): Promise<Page<ListedIdentifier>>;
  createAllowlistIdentifier(input: NewListedIdentifier, options?: CallOptions): Promise<ListedIdentifier>;
  deleteAllowlistIdentifier(id: string, options?: CallOptions): Promise<void>;
  /** The blocklist, in the provider's order. */
  listBlocklistIdentifiers(page: PageRequest, options?: CallOptions): Promise<Page<ListedIdentifier>>;
  createBlocklistIdentifier(input: NewListedIdentifier, options?: CallOptions): Promise<ListedIdentifier>;
  deleteBlocklistIdentifier(id: string, options?: CallOptions): Promise<void>;
  /** The user's active trusted devices, all at once (the provider does not page them). */
  listTrustedDevices(userId: string, options?: CallOptions): Promise<TrustedDevice[]>;
  /** Answers the device as the provider left it (`REVOKED`). */
  revokeTrustedDevice(userId: string, deviceId: string, options?: CallOptions): Promise<TrustedDevice>;
  createActorToken(userId: string, input: NewActorToken, options?: CallOptions): Promise<IssuedActorToken>;
  revokeActorToken(actorTokenId: string, options?: CallOptions): Promise<ActorToken>;
  /** A page of the user's sessions, newest first; every status when `status` is absent. */
  listSessions(
    userId: string,
    page: PageRequest,
    status: SessionStatus | undefined,
    options?: CallOptions,
  ): Promise<Page<Session>>;
  /** Ends one session at once; answers it as the provider left it. */
  revokeSession(sessionId: string, options?: CallOptions): Promise<Session>;
  setProfileImage(id: string, image: ImageUpload, options?: CallOptions): Promise<User>;
  deleteProfileImage(id: string, options?: CallOptions): Promise<User>;
  createTotp(id: string, options?: CallOptions): Promise<TotpEnrollment>;
  deleteTotp(id: string, options?: CallOptions): Promise<void>;
  deleteBackupCodes(id: string, options?: CallOptions): Promise<void>;
  disableMfa(id: string, options?: CallOptions): Promise<void>;
  /** Answers the new address's id. */
  addEmailAddress(userId: string, input: NewIdentifier, options?: CallOptions): Promise<string>;
  updateEmailAddress(emailAddressId: string, change: IdentifierChange, options?: CallOptions): Promise<void>;
  deleteEmailAddress(emailAddressId: string, options?: CallOptions): Promise<void>;
  /** Answers the new number's id. */
  addPhoneNumber(userId: string, input: NewIdentifier, options?: CallOptions): Promise<string>;
  updatePhoneNumber(phoneNumberId: string, change: IdentifierChange, options?: CallOptions): Promise<void>;
  deletePhoneNumber(phoneNumberId: string, options?: CallOptions): Promise<void>;
  /** Takes the password away; `signOut` also revokes every active session. */
  removePassword(id: string, options?: CallOptions & { signOut?: boolean }): Promise<User>;
  /** The user must reset the password at the next sign-in; `signOut` also revokes every session. */
  setPasswordCompromised(id: string, options?: CallOptions & { signOut?: boolean }): Promise<User>;
  unsetPasswordCompromised(id: string, options?: CallOptions): Promise<User>;
  deleteExternalAccount(userId: string, accountId: string, options?: CallOptions): Promise<void>;
  deleteWeb3Wallet(userId: string, walletId: string, options?: CallOptions): Promise<void>;
  listMemberships(userId: string, page: PageRequest, options?: CallOptions): Promise<Page<Membership>>;
  listInvitations(
    userId: string,
    page: PageRequest,
    status: InvitationStatus | undefined,
    options?: CallOptions,
  ): Promise<Page<Invitation>>;
  /** `provider` without prefix, e.g. `google`. */
  getOAuthAccessTokens(userId: string, provider: string, options?: CallOptions): Promise<OAuthAccessToken[]>;
  verifyPassword(userId: string, password: string, options?: CallOptions): Promise<boolean>;
  verifyTotp(
    userId: string,
    code: string,
    options?: CallOptions,
  ): Promise<{ verified: boolean; codeType: 'TOTP' | 'BACKUP_CODE' | null }>;
}

export type OptionalOperation = keyof OptionalOperations;
