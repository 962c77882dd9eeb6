/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A moment in time as an RFC 3339 string in UTC, e.g. `2026-01-15T09:30:00.000Z`. */
  DateTime: { input: string; output: string; }
  /** A file sent as a part of a multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec). Input only. */
  File: { input: File; output: File; }
  /** A JSON object, as stored in user metadata. */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** The user `activateUser` acts on. */
export type ActivateUserInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `activateUser`. */
export type ActivateUserPayload = {
  __typename?: 'ActivateUserPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type ActivateUserResult = ActivateUserPayload | ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** A token to sign in as a user (Clerk's impersonation), without its secret. */
export type ActorToken = {
  __typename?: 'ActorToken';
  /** Who impersonates (the session token says so in `act.sub`). */
  actorId: Scalars['String']['output'];
  /** When it was issued. */
  createdAt: Scalars['DateTime']['output'];
  /** Clerk's actor token id. */
  id: Scalars['ID']['output'];
  /** Where it stands. */
  status: ActorTokenStatus;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The user impersonated. */
  userId: Scalars['ID']['output'];
};

/** Where an actor token stands. */
export type ActorTokenStatus =
  /** Used: the actor signed in as the user. */
  | 'ACCEPTED'
  /** Not used yet. */
  | 'PENDING'
  /** Withdrawn before use (`revokeActorToken`). */
  | 'REVOKED';

