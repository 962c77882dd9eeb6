/** What Clerk's Backend API bounds and offers, as data (see `ProviderTraits`). */
import type { OptionalOperation, ProviderTraits, UserFilterField } from '../types.js';

/** The `UserFilter` fields `GET /users` can express; request.ts maps each to its parameter. */
export const CLERK_FILTERS = [
  'ids',
  'emails',
  'phones',
  'externalIds',
  'usernames',
  'web3Wallets',
  'organizationIds',
  'query',
  'emailQuery',
  'phoneQuery',
  'usernameQuery',
  'nameQuery',
  'banned',
  'lastActiveAt',
  'createdAt',
  'lastSignInAt',
] as const satisfies readonly UserFilterField[];

const CAPABILITIES: readonly OptionalOperation[] = [
  'banUser',
  'unbanUser',
  'banUsers',
  'unbanUsers',
  'lockUser',
  'unlockUser',
  'signOutUser',
  'listInstanceInvitations',
  'createInstanceInvitations',
  'revokeInstanceInvitation',
  'listAllowlistIdentifiers',
  'createAllowlistIdentifier',
  'deleteAllowlistIdentifier',
  'listBlocklistIdentifiers',
  'createBlocklistIdentifier',
  'deleteBlocklistIdentifier',
  'listTrustedDevices',
  'revokeTrustedDevice',
  'createActorToken',
  'revokeActorToken',
  'listSessions',
  'revokeSession',
  'setProfileImage',
  'deleteProfileImage',
  'createTotp',
  'deleteTotp',
  'deleteBackupCodes',
  'disableMfa',
  'removePassword',
  'setPasswordCompromised',
  'unsetPasswordCompromised',
  'addEmailAddress',
  'updateEmailAddress',
  'deleteEmailAddress',
  'addPhoneNumber',
  'updatePhoneNumber',
  'deletePhoneNumber',
  'deleteExternalAccount',
  'deleteWeb3Wallet',
  'listMemberships',
  'listInvitations',
  'getOAuthAccessTokens',
  'verifyPassword',
  'verifyTotp',
];

export const clerkTraits: ProviderTraits & { readonly name: 'clerk' } = {
  name: 'clerk',
  label: 'Clerk',
  description: "Clerk's Backend API. User ids start with `user_`.",
  limits: {
    maxPageSize: 500,
    // `GET /users` takes up to 100 values per filter, `user_id` included.
    maxUsersPerCall: 100,
    maxFilterValuesPerCall: 100,
    // Each of the three metadata objects.
    maxMetadataBytes: 8 * 1024,
    maxProfileImageBytes: 10 * 1024 * 1024,
    // `POST /users/ban` and `/users/unban` take 1–50 `user_ids`.
    maxBulkModerationIds: 50,
    // `POST /invitations/bulk` takes 1–10.
    maxInvitationsPerCall: 10,
    // One list of active sessions, then one revoke each: far more than people keep signed in.
    maxSessionsPerSignOut: 100,
  },
  extraCalls: {
    // Its list has no total: that is `GET /users/count`, paid for only when asked.
    listTotal: 1,
    // A user's passkeys come with the user.
    devicesOfListedUser: 0,
    // Offset paging: any cursor is one call.
    pageAtCursor: 0,
  },
  changeWebhooks: true,
  capabilities: new Set(CAPABILITIES),
  filters: new Set(CLERK_FILTERS),
};