/** The user, the address `addEmailAddress` adds, and how. */
export type AddEmailAddressInput = {
  /** The address, e.g. `ada@example.com`. */
  emailAddress: Scalars['String']['input'];
  /** Make it the user's primary one (needs `secrets`). The first of its kind always is. */
  primary?: InputMaybe<Scalars['Boolean']['input']>;
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
  /** Mark it verified at once, without the user proving they hold it (needs `secrets`). */
  verified?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The result of `addEmailAddress`. */
export type AddEmailAddressPayload = {
  __typename?: 'AddEmailAddressPayload';
  /** It as the user now has it, read again when asked for (one more upstream call). */
  emailAddress?: Maybe<EmailAddress>;
  /** Its id. */
  emailAddressId: Scalars['ID']['output'];
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type AddEmailAddressResult = AddEmailAddressPayload | ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** The user, the number `addPhoneNumber` adds, and how. */
export type AddPhoneNumberInput = {
  /** The number in E.164, e.g. `+15005550006`. */
  phoneNumber: Scalars['String']['input'];
  /** Make it the user's primary one (needs `secrets`). The first of its kind always is. */
  primary?: InputMaybe<Scalars['Boolean']['input']>;
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
  /** Mark it verified at once, without the user proving they hold it (needs `secrets`). */
  verified?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The result of `addPhoneNumber`. */
export type AddPhoneNumberPayload = {
  __typename?: 'AddPhoneNumberPayload';
  /** It as the user now has it, read again when asked for (one more upstream call). */
  phoneNumber?: Maybe<PhoneNumber>;
  /** Its id. */
  phoneNumberId: Scalars['ID']['output'];
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type AddPhoneNumberResult = AddPhoneNumberPayload | ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** An entry of the sign-up allowlist (Clerk): when the instance restricts sign-up to its allowlist, only what matches an entry may sign up. */
export type AllowlistIdentifier = {
  __typename?: 'AllowlistIdentifier';
  /** When it was listed. */
  createdAt: Scalars['DateTime']['output'];
  /** Clerk's id of the entry. */
  id: Scalars['ID']['output'];
  /** The address, domain (`*@example.com`), number or wallet listed. */
  identifier: Scalars['String']['output'];
  /** What it is. */
  identifierType: ListedIdentifierType;
  /** The invitation to sign up sent when it was added with `notify` (an `InstanceInvitation` id), if any. */
  invitationId?: Maybe<Scalars['ID']['output']>;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of the sign-up allowlist, newest first. */
export type AllowlistIdentifierConnection = {
  __typename?: 'AllowlistIdentifierConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<AllowlistIdentifierEdge>;
  /** Where this page sits, and the cursors to move from it. */
  pageInfo: PageInfo;
  /** How many entries the list holds in all. */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** An entry in a page, with its cursor. */
export type AllowlistIdentifierEdge = {
  __typename?: 'AllowlistIdentifierEdge';
  /** An opaque position: pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: AllowlistIdentifier;
};

/** The user `banUser` acts on. */
export type BanUserInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `banUser`. */
export type BanUserPayload = {
  __typename?: 'BanUserPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type BanUserResult = BanUserPayload | ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** The users to ban. */
export type BanUsersInput = {
  /** 1–500 user ids, as `User.id` returns them; repeats count once. */
  userIds: Array<Scalars['ID']['input']>;
};

/** The result of `banUsers`. */
export type BanUsersPayload = {
  __typename?: 'BanUsersPayload';
  /** The users after the change. */
  users: Array<User>;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type BanUsersResult = BanUsersPayload | ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** An entry of the blocklist (Clerk): what matches it can neither sign up nor sign in. */
export type BlocklistIdentifier = {
  __typename?: 'BlocklistIdentifier';
  /** When it was listed. */
  createdAt: Scalars['DateTime']['output'];
  /** Clerk's id of the entry. */
  id: Scalars['ID']['output'];
  /** The address, domain (`*@example.com`), number or wallet listed. */
  identifier: Scalars['String']['output'];
  /** What it is. */
  identifierType: ListedIdentifierType;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of the blocklist, newest first. */
export type BlocklistIdentifierConnection = {
  __typename?: 'BlocklistIdentifierConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<BlocklistIdentifierEdge>;
  /** Where this page sits, and the cursors to move from it. */
  pageInfo: PageInfo;
  /** How many entries the list holds in all. */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** An entry in a page, with its cursor. */
export type BlocklistIdentifierEdge = {
  __typename?: 'BlocklistIdentifierEdge';
  /** An opaque position: pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: BlocklistIdentifier;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type CancelMigrationResult = Migration | NotFoundError;

/** An identifier is already taken, or the user is being changed by another request. */
export type ConflictError = Error & {
  __typename?: 'ConflictError';
  /** What went wrong, for a person to read. */
  message: Scalars['String']['output'];
  /** The provider that answered (`clerk`, `passage`), or `usergraph` when the request never left. */
  provider: Scalars['String']['output'];
};

/** Who impersonates whom with the token `createActorToken` issues. */
export type CreateActorTokenInput = {
  /** Who impersonates, e.g. the support agent's own user id; sessions carry it as `act.sub`. */
  actorId: Scalars['String']['input'];
  /** How long the token can be used, 60–86400 s (default 3600). */
  expiresInSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** How long the session it starts may last, 60–86400 s (default 1800). */
  sessionMaxDurationInSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** The user to sign in as: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** A new actor token. SECRET, SHOWN ONCE: `token` and `url` sign whoever holds them in as the user; hand them only to the actor and do not log or cache this response. */
export type CreateActorTokenPayload = {
  __typename?: 'CreateActorTokenPayload';
  /** The token, without its secret. */
  actorToken: ActorToken;
  /** Secret: the token itself. Shown once. */
  token: Scalars['String']['output'];
  /** Secret: the link that signs the actor in as the user. Shown once. */
  url?: Maybe<Scalars['String']['output']>;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type CreateActorTokenResult = ConflictError | CreateActorTokenPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** What `createAllowlistIdentifier` adds to the sign-up allowlist. */
export type CreateAllowlistIdentifierInput = {
  /** An e-mail address (`ada@example.com`), every address at a domain (`*@example.com`), an E.164 phone number (`+15005550006`) or a Web3 wallet (`0x` and 40 hex digits). */
  identifier: Scalars['String']['input'];
  /** Send the address or number an invitation to sign up (default: false); a domain or a wallet gets none. */
  notify?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The result of `createAllowlistIdentifier`. */
export type CreateAllowlistIdentifierPayload = {
  __typename?: 'CreateAllowlistIdentifierPayload';
  /** The new entry. */
  allowlistIdentifier: AllowlistIdentifier;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type CreateAllowlistIdentifierResult = ConflictError | CreateAllowlistIdentifierPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** What `createBlocklistIdentifier` adds to the blocklist. */
export type CreateBlocklistIdentifierInput = {
  /** An e-mail address (`ada@example.com`), every address at a domain (`*@example.com`), an E.164 phone number (`+15005550006`) or a Web3 wallet (`0x` and 40 hex digits). */
  identifier: Scalars['String']['input'];
};

/** The result of `createBlocklistIdentifier`. */
export type CreateBlocklistIdentifierPayload = {
  __typename?: 'CreateBlocklistIdentifierPayload';
  /** The new entry. */
  blocklistIdentifier: BlocklistIdentifier;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type CreateBlocklistIdentifierResult = ConflictError | CreateBlocklistIdentifierPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** The invitations `createInvitations` sends. */
export type CreateInvitationsInput = {
  /** 1–10 invitations, sent in one upstream call. */
  invitations: Array<NewInvitationInput>;
};

/** The result of `createInvitations`. */
export type CreateInvitationsPayload = {
  __typename?: 'CreateInvitationsPayload';
  /** The invitations sent, in the order given. */
  invitations: Array<InstanceInvitation>;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type CreateInvitationsResult = ConflictError | CreateInvitationsPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** The user `createTotp` enrols. */
export type CreateTotpInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** A new TOTP authenticator and backup codes. SECRETS, SHOWN ONCE: nothing can read them again, so hand them to the user over a secure channel and do not log or cache this response. */
export type CreateTotpPayload = {
  __typename?: 'CreateTotpPayload';
  /** Secret: one-time codes that stand in for a TOTP code. Shown once; they replace any earlier ones. */
  backupCodes: Array<Scalars['String']['output']>;
  /** Secret: the base32 TOTP key, for an authenticator app. Shown once. */
  secret: Scalars['String']['output'];
  /** Secret: the `otpauth://` URI holding the key, to show as a QR code. Shown once. */
  uri: Scalars['String']['output'];
  /** The user enrolled. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type CreateTotpResult = ConflictError | CreateTotpPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** A new user. Clerk requires what its instance settings make required (often an e-mail and a password). */
export type CreateUserInput = {
  /** Clerk only: when the user was created, for imports. */
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The e-mail address. Passage needs an e-mail or a phone. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Clerk: false creates the address unverified. Passage always does. */
  emailVerified?: InputMaybe<Scalars['Boolean']['input']>;
  /** Clerk only: an id from another system. */
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Clerk only. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Clerk only. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Clerk only. Never logged or echoed. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** The phone number, in E.164 (`+15005550006`). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Clerk: false creates the number unverified. Passage always does. */
  phoneVerified?: InputMaybe<Scalars['Boolean']['input']>;
  /** Clerk only. At most 8 KB. */
  privateMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Where to create the user. */
  provider: Provider;
  /** Clerk `public_metadata`; Passage's `user_metadata`. At most 8 KB. */
  publicMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Clerk only: create a user with no password. */
  skipPasswordRequirement?: InputMaybe<Scalars['Boolean']['input']>;
  /** Clerk only. At most 8 KB. */
  unsafeMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Clerk only. */
  username?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `createUser`. */
export type CreateUserPayload = {
  __typename?: 'CreateUserPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type CreateUserResult = ConflictError | CreateUserPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** The user `deactivateUser` acts on. */
export type DeactivateUserInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `deactivateUser`. */
export type DeactivateUserPayload = {
  __typename?: 'DeactivateUserPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeactivateUserResult = ConflictError | DeactivateUserPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** The entry `deleteAllowlistIdentifier` removes. */
export type DeleteAllowlistIdentifierInput = {
  /** The entry: the id `allowlistIdentifiers` returns. */
  allowlistIdentifierId: Scalars['ID']['input'];
};

/** The result of `deleteAllowlistIdentifier`. */
export type DeleteAllowlistIdentifierPayload = {
  __typename?: 'DeleteAllowlistIdentifierPayload';
  /** The id of the entry removed. */
  deletedAllowlistIdentifierId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeleteAllowlistIdentifierResult = ConflictError | DeleteAllowlistIdentifierPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** The user `deleteBackupCodes` acts on. */
export type DeleteBackupCodesInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `deleteBackupCodes`. */
export type DeleteBackupCodesPayload = {
  __typename?: 'DeleteBackupCodesPayload';
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeleteBackupCodesResult = ConflictError | DeleteBackupCodesPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** The entry `deleteBlocklistIdentifier` removes. */
export type DeleteBlocklistIdentifierInput = {
  /** The entry: the id `blocklistIdentifiers` returns. */
  blocklistIdentifierId: Scalars['ID']['input'];
};

/** The result of `deleteBlocklistIdentifier`. */
export type DeleteBlocklistIdentifierPayload = {
  __typename?: 'DeleteBlocklistIdentifierPayload';
  /** The id of the entry removed. */
  deletedBlocklistIdentifierId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeleteBlocklistIdentifierResult = ConflictError | DeleteBlocklistIdentifierPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** Which user, and which of their devices, `deleteDevice` removes. */
export type DeleteDeviceInput = {
  /** The device: the id `Device.id` returns. */
  deviceId: Scalars['ID']['input'];
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `deleteDevice`. */
export type DeleteDevicePayload = {
  __typename?: 'DeleteDevicePayload';
  /** The id of what was removed. */
  deletedDeviceId: Scalars['ID']['output'];
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeleteDeviceResult = ConflictError | DeleteDevicePayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** Which user, and which of their e-mail addresses, `deleteEmailAddress` removes. */
export type DeleteEmailAddressInput = {
  /** The address: the id `EmailAddress.id` returns. */
  emailAddressId: Scalars['ID']['input'];
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `deleteEmailAddress`. */
export type DeleteEmailAddressPayload = {
  __typename?: 'DeleteEmailAddressPayload';
  /** The id of what was removed. */
  deletedEmailAddressId: Scalars['ID']['output'];
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeleteEmailAddressResult = ConflictError | DeleteEmailAddressPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** Which user, and which of their external accounts, `deleteExternalAccount` removes. */
export type DeleteExternalAccountInput = {
  /** The account: the id `ExternalAccount.id` returns. */
  externalAccountId: Scalars['ID']['input'];
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `deleteExternalAccount`. */
export type DeleteExternalAccountPayload = {
  __typename?: 'DeleteExternalAccountPayload';
  /** The id of what was removed. */
  deletedExternalAccountId: Scalars['ID']['output'];
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeleteExternalAccountResult = ConflictError | DeleteExternalAccountPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** Which user, and which of their phone numbers, `deletePhoneNumber` removes. */
export type DeletePhoneNumberInput = {
  /** The number: the id `PhoneNumber.id` returns. */
  phoneNumberId: Scalars['ID']['input'];
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `deletePhoneNumber`. */
export type DeletePhoneNumberPayload = {
  __typename?: 'DeletePhoneNumberPayload';
  /** The id of what was removed. */
  deletedPhoneNumberId: Scalars['ID']['output'];
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeletePhoneNumberResult = ConflictError | DeletePhoneNumberPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** The user `deleteProfileImage` acts on. */
export type DeleteProfileImageInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `deleteProfileImage`. */
export type DeleteProfileImagePayload = {
  __typename?: 'DeleteProfileImagePayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeleteProfileImageResult = ConflictError | DeleteProfileImagePayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** The user `deleteTotp` acts on. */
export type DeleteTotpInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `deleteTotp`. */
export type DeleteTotpPayload = {
  __typename?: 'DeleteTotpPayload';
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeleteTotpResult = ConflictError | DeleteTotpPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** The user `deleteUser` removes. */
export type DeleteUserInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `deleteUser`. */
export type DeleteUserPayload = {
  __typename?: 'DeleteUserPayload';
  /** The id of the user that no longer exists. */
  deletedUserId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeleteUserResult = ConflictError | DeleteUserPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** Which user, and which of their web3 wallets, `deleteWeb3Wallet` removes. */
export type DeleteWeb3WalletInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
  /** The wallet: the id `Web3Wallet.id` returns. */
  web3WalletId: Scalars['ID']['input'];
};

/** The result of `deleteWeb3Wallet`. */
export type DeleteWeb3WalletPayload = {
  __typename?: 'DeleteWeb3WalletPayload';
  /** The id of what was removed. */
  deletedWeb3WalletId: Scalars['ID']['output'];
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DeleteWeb3WalletResult = ConflictError | DeleteWeb3WalletPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** A WebAuthn credential a user signs in with: a Passage device or a Clerk passkey. */
export type Device = {
  __typename?: 'Device';
  /** When it was registered. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The provider's id of the device (Clerk: the passkey's identification id). */
  id: Scalars['ID']['output'];
  /** What kind of authenticator it is. */
  kind: DeviceKind;
  /** When it was last used to sign in. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The name the user or the authenticator gave it. */
  name: Scalars['String']['output'];
  /** Where the device is registered. */
  provider: Provider;
  /** How many sign-ins it made (Passage only; null on Clerk). */
  usageCount?: Maybe<Scalars['Int']['output']>;
};

/** What kind of WebAuthn authenticator a device is. */
export type DeviceKind =
  /** A synced passkey (Clerk passkeys are always this). */
  | 'PASSKEY'
  /** An authenticator built into the user's device (Touch ID, Windows Hello...). */
  | 'PLATFORM'
  /** A roaming security key (YubiKey...). */
  | 'SECURITY_KEY';

/** The user `disableMfa` acts on. */
export type DisableMfaInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `disableMfa`. */
export type DisableMfaPayload = {
  __typename?: 'DisableMfaPayload';
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type DisableMfaResult = ConflictError | DisableMfaPayload | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError;

/** An e-mail address of a user. */
export type EmailAddress = {
  __typename?: 'EmailAddress';
  /** The address. */
  address: Scalars['String']['output'];
  /** Clerk's identification id; null on Passage. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Whether it is the user's primary address. */
  primary: Scalars['Boolean']['output'];
  /** Whether the user proved they own it. */
  verified: Scalars['Boolean']['output'];
};

/** An expected failure: every typed error result implements this. */
export type Error = {
  /** What went wrong, for a person to read. */
  message: Scalars['String']['output'];
  /** The provider that answered (`clerk`, `passage`), or `usergraph` when the request never left. */
  provider: Scalars['String']['output'];
};

/** A sign-in through another identity provider: a Clerk external account or a Passage social connection. */
export type ExternalAccount = {
  __typename?: 'ExternalAccount';
  /** When it was linked. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The e-mail address it carries. */
  emailAddress?: Maybe<Scalars['String']['output']>;
  /** Clerk's external account id; null on Passage. */
  id?: Maybe<Scalars['ID']['output']>;
  /** When it was last used to sign in (Passage only). */
  lastSignInAt?: Maybe<Scalars['DateTime']['output']>;
  /** The identity provider: `google`, `github`, `apple`... */
  provider: Scalars['String']['output'];
  /** The user's id at that provider. */
  providerUserId: Scalars['String']['output'];
  /** The username at that provider. */
  username?: Maybe<Scalars['String']['output']>;
};

/** One input field the provider refused, and why. */
export type FieldProblem = {
  __typename?: 'FieldProblem';
  /** The field as the provider named it, e.g. `email_address`. */
  field: Scalars['String']['output'];
  /** Why it was refused. */
  message: Scalars['String']['output'];
};

/** An invitation to sign up to the application (Clerk), sent to an e-mail address; not an organization invitation (`Invitation`). */
export type InstanceInvitation = {
  __typename?: 'InstanceInvitation';
  /** When it was sent. */
  createdAt: Scalars['DateTime']['output'];
  /** The address it was sent to. */
  emailAddress: Scalars['String']['output'];
  /** When it stops being valid. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Clerk's invitation id (`inv_...`). */
  id: Scalars['ID']['output'];
  /** What becomes the user's public metadata when they sign up with it. */
  publicMetadata: Scalars['JSONObject']['output'];
  /** Where it stands. */
  status: InstanceInvitationStatus;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The link the invitee follows, if given. */
  url?: Maybe<Scalars['String']['output']>;
};

/** A page of invitations to sign up, newest first. */
export type InstanceInvitationConnection = {
  __typename?: 'InstanceInvitationConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<InstanceInvitationEdge>;
  /** Where this page sits, and the cursors to move from it. */
  pageInfo: PageInfo;
  /** How many invitations match in all, when the provider says. */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** An invitation in a page, with its cursor. */
export type InstanceInvitationEdge = {
  __typename?: 'InstanceInvitationEdge';
  /** An opaque position: pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: InstanceInvitation;
};

/** Where an invitation to sign up stands. */
export type InstanceInvitationStatus =
  /** The invitee signed up with it. */
  | 'ACCEPTED'
  /** Not used in time. */
  | 'EXPIRED'
  /** Sent and not yet used. */
  | 'PENDING'
  /** Withdrawn by an admin (`revokeInvitation`). */
  | 'REVOKED';

/** A comparison on an integer; set exactly one field. */
export type IntCondition = {
  /** Equal to. */
  equals?: InputMaybe<Scalars['Int']['input']>;
  /** Greater than. */
  greaterThan?: InputMaybe<Scalars['Int']['input']>;
  /** Less than. */
  lessThan?: InputMaybe<Scalars['Int']['input']>;
  /** Not equal to. */
  notEquals?: InputMaybe<Scalars['Int']['input']>;
};

/** The input was refused, by usergraph before any upstream call or by the provider. Nothing changed. */
export type InvalidInputError = Error & {
  __typename?: 'InvalidInputError';
  /** The fields at fault, where known. */
  fields: Array<FieldProblem>;
  /** What went wrong, for a person to read. */
  message: Scalars['String']['output'];
  /** The provider that answered (`clerk`, `passage`), or `usergraph` when the request never left. */
  provider: Scalars['String']['output'];
};

/** An invitation to join a Clerk organization, sent to one of the e-mail addresses of a user. */
export type Invitation = {
  __typename?: 'Invitation';
  /** When it was sent. */
  createdAt: Scalars['DateTime']['output'];
  /** The address the invitation went to. */
  emailAddress: Scalars['String']['output'];
  /** When it stops being valid, if it expires. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Clerk's invitation id (`orginv_...`). */
  id: Scalars['ID']['output'];
  /** The organization, public data only (no member count or creation time). */
  organization: Organization;
  /** The role it offers, e.g. `org:member`. */
  role: Scalars['String']['output'];
  /** Where it stands. */
  status: InvitationStatus;
  /** When its status last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of a user's organization invitations, newest first. */
export type InvitationConnection = {
  __typename?: 'InvitationConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<InvitationEdge>;
  /** Where this page sits, and the cursors to move from it. */
  pageInfo: PageInfo;
  /** How many invitations match in all (Clerk always says). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** An invitation in a page, with its cursor. */
export type InvitationEdge = {
  __typename?: 'InvitationEdge';
  /** An opaque position: pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Invitation;
};

/** Where an organization invitation stands. */
export type InvitationStatus =
  /** The invitee joined the organization. */
  | 'ACCEPTED'
  /** Not answered in time. */
  | 'EXPIRED'
  /** Sent and not yet answered. */
  | 'PENDING'
  /** Withdrawn by an admin of the organization. */
  | 'REVOKED';

/** What an allowlist or blocklist entry is. */
export type ListedIdentifierType =
  /** An e-mail address, or every address at a domain (`*@example.com`). */
  | 'EMAIL_ADDRESS'
  /** A phone number in E.164. */
  | 'PHONE_NUMBER'
  /** A Web3 wallet address. */
  | 'WEB3_WALLET';

/** A Passage user's status, as its list filter takes it (Clerk: filter on `banned`). */
export type ListedUserStatus =
  /** Can sign in. */
  | 'ACTIVE'
  /** Deactivated by an admin. */
  | 'INACTIVE'
  /** Registration not completed. */
  | 'PENDING';

/** The user `lockUser` acts on. */
export type LockUserInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `lockUser`. */
export type LockUserPayload = {
  __typename?: 'LockUserPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type LockUserResult = ConflictError | InvalidInputError | LockUserPayload | NotFoundError | RateLimitedError | UnsupportedError;

/** A user's membership of a Clerk organization, with the role it gives. */
export type Membership = {
  __typename?: 'Membership';
  /** When the user joined. */
  createdAt: Scalars['DateTime']['output'];
  /** Clerk's membership id (`orgmem_...`). */
  id: Scalars['ID']['output'];
  /** The organization. */
  organization: Organization;
  /** The permission keys the role grants, e.g. `org:sys_memberships:manage`. */
  permissions: Array<Scalars['String']['output']>;
  /** The role key, e.g. `org:admin` or `org:member`. */
  role: Scalars['String']['output'];
  /** The role's display name, e.g. `Admin`, where Clerk sends it. */
  roleName?: Maybe<Scalars['String']['output']>;
  /** When the membership (its role) last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of a user's organization memberships, newest first. */
export type MembershipConnection = {
  __typename?: 'MembershipConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<MembershipEdge>;
  /** Where this page sits, and the cursors to move from it. */
  pageInfo: PageInfo;
  /** How many memberships the user has in all (Clerk always says). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** A membership in a page, with its cursor. */
export type MembershipEdge = {
  __typename?: 'MembershipEdge';
  /** An opaque position: pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Membership;
};

/** A Passage → Clerk migration run by this server: its state, counts and per-user report. */
export type Migration = {
  __typename?: 'Migration';
  /** Calls made to Clerk so far (lookups, creates, follow-ups). */
  clerkCalls: Scalars['Int']['output'];
  /** Users by outcome. */
  counts: MigrationCounts;
  /** Users with a final outcome. */
  done: Scalars['Int']['output'];
  /** Checks only: nothing is written to Clerk. */
  dryRun: Scalars['Boolean']['output'];
  /** Why it refused or failed. */
  error?: Maybe<Scalars['String']['output']>;
  /** Seconds left at that rate, while running. */
  etaSeconds?: Maybe<Scalars['Float']['output']>;
  /** When it ended. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The run id: the same source into the same Clerk instance is the same run. */
  id: Scalars['ID']['output'];
  /** Where the users come from. */
  source: MigrationSource;
  /** When the run started. */
  startedAt: Scalars['DateTime']['output'];
  /** Where the run is. */
  state: MigrationState;
  /** Records in the source. */
  total: Scalars['Int']['output'];
  /** The per-user report, in source order, once the run has ended (read from its `users.csv`); while it runs, the users it has in flight. */
  users: MigrationUserConnection;
  /** Users finished per second over the last 10 s. */
  usersPerSecond: Scalars['Float']['output'];
  /** What people must do after the move (passkeys to enrol again, social sign-ins to link), known once planned. */
  warnings: Array<Scalars['String']['output']>;
};


/** A Passage → Clerk migration run by this server: its state, counts and per-user report. */
export type MigrationUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  needsPasskeyEnrolment?: InputMaybe<Scalars['Boolean']['input']>;
  outcome?: InputMaybe<MigrationOutcome>;
};

/** Users by outcome. */
export type MigrationCounts = {
  __typename?: 'MigrationCounts';
  /** Users whose outcome is ADOPTED. */
  adopted: Scalars['Int']['output'];
  /** Users whose outcome is CONFLICT. */
  conflict: Scalars['Int']['output'];
  /** Users whose outcome is CREATED. */
  created: Scalars['Int']['output'];
  /** Users whose outcome is CREATED_INCOMPLETE. */
  createdIncomplete: Scalars['Int']['output'];
  /** Users whose outcome is FAILED. */
  failed: Scalars['Int']['output'];
  /** Users whose outcome is PENDING. */
  pending: Scalars['Int']['output'];
  /** Users whose outcome is SKIPPED. */
  skipped: Scalars['Int']['output'];
  /** Users whose outcome is WOULD_CREATE. */
  wouldCreate: Scalars['Int']['output'];
};

/** What a Passage user whose status is `inactive` becomes in Clerk. */
export type MigrationInactiveUsers =
  /** Banned (Clerk ends its sessions and refuses sign-ins). */
  | 'BAN'
  /** An ordinary, active Clerk user. */
  | 'KEEP'
  /** Locked (needs the lockout feature on the Clerk instance). */
  | 'LOCK';

/** Which Clerk metadata receives a Passage user's `user_metadata`. */
export type MigrationMetadataKind =
  /** `private_metadata`: backend only. */
  | 'PRIVATE'
  /** `public_metadata`: readable by the frontend, written by the backend. */
  | 'PUBLIC'
  /** `unsafe_metadata`: the user may change it from the frontend. */
  | 'UNSAFE';

/** What happened to one user. */
export type MigrationOutcome =
  /** Already in Clerk under its Passage id (`external_id`): left as it was. */
  | 'ADOPTED'
  /** Another Clerk user holds its e-mail or phone: nothing overwritten. */
  | 'CONFLICT'
  /** Created in Clerk by this migration. */
  | 'CREATED'
  /** Created in Clerk by this migration, but its ban or lock failed (`code` says how); starting the migration again retries it. */
  | 'CREATED_INCOMPLETE'
  /** Clerk refused or failed the create (`code` says how). */
  | 'FAILED'
  /** Not done yet. */
  | 'PENDING'
  /** Not migrated: invalid or duplicated in the source (`code` says why). */
  | 'SKIPPED'
  /** Dry run: would be created. */
  | 'WOULD_CREATE';

/** Where a migration reads its users. */
export type MigrationSource =
  /** The configured Passage app's Management API, read live. */
  | 'PASSAGE_API'
  /** An uploaded Passage dashboard export (CSV). */
  | 'PASSAGE_CSV'
  /** An uploaded Management API dump (JSON). */
  | 'PASSAGE_JSON';

/** Where a migration is. */
export type MigrationState =
  /** Cancelled; starting the same migration again resumes it. */
  | 'CANCELLED'
  /** Every user has an outcome (see `counts`; some may have FAILED). */
  | 'COMPLETED'
  /** Stopped by a failure that is not about one user (e.g. Clerk refused the key). */
  | 'FAILED'
  /** Reading the source and checking every user against Clerk; nothing written yet. */
  | 'PLANNING'
  /** Stopped before writing anything: see `error` and the skipped or conflicting users. */
  | 'REFUSED'
  /** Creating users. */
  | 'RUNNING'
  /** Stopped early: the first creates all failed with the same code, so the Clerk instance refuses them (see `error`). Fix the instance; starting the same migration again resumes it. */
  | 'STOPPED';

/** One user's line in a migration's report. Ids and codes only: no e-mail, phone or metadata. */
export type MigrationUser = {
  __typename?: 'MigrationUser';
  /** Why it was skipped, in conflict or failed, e.g. `EMAIL_TAKEN`. */
  code?: Maybe<Scalars['String']['output']>;
  /** What was done after the create: `BANNED` or `LOCKED` (an inactive user), or `<ACTION>_FAILED:<code>`. */
  followUp?: Maybe<Scalars['String']['output']>;
  /** The same, for a person to read. */
  message?: Maybe<Scalars['String']['output']>;
  /** What happened. */
  outcome: MigrationOutcome;
  /** Passkeys the user had on Passage. They cannot move: the user must enrol a new one. */
  passkeys: Scalars['Int']['output'];
  /** The line (CSV) or index (JSON) of the record in the source. */
  position: Scalars['Int']['output'];
  /** Social sign-ins the user had (`google`, `apple`...), to link again in Clerk. */
  socialProviders: Array<Scalars['String']['output']>;
  /** The Passage user id (null when the record had none). */
  sourceId?: Maybe<Scalars['String']['output']>;
  /** The Clerk user, read now (batched with the rest of the page). */
  target?: Maybe<User>;
  /** The Clerk user id, once there is one. */
  targetId?: Maybe<Scalars['ID']['output']>;
};

/** A page of a migration's per-user report, in source order. */
export type MigrationUserConnection = {
  __typename?: 'MigrationUserConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<MigrationUserEdge>;
  /** Where this page sits, and the cursors to move from it. */
  pageInfo: PageInfo;
  /** How many users match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** A user of the report, with its cursor. */
export type MigrationUserEdge = {
  __typename?: 'MigrationUserEdge';
  /** An opaque position: pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: MigrationUser;
};

/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type Mutation = {
  __typename?: 'Mutation';
  /** Activate a deactivated user (Passage), so they can sign in again. `UnsupportedError` on Clerk: use `unbanUser` or `unlockUser`. Needs the `write` scope. */
  activateUser?: Maybe<ActivateUserResult>;
  /** Add an e-mail address to a user (Clerk), unverified unless `verified`. One upstream call. `UnsupportedError` on Passage: use `updateUser` (a Passage user has one e-mail address and one phone number). Needs the `write` scope, and `secrets` too when it marks the identifier verified or makes it primary. */
  addEmailAddress?: Maybe<AddEmailAddressResult>;
  /** Add a phone number to a user (Clerk), unverified unless `verified`. One upstream call. `UnsupportedError` on Passage: use `updateUser` (a Passage user has one e-mail address and one phone number). Needs the `write` scope, and `secrets` too when it marks the identifier verified or makes it primary. */
  addPhoneNumber?: Maybe<AddPhoneNumberResult>;
  /** Ban a user (Clerk): every session is revoked and signing in is refused until `unbanUser`. `UnsupportedError` on Passage: use `deactivateUser`. Needs the `write` scope. */
  banUser?: Maybe<BanUserResult>;
  /** Ban many users at once (Clerk): as `banUser` for each, 50 users per upstream call, calls concurrent. `UnsupportedError` on Passage (for any of its users, before anything changes): use `deactivateUser`. Needs the `write` scope. */
  banUsers?: Maybe<BanUsersResult>;
  /** Stops a running migration after the creates in flight; its report is written and starting it again resumes it. Needs the `write` scope. */
  cancelMigration?: Maybe<CancelMigrationResult>;
  /** Issue a token to sign in as a user, so support sees what they see (Clerk): the session it starts is marked as the actor's. The answer holds a secret shown once. One upstream call. `UnsupportedError` on Passage. Needs the `write` and `secrets` scopes. */
  createActorToken?: Maybe<CreateActorTokenResult>;
  /** Add an address, a domain, a number or a wallet to the sign-up allowlist (Clerk): when the instance restricts sign-up to its allowlist, what matches may sign up. An entry already listed is a `ConflictError`. One upstream call. `UnsupportedError` on Passage (Passage has no equivalent). Needs the `write` scope. */
  createAllowlistIdentifier?: Maybe<CreateAllowlistIdentifierResult>;
  /** Block an address, a whole domain, a number or a wallet (Clerk): what matches can neither sign up nor sign in. Existing sessions are not ended: `signOutUser` does that. An entry already listed is a `ConflictError`. One upstream call. `UnsupportedError` on Passage (Passage has no equivalent). Needs the `write` scope. */
  createBlocklistIdentifier?: Maybe<CreateBlocklistIdentifierResult>;
  /** Invite people to sign up to the application (Clerk): 1–10 e-mail addresses, one upstream call (Clerk allows 100 single and 25 bulk invitation calls an hour). All or none: an address already invited or already a user fails the whole call unless `ignoreExisting`. `UnsupportedError` on Passage. Needs the `write` scope. */
  createInvitations?: Maybe<CreateInvitationsResult>;
  /** Enrol a TOTP authenticator for a user (Clerk), replacing any they had, and issue new backup codes. The answer holds secrets shown once. Calls `POST /users/{id}/totp`, which Clerk's Ruby SDK lists but Clerk's current Backend API does not have: where Clerk answers 404 for it (a user who exists), this is `UnsupportedError` (users enrol an authenticator themselves); the emulator serves it. `UnsupportedError` on Passage. Needs the `write` and `secrets` scopes. */
  createTotp?: Maybe<CreateTotpResult>;
  /** Create a user on the provider named in the input (both providers). Never retried: a lost answer is an error, not a second user. An e-mail or phone already taken is `ConflictError`. Needs the `write` scope. */
  createUser?: Maybe<CreateUserResult>;
  /** Deactivate a user (Passage): the account stays but cannot sign in until `activateUser`. `UnsupportedError` on Clerk: use `banUser`. Needs the `write` scope. */
  deactivateUser?: Maybe<DeactivateUserResult>;
  /** Remove an entry from the sign-up allowlist (Clerk): when sign-up is restricted to the allowlist, what it matched may no longer sign up; users who already did keep their accounts. One upstream call. `UnsupportedError` on Passage (Passage has no equivalent). Needs the `write` scope. */
  deleteAllowlistIdentifier?: Maybe<DeleteAllowlistIdentifierResult>;
  /** Remove a user's backup codes (Clerk). `UnsupportedError` on Passage. Needs the `write` scope. */
  deleteBackupCodes?: Maybe<DeleteBackupCodesResult>;
  /** Remove an entry from the blocklist (Clerk): what it matched may sign up and sign in again. One upstream call. `UnsupportedError` on Passage (Passage has no equivalent). Needs the `write` scope. */
  deleteBlocklistIdentifier?: Maybe<DeleteBlocklistIdentifierResult>;
  /** Remove a WebAuthn credential from a user (both providers: a Passage device or a Clerk passkey). The user can no longer sign in with it. Needs the `write` scope. */
  deleteDevice?: Maybe<DeleteDeviceResult>;
  /** Remove an e-mail address from a user (Clerk); if it was primary, another one becomes primary. `UnsupportedError` on Passage: use `updateUser` (a Passage user has one e-mail address and one phone number). Needs the `write` scope. */
  deleteEmailAddress?: Maybe<DeleteEmailAddressResult>;
  /** Unlink an external account (Clerk): the user can no longer sign in through it. `UnsupportedError` on Passage. Needs the `write` scope. */
  deleteExternalAccount?: Maybe<DeleteExternalAccountResult>;
  /** Remove a phone number from a user (Clerk); if it was primary, another one becomes primary. `UnsupportedError` on Passage: use `updateUser` (a Passage user has one e-mail address and one phone number). Needs the `write` scope. */
  deletePhoneNumber?: Maybe<DeletePhoneNumberResult>;
  /** Remove a user's profile image (Clerk). `UnsupportedError` on Passage. Needs the `write` scope. */
  deleteProfileImage?: Maybe<DeleteProfileImageResult>;
  /** Remove a user's TOTP authenticator (Clerk). `UnsupportedError` on Passage. Needs the `write` and `secrets` scopes. */
  deleteTotp?: Maybe<DeleteTotpResult>;
  /** Delete a user and everything they have (both providers). It cannot be undone. Needs the `write` scope. */
  deleteUser?: Maybe<DeleteUserResult>;
  /** Remove a web3 wallet from a user (Clerk). `UnsupportedError` on Passage. Needs the `write` scope. */
  deleteWeb3Wallet?: Maybe<DeleteWeb3WalletResult>;
  /** Turn off every second factor of a user (Clerk): TOTP and backup codes. `UnsupportedError` on Passage. Needs the `write` and `secrets` scopes. */
  disableMfa?: Maybe<DisableMfaResult>;
  /** Lock a user (Clerk) as too many failed sign-ins would, until `unlockUser` or the instance's lockout period ends. `UnsupportedError` on Passage. Needs the `write` scope. */
  lockUser?: Maybe<LockUserResult>;
  /** Take a user's password away (Clerk), even when they have no other way to sign in; a user without one is answered unchanged. Sessions stay unless `signOut`. One upstream call. `UnsupportedError` on Passage. Needs the `write` and `secrets` scopes. */
  removePassword?: Maybe<RemovePasswordResult>;
  /** Withdraw an actor token that was not used yet (Clerk). One upstream call. `UnsupportedError` on Passage. Needs the `write` scope. */
  revokeActorToken?: Maybe<RevokeActorTokenResult>;
  /** Withdraw a pending invitation to sign up (Clerk): its link stops working (the person can still sign up the usual way). Only a pending one can be revoked. One upstream call. `UnsupportedError` on Passage. Needs the `write` scope. */
  revokeInvitation?: Maybe<RevokeInvitationResult>;
  /** End one session at once (Clerk): its client is signed out and must sign in again. A session that already ended is answered as it is. One upstream call. `UnsupportedError` on Passage: use `signOutUser`. Needs the `write` scope. */
  revokeSession?: Maybe<RevokeSessionResult>;
  /** Revoke one of a user's trusted devices (Clerk): its device-bound key no longer signs in, so a lost or sold phone stops being a way into the account. Revoking one already revoked answers it as it is. One upstream call. `UnsupportedError` on Passage (Passage has no equivalent). Needs the `write` scope. */
  revokeTrustedDevice?: Maybe<RevokeTrustedDeviceResult>;
  /** Flag a user's password compromised (Clerk): they must reset it at their next sign-in. A user without a password is an error. One upstream call. `UnsupportedError` on Passage. Needs the `write` scope. */
  setPasswordCompromised?: Maybe<SetPasswordCompromisedResult>;
  /** Set a user's profile image (Clerk), sent as a multipart request. A file that is not an image is `InvalidInputError`. `UnsupportedError` on Passage. Needs the `write` scope. */
  setProfileImage?: Maybe<SetProfileImageResult>;
  /** Sign a user out everywhere (Clerk, Passage). Passage: revokes every refresh token, so sessions end when their access token expires (one upstream call). Clerk: revokes every active session at once (one call to list them, then one per session, run concurrently), up to 100 sessions: a user with more is answered `ConflictError` after the first 100 are revoked, and a second call ends the rest. Needs the `write` scope. */
  signOutUser?: Maybe<SignOutUserResult>;
  /** Starts moving Passage users to Clerk, or resumes the same migration (same source, same Clerk). Answers at once; follow it with `migrationProgress` or `migration(id:)`. Needs the `write` and `migrate` scopes. */
  startPassageMigration?: Maybe<StartPassageMigrationResult>;
  /** Unban a user (Clerk), so they can sign in again. `UnsupportedError` on Passage: use `activateUser`. Needs the `write` scope. */
  unbanUser?: Maybe<UnbanUserResult>;
  /** Unban many users at once (Clerk): as `unbanUser` for each, 50 users per upstream call, calls concurrent. `UnsupportedError` on Passage (for any of its users, before anything changes): use `activateUser`. Needs the `write` scope. */
  unbanUsers?: Maybe<UnbanUsersResult>;
  /** Deletes the Clerk users this migration created, and only those (never an adopted user, nor one another run made), from the run's journal, also after a restart. Users who have signed in to Clerk since are kept and listed unless `force` is true. Can be repeated. Needs the `write` and `migrate` scopes. */
  undoPassageMigration?: Maybe<UndoPassageMigrationResult>;
  /** Unlock a locked user (Clerk). `UnsupportedError` on Passage. Needs the `write` scope. */
  unlockUser?: Maybe<UnlockUserResult>;
  /** Clear the compromised flag of a user's password (Clerk), so no reset is asked for at the next sign-in. One upstream call. `UnsupportedError` on Passage. Needs the `write` scope. */
  unsetPasswordCompromised?: Maybe<UnsetPasswordCompromisedResult>;
  /** Mark one of a user's e-mail addresses verified (or not), or make it primary (Clerk). `primary: false` is refused: make another one primary instead. One upstream call. `UnsupportedError` on Passage: use `updateUser` (a Passage user has one e-mail address and one phone number). Needs the `write` scope, and `secrets` too when it marks the identifier verified or makes it primary. */
  updateEmailAddress?: Maybe<UpdateEmailAddressResult>;
  /** Mark one of a user's phone numbers verified (or not), or make it primary (Clerk). `primary: false` is refused: make another one primary instead. One upstream call. `UnsupportedError` on Passage: use `updateUser` (a Passage user has one e-mail address and one phone number). Needs the `write` scope, and `secrets` too when it marks the identifier verified or makes it primary. */
  updatePhoneNumber?: Maybe<UpdatePhoneNumberResult>;
  /** Change a user's identifiers, names or password (both providers; most fields are Clerk only). Metadata has its own mutation, `updateUserMetadata`. Needs the `write` scope, and `secrets` too to set a password or change an e-mail, a phone or a primary identifier. */
  updateUser?: Maybe<UpdateUserResult>;
  /** Merge metadata into a user's (both providers; private and unsafe metadata are Clerk only): `null` removes a key. Clerk merges at any depth, Passage top-level keys only. Needs the `write` scope. */
  updateUserMetadata?: Maybe<UpdateUserMetadataResult>;
  /** Check a password against a user's (Clerk). A wrong password is `verified: false` and counts towards Clerk's lockout; a user with no password is `InvalidInputError`. At most one check per operation, and a few per user per 15 minutes (`RateLimitedError` beyond). `UnsupportedError` on Passage. Needs the `write` and `secrets` scopes. */
  verifyPassword?: Maybe<VerifyPasswordResult>;
  /** Check a TOTP or backup code against a user's (Clerk). A wrong code is `verified: false`; a backup code is used up; a user without TOTP is `InvalidInputError`. At most one check per operation, and a few per user per 15 minutes (`RateLimitedError` beyond). `UnsupportedError` on Passage. Needs the `write` and `secrets` scopes. */
  verifyTotp?: Maybe<VerifyTotpResult>;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationActivateUserArgs = {
  input: ActivateUserInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationAddEmailAddressArgs = {
  input: AddEmailAddressInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationAddPhoneNumberArgs = {
  input: AddPhoneNumberInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationBanUserArgs = {
  input: BanUserInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationBanUsersArgs = {
  input: BanUsersInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationCancelMigrationArgs = {
  id: Scalars['ID']['input'];
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationCreateActorTokenArgs = {
  input: CreateActorTokenInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationCreateAllowlistIdentifierArgs = {
  input: CreateAllowlistIdentifierInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationCreateBlocklistIdentifierArgs = {
  input: CreateBlocklistIdentifierInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationCreateInvitationsArgs = {
  input: CreateInvitationsInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationCreateTotpArgs = {
  input: CreateTotpInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeactivateUserArgs = {
  input: DeactivateUserInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeleteAllowlistIdentifierArgs = {
  input: DeleteAllowlistIdentifierInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeleteBackupCodesArgs = {
  input: DeleteBackupCodesInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeleteBlocklistIdentifierArgs = {
  input: DeleteBlocklistIdentifierInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeleteDeviceArgs = {
  input: DeleteDeviceInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeleteEmailAddressArgs = {
  input: DeleteEmailAddressInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeleteExternalAccountArgs = {
  input: DeleteExternalAccountInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeletePhoneNumberArgs = {
  input: DeletePhoneNumberInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeleteProfileImageArgs = {
  input: DeleteProfileImageInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeleteTotpArgs = {
  input: DeleteTotpInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeleteUserArgs = {
  input: DeleteUserInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDeleteWeb3WalletArgs = {
  input: DeleteWeb3WalletInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationDisableMfaArgs = {
  input: DisableMfaInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationLockUserArgs = {
  input: LockUserInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationRemovePasswordArgs = {
  input: RemovePasswordInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationRevokeActorTokenArgs = {
  input: RevokeActorTokenInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationRevokeInvitationArgs = {
  input: RevokeInvitationInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationRevokeSessionArgs = {
  input: RevokeSessionInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationRevokeTrustedDeviceArgs = {
  input: RevokeTrustedDeviceInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationSetPasswordCompromisedArgs = {
  input: SetPasswordCompromisedInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationSetProfileImageArgs = {
  input: SetProfileImageInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationSignOutUserArgs = {
  input: SignOutUserInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationStartPassageMigrationArgs = {
  input: StartPassageMigrationInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationUnbanUserArgs = {
  input: UnbanUserInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationUnbanUsersArgs = {
  input: UnbanUsersInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationUndoPassageMigrationArgs = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationUnlockUserArgs = {
  input: UnlockUserInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationUnsetPasswordCompromisedArgs = {
  input: UnsetPasswordCompromisedInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationUpdateEmailAddressArgs = {
  input: UpdateEmailAddressInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationUpdatePhoneNumberArgs = {
  input: UpdatePhoneNumberInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationUpdateUserMetadataArgs = {
  input: UpdateUserMetadataInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationVerifyPasswordArgs = {
  input: VerifyPasswordInput;
};


/** Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`). */
export type MutationVerifyTotpArgs = {
  input: VerifyTotpInput;
};

/** One invitation to sign up. */
export type NewInvitationInput = {
  /** Who is invited, e.g. `ada@example.com`. */
  emailAddress: Scalars['String']['input'];
  /** Days it stays valid, 1–365 (default 30). */
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  /** Invite even if the address already has a pending invitation or an account (default: false). */
  ignoreExisting?: InputMaybe<Scalars['Boolean']['input']>;
  /** Send the invitation e-mail (default: true). */
  notify?: InputMaybe<Scalars['Boolean']['input']>;
  /** Becomes the user's public metadata when they sign up. */
  publicMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Where the invitation link leads, for a custom sign-up flow. */
  redirectUrl?: InputMaybe<Scalars['String']['input']>;
};

/** An object with an id unique across this API, which `node(id:)` fetches again (Relay global object identification). */
export type Node = {
  /** The id, unique across this API. */
  id: Scalars['ID']['output'];
};

/** The user, or the device, account or wallet asked for, does not exist. */
export type NotFoundError = Error & {
  __typename?: 'NotFoundError';
  /** What went wrong, for a person to read. */
  message: Scalars['String']['output'];
  /** The provider that answered (`clerk`, `passage`), or `usergraph` when the request never left. */
  provider: Scalars['String']['output'];
};

/** SECRET: an access token Clerk holds for a user's account at another identity provider, usable to call that provider's API as the user. */
export type OAuthAccessToken = {
  __typename?: 'OAuthAccessToken';
  /** When it expires, if the identity provider said. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The id of the user's external account (`User.externalAccounts`) the token belongs to. */
  externalAccountId: Scalars['String']['output'];
  /** A label Clerk keeps with it, if any. */
  label?: Maybe<Scalars['String']['output']>;
  /** The identity provider: `google`, `github`... */
  provider: Scalars['String']['output'];
  /** The OAuth scopes it was granted. */
  scopes: Array<Scalars['String']['output']>;
  /** SECRET: the access token itself. Treat it like a password: never log or cache it. */
  token: Scalars['String']['output'];
};

/** Ascending or descending. */
export type OrderDirection =
  /** Smallest or oldest first. */
  | 'ASC'
  /** Largest or newest first. */
  | 'DESC';

/** A Clerk organization: a team or company its users belong to. */
export type Organization = {
  __typename?: 'Organization';
  /** When it was created; null on an invitation's organization, which carries public data only. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Clerk's organization id (`org_...`). */
  id: Scalars['ID']['output'];
  /** The logo, if set. */
  imageUrl?: Maybe<Scalars['String']['output']>;
  /** How many members it has, where Clerk says; null on an invitation's organization. */
  membersCount?: Maybe<Scalars['Int']['output']>;
  /** The display name. */
  name: Scalars['String']['output'];
  /** The unique URL-friendly name. */
  slug: Scalars['String']['output'];
};

/** Where a page sits in its list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item, to page forwards with `after`. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether a page follows (may be true at the very end: the next page is then empty). */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether a page precedes this one. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item, to page backwards with `before`. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A phone number of a user. */
export type PhoneNumber = {
  __typename?: 'PhoneNumber';
  /** Clerk's identification id; null on Passage. */
  id?: Maybe<Scalars['ID']['output']>;
  /** The number in E.164, e.g. `+15005550006`. */
  number: Scalars['String']['output'];
  /** Whether it is the user's primary number. */
  primary: Scalars['Boolean']['output'];
  /** Whether the user proved they own it. */
  verified: Scalars['Boolean']['output'];
};

/** An identity provider usergraph talks to. */
export type Provider =
  /** Clerk's Backend API. User ids start with `user_`. */
  | 'CLERK'
  /** Passage's Management API (shut down by its vendor on 2026-01-16). */
  | 'PASSAGE';

/** Reads over every configured identity provider. Every field needs the `read` scope. */
export type Query = {
  __typename?: 'Query';
  /** The sign-up allowlist (who may sign up when the instance restricts sign-up to it), newest first (Clerk only; Passage has no equivalent, so the field is a `PROVIDER_UNSUPPORTED` error when no configured provider has it). One upstream call per page. */
  allowlistIdentifiers: AllowlistIdentifierConnection;
  /** The blocklist (who may neither sign up nor sign in), newest first (Clerk only; Passage has no equivalent, so the field is a `PROVIDER_UNSUPPORTED` error when no configured provider has it). One upstream call per page. */
  blocklistIdentifiers: BlocklistIdentifierConnection;
  /** Invitations to sign up to the application, newest first (Clerk; a `PROVIDER_UNSUPPORTED` error when no configured provider has them). Revoked ones only when asked for by `status`. One upstream call per page. */
  invitations: InstanceInvitationConnection;
  /** A migration this server ran or runs, by id; null when it knows none. */
  migration?: Maybe<Migration>;
  /** The migrations this server process ran or runs, newest first. */
  migrations: Array<Migration>;
  /** The object with this id (a user, by the id `User.id` returns), or null when there is none. Relay refetches through it. */
  node?: Maybe<Node>;
  /** Many objects by id, in the order asked for, null where there is none: users of either provider in as few upstream calls as the providers allow (100 Clerk ids: one call). At most 100 ids. */
  nodes: Array<Maybe<Node>>;
  /** One user by id, from whichever provider holds it; null when no provider has it. A provider failure is a located error (the field null); the same user as `node(id:)` returns. */
  user?: Maybe<User>;
  /** The user with this e-mail address or E.164 phone number, or null when no provider has one. Without `provider`, every configured provider is asked at once and the first that has it (Clerk, then Passage) answers. */
  userByIdentifier?: Maybe<User>;
  /** How many users of one provider match a filter; null, with a located error, on a failure. */
  userCount?: Maybe<Scalars['Int']['output']>;
  /** Users of one provider as a Relay connection, filtered and ordered. Bad arguments are an `INVALID_INPUT` error naming the argument, before any upstream call. For many users by id, `nodes(ids:)`. */
  users: UserConnection;
};


/** Reads over every configured identity provider. Every field needs the `read` scope. */
export type QueryAllowlistIdentifiersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads over every configured identity provider. Every field needs the `read` scope. */
export type QueryBlocklistIdentifiersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads over every configured identity provider. Every field needs the `read` scope. */
export type QueryInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<InstanceInvitationStatus>;
};


/** Reads over every configured identity provider. Every field needs the `read` scope. */
export type QueryMigrationArgs = {
  id: Scalars['ID']['input'];
};


/** Reads over every configured identity provider. Every field needs the `read` scope. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads over every configured identity provider. Every field needs the `read` scope. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reads over every configured identity provider. Every field needs the `read` scope. */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


/** Reads over every configured identity provider. Every field needs the `read` scope. */
export type QueryUserByIdentifierArgs = {
  identifier: Scalars['String']['input'];
  provider?: InputMaybe<Provider>;
};


/** Reads over every configured identity provider. Every field needs the `read` scope. */
export type QueryUserCountArgs = {
  filter?: InputMaybe<UserFilter>;
  provider?: InputMaybe<Provider>;
};


/** Reads over every configured identity provider. Every field needs the `read` scope. */
export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<UserOrder>;
  provider?: InputMaybe<Provider>;
};

/** The provider's rate limit was reached and retries did not get through. Nothing changed. */
export type RateLimitedError = Error & {
  __typename?: 'RateLimitedError';
  /** What went wrong, for a person to read. */
  message: Scalars['String']['output'];
  /** The provider that answered (`clerk`, `passage`), or `usergraph` when the request never left. */
  provider: Scalars['String']['output'];
  /** When the provider said how long to wait, in seconds. */
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
};

/** The user whose password `removePassword` takes away. */
export type RemovePasswordInput = {
  /** Also revoke every active session of the user's (default: false). */
  signOut?: InputMaybe<Scalars['Boolean']['input']>;
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `removePassword`. */
export type RemovePasswordPayload = {
  __typename?: 'RemovePasswordPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type RemovePasswordResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | RemovePasswordPayload | UnsupportedError;

/** The actor token `revokeActorToken` withdraws. */
export type RevokeActorTokenInput = {
  /** The token: the id `ActorToken.id` returns. */
  actorTokenId: Scalars['ID']['input'];
};

/** The result of `revokeActorToken`. */
export type RevokeActorTokenPayload = {
  __typename?: 'RevokeActorTokenPayload';
  /** The token, now `REVOKED`. */
  actorToken: ActorToken;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type RevokeActorTokenResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | RevokeActorTokenPayload | UnsupportedError;

/** The invitation `revokeInvitation` withdraws. */
export type RevokeInvitationInput = {
  /** The invitation: the id `InstanceInvitation.id` returns. */
  invitationId: Scalars['ID']['input'];
};

/** The result of `revokeInvitation`. */
export type RevokeInvitationPayload = {
  __typename?: 'RevokeInvitationPayload';
  /** The invitation, now `REVOKED`. */
  invitation: InstanceInvitation;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type RevokeInvitationResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | RevokeInvitationPayload | UnsupportedError;

/** The session `revokeSession` ends. */
export type RevokeSessionInput = {
  /** The session: the id `Session.id` returns. */
  sessionId: Scalars['ID']['input'];
};

/** The result of `revokeSession`. */
export type RevokeSessionPayload = {
  __typename?: 'RevokeSessionPayload';
  /** The session after the change (`REVOKED`, or how it had already ended). */
  session: Session;
  /** The user, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user it signed in. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type RevokeSessionResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | RevokeSessionPayload | UnsupportedError;

/** Which user, and which of their trusted devices, `revokeTrustedDevice` revokes. */
export type RevokeTrustedDeviceInput = {
  /** The device: the id `User.trustedDevices` returns. */
  trustedDeviceId: Scalars['ID']['input'];
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `revokeTrustedDevice`. */
export type RevokeTrustedDevicePayload = {
  __typename?: 'RevokeTrustedDevicePayload';
  /** The device after the change (`REVOKED`). */
  trustedDevice: TrustedDevice;
  /** The user, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user who had enrolled it. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type RevokeTrustedDeviceResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | RevokeTrustedDevicePayload | UnsupportedError;

/** A signed-in session of a user on one client (a browser or an app). Clerk only. */
export type Session = {
  __typename?: 'Session';
  /** When it ends however much it is used. */
  abandonAt: Scalars['DateTime']['output'];
  /** The client (browser or app) it lives on. */
  clientId: Scalars['ID']['output'];
  /** When it began. */
  createdAt: Scalars['DateTime']['output'];
  /** When it ends unless used again. */
  expireAt: Scalars['DateTime']['output'];
  /** Clerk's session id (`sess_...`). */
  id: Scalars['ID']['output'];
  /** When it was last used. */
  lastActiveAt: Scalars['DateTime']['output'];
  /** Where and on what it was last used, if recorded. */
  latestActivity?: Maybe<SessionActivity>;
  /** Where it stands. */
  status: SessionStatus;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The user it signs in. */
  userId: Scalars['ID']['output'];
};

/** The session's most recent request, as the provider recorded it. */
export type SessionActivity = {
  __typename?: 'SessionActivity';
  /** e.g. `Chrome`. */
  browserName?: Maybe<Scalars['String']['output']>;
  /** e.g. `126.0.0.0`. */
  browserVersion?: Maybe<Scalars['String']['output']>;
  /** The city that address places it in. */
  city?: Maybe<Scalars['String']['output']>;
  /** The country, ISO 3166 alpha-2. */
  country?: Maybe<Scalars['String']['output']>;
  /** e.g. `iPhone`, `Macintosh`. */
  deviceType?: Maybe<Scalars['String']['output']>;
  /** The IP address it came from. */
  ipAddress?: Maybe<Scalars['String']['output']>;
  /** Whether the device is a phone or tablet. */
  isMobile: Scalars['Boolean']['output'];
};

/** A page of a user's sessions, newest first. */
export type SessionConnection = {
  __typename?: 'SessionConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<SessionEdge>;
  /** Where this page sits, and the cursors to move from it. */
  pageInfo: PageInfo;
  /** How many sessions match in all, when the provider says (Clerk does not). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** A session in a page, with its cursor. */
export type SessionEdge = {
  __typename?: 'SessionEdge';
  /** An opaque position: pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Session;
};

/** Where a session stands. */
export type SessionStatus =
  /** Not used for too long. */
  | 'ABANDONED'
  /** Signed in: its client can act as the user. */
  | 'ACTIVE'
  /** The user signed out. */
  | 'ENDED'
  /** Its lifetime ran out. */
  | 'EXPIRED'
  /** Signed in, with a task left to do (e.g. choosing an organization). */
  | 'PENDING'
  /** The user removed it from their client. */
  | 'REMOVED'
  /** A newer session on the same client took its place. */
  | 'REPLACED'
  /** Ended by an admin (`revokeSession`, `signOutUser`, a ban). */
  | 'REVOKED';

/** The user whose password `setPasswordCompromised` flags. */
export type SetPasswordCompromisedInput = {
  /** Also revoke every session of the user's (default: false). */
  signOut?: InputMaybe<Scalars['Boolean']['input']>;
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `setPasswordCompromised`. */
export type SetPasswordCompromisedPayload = {
  __typename?: 'SetPasswordCompromisedPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type SetPasswordCompromisedResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | SetPasswordCompromisedPayload | UnsupportedError;

/** The user and the image `setProfileImage` uploads. */
export type SetProfileImageInput = {
  /** The image (PNG, JPEG, GIF or WebP, at most 10 MB), as a multipart file part. */
  file: Scalars['File']['input'];
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `setProfileImage`. */
export type SetProfileImagePayload = {
  __typename?: 'SetProfileImagePayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type SetProfileImageResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | SetProfileImagePayload | UnsupportedError;

/** The user `signOutUser` acts on. */
export type SignOutUserInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `signOutUser`. */
export type SignOutUserPayload = {
  __typename?: 'SignOutUserPayload';
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type SignOutUserResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | SignOutUserPayload | UnsupportedError;

/** Where the users come from and how they are moved. Every field has a safe default. */
export type StartPassageMigrationInput = {
  /** Migrate the valid users even when some are skipped or in conflict (otherwise nothing is written). */
  allowPartial?: InputMaybe<Scalars['Boolean']['input']>;
  /** Check everything against Clerk and write nothing. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** A Passage Management API dump (JSON) or dashboard export (CSV), as a multipart upload. Without one, the configured Passage app is read live. */
  file?: InputMaybe<Scalars['File']['input']>;
  /** What inactive users become. */
  inactiveUsers?: InputMaybe<MigrationInactiveUsers>;
  /** Where `user_metadata` goes. */
  metadata?: InputMaybe<MigrationMetadataKind>;
  /** This migration's share of Clerk's budget, 1–1000 (development instances allow 100 per 10 s, production 1000), on top of the server's own. */
  requestsPerTenSeconds?: InputMaybe<Scalars['Int']['input']>;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type StartPassageMigrationResult = ConflictError | InvalidInputError | Migration | UnsupportedError;

/** A comparison on a string, in Passage's filter language; set exactly one field. */
export type StringCondition = {
  /** Equal to. */
  equals?: InputMaybe<Scalars['String']['input']>;
  /** Sorts after. */
  greaterThan?: InputMaybe<Scalars['String']['input']>;
  /** Sorts before. */
  lessThan?: InputMaybe<Scalars['String']['input']>;
  /** Matches: `%` is any run of characters; without `%`, a substring match. */
  like?: InputMaybe<Scalars['String']['input']>;
  /** Not equal to. */
  notEquals?: InputMaybe<Scalars['String']['input']>;
  /** Does not match (as `like`). */
  notLike?: InputMaybe<Scalars['String']['input']>;
};

/** Live progress, over SSE (`Accept: text/event-stream`). Every field needs the `read` scope. */
export type Subscription = {
  __typename?: 'Subscription';
  /** The migration now, then again as it moves (at most 4 times a second), ending with its final state. Served over SSE. */
  migrationProgress: Migration;
  /** Every change to the users given (every user when `ids` is omitted), as it happens: from the provider's webhooks (Clerk) and from this API's own mutations. Served over SSE. At most 100 ids. */
  userChanged: UserChange;
};


/** Live progress, over SSE (`Accept: text/event-stream`). Every field needs the `read` scope. */
export type SubscriptionMigrationProgressArgs = {
  id: Scalars['ID']['input'];
};


/** Live progress, over SSE (`Accept: text/event-stream`). Every field needs the `read` scope. */
export type SubscriptionUserChangedArgs = {
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A range of time; either end may be open, both ends are exclusive. */
export type TimeRange = {
  /** Only moments after this. */
  after?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only moments before this. */
  before?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Which kind of code was accepted. */
export type TotpCodeType =
  /** A backup code: it is now used up. */
  | 'BACKUP_CODE'
  /** A code from the user's authenticator app. */
  | 'TOTP';

/** An installation of the application's mobile app that a user enrolled as trusted, signing in with a key bound to the device (Clerk only). Not a passkey (`Device`). */
export type TrustedDevice = {
  __typename?: 'TrustedDevice';
  /** The app's bundle or package id, e.g. `com.example.app`. */
  appIdentifier: Scalars['String']['output'];
  /** When it was enrolled. */
  createdAt: Scalars['DateTime']['output'];
  /** Clerk's id of the trusted device. */
  id: Scalars['ID']['output'];
  /** When it last signed in, if it has. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The name the device gave, if any. */
  name?: Maybe<Scalars['String']['output']>;
  /** The platform it runs. */
  platform: TrustedDevicePlatform;
  /** When it was revoked, if it was. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether it can still sign in. */
  status: TrustedDeviceStatus;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The user who enrolled it. */
  userId: Scalars['ID']['output'];
};

/** The mobile platform a trusted device runs. */
export type TrustedDevicePlatform =
  /** Android. */
  | 'ANDROID'
  /** iOS or iPadOS. */
  | 'IOS';

/** Whether a trusted device can still sign in. */
export type TrustedDeviceStatus =
  /** It can sign in with its device-bound key. */
  | 'ACTIVE'
  /** Revoked (`revokeTrustedDevice`): its key no longer signs in. */
  | 'REVOKED';

/** The user `unbanUser` acts on. */
export type UnbanUserInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `unbanUser`. */
export type UnbanUserPayload = {
  __typename?: 'UnbanUserPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type UnbanUserResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnbanUserPayload | UnsupportedError;

/** The users to unban. */
export type UnbanUsersInput = {
  /** 1–500 user ids, as `User.id` returns them; repeats count once. */
  userIds: Array<Scalars['ID']['input']>;
};

/** The result of `unbanUsers`. */
export type UnbanUsersPayload = {
  __typename?: 'UnbanUsersPayload';
  /** The users after the change. */
  users: Array<User>;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type UnbanUsersResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnbanUsersPayload | UnsupportedError;

/** What undoing a migration did. */
export type UndoMigrationPayload = {
  __typename?: 'UndoMigrationPayload';
  /** Users it had created that were already deleted. */
  alreadyGone: Scalars['Int']['output'];
  /** Clerk users this migration had created, deleted now. */
  deleted: Scalars['Int']['output'];
  /** Passage ids whose Clerk user could not be deleted (run undo again). */
  failedSourceIds: Array<Scalars['String']['output']>;
  /** The run undone. */
  migrationId: Scalars['ID']['output'];
  /** Passage ids whose Clerk user has signed in since the migration: kept, unless undone with `force: true`. */
  signedInSourceIds: Array<Scalars['String']['output']>;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type UndoPassageMigrationResult = ConflictError | NotFoundError | UndoMigrationPayload;

/** The user `unlockUser` acts on. */
export type UnlockUserInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `unlockUser`. */
export type UnlockUserPayload = {
  __typename?: 'UnlockUserPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type UnlockUserResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnlockUserPayload | UnsupportedError;

/** The user `unsetPasswordCompromised` acts on. */
export type UnsetPasswordCompromisedInput = {
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `unsetPasswordCompromised`. */
export type UnsetPasswordCompromisedPayload = {
  __typename?: 'UnsetPasswordCompromisedPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type UnsetPasswordCompromisedResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsetPasswordCompromisedPayload | UnsupportedError;

/** This user's provider (or its plan or settings) does not offer this action. */
export type UnsupportedError = Error & {
  __typename?: 'UnsupportedError';
  /** What went wrong, for a person to read. */
  message: Scalars['String']['output'];
  /** The provider that answered (`clerk`, `passage`), or `usergraph` when the request never left. */
  provider: Scalars['String']['output'];
};

/** The user, which of their addresses `updateEmailAddress` changes, and how. */
export type UpdateEmailAddressInput = {
  /** The address: the id `EmailAddress.id` returns. */
  emailAddressId: Scalars['ID']['input'];
  /** Make it the user's primary one (needs `secrets`). The first of its kind always is. */
  primary?: InputMaybe<Scalars['Boolean']['input']>;
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
  /** Mark it verified at once, without the user proving they hold it (needs `secrets`). */
  verified?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The result of `updateEmailAddress`. */
export type UpdateEmailAddressPayload = {
  __typename?: 'UpdateEmailAddressPayload';
  /** It as the user now has it, read again when asked for (one more upstream call). */
  emailAddress?: Maybe<EmailAddress>;
  /** Its id. */
  emailAddressId: Scalars['ID']['output'];
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type UpdateEmailAddressResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError | UpdateEmailAddressPayload;

/** The user, which of their numbers `updatePhoneNumber` changes, and how. */
export type UpdatePhoneNumberInput = {
  /** The number: the id `PhoneNumber.id` returns. */
  phoneNumberId: Scalars['ID']['input'];
  /** Make it the user's primary one (needs `secrets`). The first of its kind always is. */
  primary?: InputMaybe<Scalars['Boolean']['input']>;
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
  /** Mark it verified at once, without the user proving they hold it (needs `secrets`). */
  verified?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The result of `updatePhoneNumber`. */
export type UpdatePhoneNumberPayload = {
  __typename?: 'UpdatePhoneNumberPayload';
  /** It as the user now has it, read again when asked for (one more upstream call). */
  phoneNumber?: Maybe<PhoneNumber>;
  /** Its id. */
  phoneNumberId: Scalars['ID']['output'];
  /** The user after the change, read again when asked for (one more upstream call). */
  user?: Maybe<User>;
  /** The user that was changed. */
  userId: Scalars['ID']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type UpdatePhoneNumberResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError | UpdatePhoneNumberPayload;

/** What to change on a user; fields left out stay as they are. At least one is required. */
export type UpdateUserInput = {
  /** Passage only: the new e-mail. On Clerk, use `primaryEmailAddressId`. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Clerk only; `null` removes it. */
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** Clerk only; `null` removes it. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Clerk only; `null` removes it. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Clerk only: a new password. Never logged or echoed. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** Passage only: the new phone, in E.164. On Clerk, use `primaryPhoneNumberId`. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Clerk only: which of `emailAddresses` becomes primary. */
  primaryEmailAddressId?: InputMaybe<Scalars['ID']['input']>;
  /** Clerk only: which of `phoneNumbers` becomes primary. */
  primaryPhoneNumberId?: InputMaybe<Scalars['ID']['input']>;
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
  /** Clerk only; `null` removes it. */
  username?: InputMaybe<Scalars['String']['input']>;
};

/** Metadata to merge into a user's: a key set to `null` is removed, keys left out stay. Clerk merges nested objects too; Passage merges top-level keys only (a nested object replaces the one it had). At least one object is required. */
export type UpdateUserMetadataInput = {
  /** Clerk only. At most 8 KB. */
  privateMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Clerk `public_metadata`; Passage's `user_metadata`. At most 8 KB. */
  publicMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Clerk only. At most 8 KB. */
  unsafeMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** The result of `updateUserMetadata`. */
export type UpdateUserMetadataPayload = {
  __typename?: 'UpdateUserMetadataPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type UpdateUserMetadataResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError | UpdateUserMetadataPayload;

/** The result of `updateUser`. */
export type UpdateUserPayload = {
  __typename?: 'UpdateUserPayload';
  /** The user after the change. */
  user: User;
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type UpdateUserResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError | UpdateUserPayload;

/** A user of either provider. Common fields are plain fields; fields only one provider has are nullable and say which. */
export type User = Node & {
  __typename?: 'User';
  /** Clerk only. */
  banned?: Maybe<Scalars['Boolean']['output']>;
  /** When the user was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The user's WebAuthn devices (Passage devices, Clerk passkeys). Free on Clerk; one call per user on Passage, batched per request. */
  devices?: Maybe<Array<Device>>;
  /** The primary e-mail address. */
  email?: Maybe<Scalars['String']['output']>;
  /** Every e-mail address. */
  emailAddresses: Array<EmailAddress>;
  /** Sign-ins through other identity providers. */
  externalAccounts: Array<ExternalAccount>;
  /** An id from another system, if set. */
  externalId?: Maybe<Scalars['String']['output']>;
  /** Clerk only. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** The provider's own user id, as applications store it; also its Node id. Clerk ids start with `user_`. */
  id: Scalars['ID']['output'];
  /** The profile image (Clerk only). */
  imageUrl?: Maybe<Scalars['String']['output']>;
  /** When the user was last active, to the day (Clerk only). */
  lastActiveAt?: Maybe<Scalars['DateTime']['output']>;
  /** Clerk only. */
  lastName?: Maybe<Scalars['String']['output']>;
  /** When the user last signed in. */
  lastSignInAt?: Maybe<Scalars['DateTime']['output']>;
  /** Clerk only. */
  locked?: Maybe<Scalars['Boolean']['output']>;
  /** When a locked user can sign in again (Clerk only). Null when not locked, or when the lock has no end (`locked` tells them apart). */
  lockedUntil?: Maybe<Scalars['DateTime']['output']>;
  /** How many times the user signed in (Passage only). */
  loginCount?: Maybe<Scalars['Int']['output']>;
  /** Second factors (Clerk only; null on Passage, which has none). No extra upstream call. */
  mfa?: Maybe<UserMfa>;
  /** SECRET-BEARING: the user's OAuth access tokens for one identity provider, one per linked account (Clerk only: null for Passage users, with no upstream call). Needs the `secrets` scope (null with a `FORBIDDEN` error without it, and no upstream call). One call per user and identity provider. */
  oauthAccessTokens?: Maybe<Array<OAuthAccessToken>>;
  /** Invitations to organizations sent to any of the user's e-mail addresses, newest first (Clerk only: null for Passage users, with no upstream call). One call per user, status and page, all users' calls concurrent. */
  organizationInvitations?: Maybe<InvitationConnection>;
  /** The user's organization memberships, newest first (Clerk only: null for Passage users, with no upstream call). One call per user and page, all users' calls concurrent. */
  organizationMemberships?: Maybe<MembershipConnection>;
  /** Whether the password was flagged compromised, so a reset is required at the next sign-in (`setPasswordCompromised`). Clerk only; null when Clerk's answer does not say (its spec's User lacks the field) and on Passage. */
  passwordCompromised?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the user has a password (Clerk only; null on Passage, which has none). `removePassword` takes it away. */
  passwordEnabled?: Maybe<Scalars['Boolean']['output']>;
  /** The primary phone number, in E.164. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Every phone number. */
  phoneNumbers: Array<PhoneNumber>;
  /** Clerk only: metadata the user never sees. Needs the `secrets` scope. */
  privateMetadata?: Maybe<Scalars['JSONObject']['output']>;
  /** Where the user lives. */
  provider: Provider;
  /** Clerk `public_metadata`; Passage's `user_metadata`, its only metadata. */
  publicMetadata?: Maybe<Scalars['JSONObject']['output']>;
  /** The user's sessions, newest first (Clerk only: null for Passage users, with no upstream call; Clerk drops old inactive sessions after a while). One call per user, status and page, all users' calls concurrent. */
  sessions?: Maybe<SessionConnection>;
  /** Whether the user can sign in. */
  status: UserStatus;
  /** The user's active trusted devices (Clerk only; null, with no upstream call, for Passage users: Passage has no equivalent). All of them at once (Clerk does not page them): one call per user, all users' calls concurrent. `revokeTrustedDevice` revokes one. */
  trustedDevices?: Maybe<Array<TrustedDevice>>;
  /** Clerk only: metadata the user can edit. */
  unsafeMetadata?: Maybe<Scalars['JSONObject']['output']>;
  /** When the user last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Clerk only. */
  username?: Maybe<Scalars['String']['output']>;
  /** Clerk only. */
  web3Wallets: Array<Web3Wallet>;
};


/** A user of either provider. Common fields are plain fields; fields only one provider has are nullable and say which. */
export type UserOauthAccessTokensArgs = {
  provider: Scalars['String']['input'];
};


/** A user of either provider. Common fields are plain fields; fields only one provider has are nullable and say which. */
export type UserOrganizationInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<InvitationStatus>;
};


/** A user of either provider. Common fields are plain fields; fields only one provider has are nullable and say which. */
export type UserOrganizationMembershipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A user of either provider. Common fields are plain fields; fields only one provider has are nullable and say which. */
export type UserSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<SessionStatus>;
};

/** One change to one user, as `userChanged` sends it. */
export type UserChange = {
  __typename?: 'UserChange';
  /** When usergraph learnt of the change. */
  at: Scalars['DateTime']['output'];
  /** Where the user lives. */
  provider: Provider;
  /** What happened. */
  type: UserChangeType;
  /** The user as the provider has them now, read after the change; null once deleted (or gone by the time it is read). */
  user?: Maybe<User>;
  /** The user that changed: the id `User.id` returns. */
  userId: Scalars['ID']['output'];
};

/** What happened to a user. */
export type UserChangeType =
  /** The user was created. */
  | 'CREATED'
  /** The user no longer exists. */
  | 'DELETED'
  /** Something about the user changed (profile, metadata, ban, lock, MFA...). */
  | 'UPDATED';

/** A page of users. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<UserEdge>;
  /** Where this page sits, and the cursors to move from it. */
  pageInfo: PageInfo;
  /** How many users match in all (on Clerk it costs one more upstream call, made only when asked). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** A user in a page, with its cursor. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** An opaque position: pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: User;
};

/** Which users to list. Every field narrows the list; fields one provider lacks say so. */
export type UserFilter = {
  /** Clerk only: banned, or not. */
  banned?: InputMaybe<Scalars['Boolean']['input']>;
  /** Created within this range (Passage: one end only). */
  createdAt?: InputMaybe<TimeRange>;
  /** Clerk only: part of an e-mail address. */
  emailQuery?: InputMaybe<Scalars['String']['input']>;
  /** Passage only: e-mail verified, or not. */
  emailVerified?: InputMaybe<Scalars['Boolean']['input']>;
  /** Any of these e-mail addresses (Clerk: up to 100; Passage: one). */
  emails?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Clerk only: any of these external ids (up to 100). */
  externalIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Passage only: on the user id. */
  id?: InputMaybe<StringCondition>;
  /** Passage only: on the e-mail or phone. */
  identifier?: InputMaybe<StringCondition>;
  /** Clerk only: last active within this range. */
  lastActiveAt?: InputMaybe<TimeRange>;
  /** Last signed in within this range (Passage: one end only). */
  lastSignInAt?: InputMaybe<TimeRange>;
  /** Passage only: by number of sign-ins. */
  loginCount?: InputMaybe<IntCondition>;
  /** Clerk only: part of a first or last name. */
  nameQuery?: InputMaybe<Scalars['String']['input']>;
  /** Clerk only: members of any of these organizations (up to 100). */
  organizationIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Clerk only: part of a phone number. */
  phoneQuery?: InputMaybe<Scalars['String']['input']>;
  /** Any of these E.164 phone numbers (Clerk: up to 100; Passage: one). */
  phones?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Free text: Clerk searches ids, e-mails, phones, usernames and names; Passage the e-mail or phone. */
  query?: InputMaybe<Scalars['String']['input']>;
  /** Passage only: with this status. */
  status?: InputMaybe<ListedUserStatus>;
  /** Passage only: last changed within this range (one end). */
  updatedAt?: InputMaybe<TimeRange>;
  /** Clerk only: part of a username. */
  usernameQuery?: InputMaybe<Scalars['String']['input']>;
  /** Clerk only: any of these usernames (up to 100). */
  usernames?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Clerk only: any of these web3 wallet addresses (up to 100). */
  web3Wallets?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A user's second factors (Clerk only). `disableMfa`, `deleteTotp` and `deleteBackupCodes` change them. */
export type UserMfa = {
  __typename?: 'UserMfa';
  /** Whether the user has backup codes left. */
  backupCodes: Scalars['Boolean']['output'];
  /** Whether any second factor is on: signing in asks for one. */
  enabled: Scalars['Boolean']['output'];
  /** Whether an authenticator app (TOTP) is enrolled. */
  totp: Scalars['Boolean']['output'];
};

/** How to order a user list. */
export type UserOrder = {
  /** Which way. */
  direction?: InputMaybe<OrderDirection>;
  /** What to order by. */
  field: UserOrderField;
};

/** What a user list can be ordered by; each value says which provider has it. */
export type UserOrderField =
  /** Both providers (the default). */
  | 'CREATED_AT'
  /** Clerk only. */
  | 'EMAIL'
  /** Clerk only. */
  | 'FIRST_NAME'
  /** Passage only. */
  | 'ID'
  /** Clerk only. */
  | 'LAST_ACTIVE_AT'
  /** Clerk only. */
  | 'LAST_NAME'
  /** Both providers. */
  | 'LAST_SIGN_IN_AT'
  /** Passage only. */
  | 'LOGIN_COUNT'
  /** Clerk only. */
  | 'PHONE'
  /** Passage only. */
  | 'STATUS'
  /** Both providers. */
  | 'UPDATED_AT'
  /** Clerk only. */
  | 'USERNAME';

/** Whether a user can sign in, and why not. */
export type UserStatus =
  /** The user can sign in. */
  | 'ACTIVE'
  /** Clerk: banned by an admin; every session was revoked. */
  | 'BANNED'
  /** Passage: deactivated by an admin; the account exists but cannot sign in. */
  | 'INACTIVE'
  /** Clerk: locked after too many failed attempts, or by an admin. */
  | 'LOCKED'
  /** Passage: registration not completed. */
  | 'PENDING';

/** The user and the password to check. */
export type VerifyPasswordInput = {
  /** The password to check. Never logged or echoed. */
  password: Scalars['String']['input'];
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** Whether the password was right. */
export type VerifyPasswordPayload = {
  __typename?: 'VerifyPasswordPayload';
  /** True when it is the user's password. */
  verified: Scalars['Boolean']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type VerifyPasswordResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError | VerifyPasswordPayload;

/** The user and the code to check. */
export type VerifyTotpInput = {
  /** A 6-digit TOTP code or a backup code. Never logged or echoed. */
  code: Scalars['String']['input'];
  /** The user: the id `User.id` returns. */
  userId: Scalars['ID']['input'];
};

/** Whether the code was right, and what kind it was. */
export type VerifyTotpPayload = {
  __typename?: 'VerifyTotpPayload';
  /** The kind of code accepted; null when it was not. */
  codeType?: Maybe<TotpCodeType>;
  /** True when the code was accepted. */
  verified: Scalars['Boolean']['output'];
};

/** The value on success, or one of the typed errors this field can have (each implements `Error`). */
export type VerifyTotpResult = ConflictError | InvalidInputError | NotFoundError | RateLimitedError | UnsupportedError | VerifyTotpPayload;

/** A web3 wallet a user signs in with (Clerk only). */
export type Web3Wallet = {
  __typename?: 'Web3Wallet';
  /** The wallet address. */
  address: Scalars['String']['output'];
  /** Clerk's identification id of the wallet. */
  id: Scalars['ID']['output'];
  /** Whether it is the user's primary wallet. */
  primary: Scalars['Boolean']['output'];
  /** Whether the user proved they own it. */
  verified: Scalars['Boolean']['output'];
};

export type TrustedFirstUsersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type TrustedFirstUsersQuery = { __typename?: 'Query', users: { __typename: 'UserConnection', edges: Array<{ __typename?: 'UserEdge', node: { __typename?: 'User', id: string } }> } };

export type InvitationsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  status?: InputMaybe<InvitationStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type InvitationsQuery = { __typename?: 'Query', user?: { __typename?: 'User', organizationInvitations?: { __typename?: 'InvitationConnection', totalCount?: number | null, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'InvitationEdge', node: { __typename?: 'Invitation', id: string, emailAddress: string, role: string, status: InvitationStatus, createdAt: string, updatedAt: string, expiresAt?: string | null, organization: { __typename?: 'Organization', id: string, name: string, slug: string, imageUrl?: string | null, membersCount?: number | null, createdAt?: string | null } } }> } | null } | null };

export type MembershipsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MembershipsQuery = { __typename?: 'Query', user?: { __typename?: 'User', organizationMemberships?: { __typename?: 'MembershipConnection', totalCount?: number | null, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'MembershipEdge', cursor: string, node: { __typename?: 'Membership', id: string, role: string, roleName?: string | null, permissions: Array<string>, createdAt: string, updatedAt: string, organization: { __typename?: 'Organization', id: string, name: string, slug: string, imageUrl?: string | null, membersCount?: number | null, createdAt?: string | null } } }> } | null } | null };

export type SetImageMutationVariables = Exact<{
  input: SetProfileImageInput;
}>;


export type SetImageMutation = { __typename?: 'Mutation', setProfileImage?: { __typename: 'ConflictError', message: string, provider: string } | { __typename: 'InvalidInputError', message: string, provider: string, fields: Array<{ __typename?: 'FieldProblem', field: string, message: string }> } | { __typename: 'NotFoundError', message: string, provider: string } | { __typename: 'RateLimitedError', message: string, provider: string } | { __typename: 'SetProfileImagePayload', user: { __typename?: 'User', id: string, imageUrl?: string | null } } | { __typename: 'UnsupportedError', message: string, provider: string } | null };

export type NodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeQuery = { __typename?: 'Query', node?: { __typename: 'User', provider: Provider, email?: string | null, id: string } | null };

export type NodesQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type NodesQuery = { __typename?: 'Query', nodes: Array<{ __typename: 'User', provider: Provider, id: string } | null> };

export type TokensQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  provider: Scalars['String']['input'];
}>;


export type TokensQuery = { __typename?: 'Query', user?: { __typename?: 'User', oauthAccessTokens?: Array<{ __typename?: 'OAuthAccessToken', provider: string, externalAccountId: string, token: string, expiresAt?: string | null, scopes: Array<string>, label?: string | null }> | null } | null };

export type PageQueryVariables = Exact<{
  provider?: InputMaybe<Provider>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  orderBy?: InputMaybe<UserOrder>;
}>;


export type PageQuery = { __typename?: 'Query', users: { __typename: 'UserConnection', edges: Array<{ __typename?: 'UserEdge', cursor: string, node: { __typename?: 'User', id: string, provider: Provider } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type UserQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UserQuery = { __typename?: 'Query', user?: { __typename: 'User', id: string, provider: Provider, email?: string | null, status: UserStatus, createdAt: string, devices?: Array<{ __typename?: 'Device', id: string, name: string, kind: DeviceKind }> | null } | null };


export const TrustedFirstUsersDocument = {"__meta__":{"hash":"c7942d5f3e322dd787387b70599fbb45d7880aaa3043b92f3a73841f79857951"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrustedFirstUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"CLERK"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TrustedFirstUsersQuery, TrustedFirstUsersQueryVariables>;
export const InvitationsDocument = {"__meta__":{"hash":"cd8c9935a03ae612e1929e5b8dcc887e9567ef31b8c0379b6b46fe498e56fdea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invitations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InvitationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationInvitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"emailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"membersCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InvitationsQuery, InvitationsQueryVariables>;
export const MembershipsDocument = {"__meta__":{"hash":"722f31e05baeedbd3732a3ffc182d72c4b0a8595041dfed127c3755de97ee82e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Memberships"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationMemberships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleName"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"membersCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MembershipsQuery, MembershipsQueryVariables>;
export const SetImageDocument = {"__meta__":{"hash":"e6a5ae8e4ebee86df0af765abbc257596a72a2e825f0b2b1d89043582018bbed"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetProfileImageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setProfileImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SetProfileImagePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SetImageMutation, SetImageMutationVariables>;
export const NodeDocument = {"__meta__":{"hash":"14ecf8f916b6ce8c0aed669e1628ffd386c2ff7e713e5f683b8e5fec1475c477"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Node"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<NodeQuery, NodeQueryVariables>;
export const NodesDocument = {"__meta__":{"hash":"3e9b6678c0f79dabffebd52dd98effcb934c05b0e0c69db5b2d7618e007c4026"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Nodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]} as unknown as DocumentNode<NodesQuery, NodesQueryVariables>;
export const TokensDocument = {"__meta__":{"hash":"17628cd6f95505f2dcc69b3f57168eadebdbce69d21dd91ee5bdf1eabcfb75a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"oauthAccessTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"externalAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]} as unknown as DocumentNode<TokensQuery, TokensQueryVariables>;
export const PageDocument = {"__meta__":{"hash":"0077d0dc4ca4800b1cafde06d30adeaab20652c57e09ea80d98590d898641a36"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Page"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PageQuery, PageQueryVariables>;
export const UserDocument = {"__meta__":{"hash":"1b9fa41e69f14e1864bf7f7ff073768894ebf279b2288e308021cc4b77d49613"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"User"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<UserQuery, UserQueryVariables>;