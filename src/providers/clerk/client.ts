/**
 * Clerk's Backend API, one function per endpoint usergraph calls, over the shared `HttpClient`.
 * Each answers the response body unparsed: nothing is trusted until map.ts has parsed it.
 *
 * Calls safe to send twice say so (`idempotent: true`), so the HTTP layer may retry them: reads,
 * deletes, ban/unban, lock/unlock, the metadata merge and the profile image. Creates and the
 * verify_* calls are never repeated (a verify spends an attempt, and a backup code works once).
 */
import { endpoint, join, type Endpoint } from '../endpoint.js';
import { HttpClient, type HttpRequest, type Query } from '../http.js';
import type { CallOptions } from '../types.js';
import type { ProviderSettings } from '../module.js';
import { decodeClerkError } from './errors.js';

/** The API version @clerk/backend pins; from it on, `PATCH /users/{id}` takes no metadata. */
export const CLERK_API_VERSION = '2026-05-12';

export interface ClerkClientOptions extends ProviderSettings {
  secretKey: string;
}

export type ClerkClient = ReturnType<typeof createClerkClient>;

export function createClerkClient({ secretKey, apiUrl, http: tuning }: ClerkClientOptions) {
  const http = new HttpClient({
    provider: 'clerk',
    baseUrl: apiUrl,
    headers: { authorization: `Bearer ${secretKey}`, 'clerk-api-version': CLERK_API_VERSION },
    decodeError: decodeClerkError,
    ...tuning,
  });
  const send = async (req: HttpRequest): Promise<unknown> => (await http.request(req)).body;
  // A fixed path such as `/users` holds no id: it is its own route.
  const get = (target: Endpoint | string, query: Query | undefined, call: CallOptions) =>
    send({ method: 'GET', ...join(target), query, ...call });
  const remove = (target: Endpoint | string, call: CallOptions) =>
    send({ method: 'DELETE', ...join(target), ...call });
  const post = (target: Endpoint | string, json: unknown, idempotent: boolean, call: CallOptions) =>
    send({ method: 'POST', ...join(target), json, idempotent, ...call });

  return {
    listUsers: (query: Query, call: CallOptions) => get('/users', query, call),
    countUsers: (query: Query, call: CallOptions) => get('/users/count', query, call),
    getInstance: (call: CallOptions) => get('/instance', undefined, call),
    getUser: (userId: string, call: CallOptions) => get(endpoint`/users/${userId}`, undefined, call),
    createUser: (body: object, call: CallOptions) => post('/users', body, false, call),
    updateUser: (userId: string, body: object, call: CallOptions) =>
      send({ method: 'PATCH', ...endpoint`/users/${userId}`, json: body, ...call }),
    deleteUser: (userId: string, call: CallOptions) => remove(endpoint`/users/${userId}`, call),
    // A deep merge: sending the same patch twice leaves the same metadata.
    mergeMetadata: (userId: string, body: object, call: CallOptions) =>
      send({
        method: 'PATCH',
        ...endpoint`/users/${userId}/metadata`,
        json: body,
        idempotent: true,
        ...call,
      }),

    banUser: (userId: string, call: CallOptions) =>
      post(endpoint`/users/${userId}/ban`, undefined, true, call),
    unbanUser: (userId: string, call: CallOptions) =>
      post(endpoint`/users/${userId}/unban`, undefined, true, call),
    banUsers: (userIds: readonly string[], call: CallOptions) =>
      post('/users/ban', { user_ids: userIds }, true, call),
    unbanUsers: (userIds: readonly string[], call: CallOptions) =>
      post('/users/unban', { user_ids: userIds }, true, call),
    lockUser: (userId: string, call: CallOptions) =>
      post(endpoint`/users/${userId}/lock`, undefined, true, call),
    unlockUser: (userId: string, call: CallOptions) =>
      post(endpoint`/users/${userId}/unlock`, undefined, true, call),

    setProfileImage: (userId: string, form: FormData, call: CallOptions) =>
      send({ method: 'POST', ...endpoint`/users/${userId}/profile_image`, form, idempotent: true, ...call }),
    deleteProfileImage: (userId: string, call: CallOptions) =>
      remove(endpoint`/users/${userId}/profile_image`, call),

    // Each call replaces the authenticator with a new secret: a repeat would hand out another one.
    createTotp: (userId: string, call: CallOptions) =>
      post(endpoint`/users/${userId}/totp`, undefined, false, call),
    deleteTotp: (userId: string, call: CallOptions) => remove(endpoint`/users/${userId}/totp`, call),
    deleteBackupCodes: (userId: string, call: CallOptions) =>
      remove(endpoint`/users/${userId}/backup_code`, call),
    disableMfa: (userId: string, call: CallOptions) => remove(endpoint`/users/${userId}/mfa`, call),

    deletePasskey: (userId: string, passkeyId: string, call: CallOptions) =>
      remove(endpoint`/users/${userId}/passkeys/${passkeyId}`, call),
    deleteExternalAccount: (userId: string, accountId: string, call: CallOptions) =>
      remove(endpoint`/users/${userId}/external_accounts/${accountId}`, call),
    deleteWeb3Wallet: (userId: string, walletId: string, call: CallOptions) =>
      remove(endpoint`/users/${userId}/web3_wallets/${walletId}`, call),

    listOrganizationMemberships: (userId: string, query: Query, call: CallOptions) =>
      get(endpoint`/users/${userId}/organization_memberships`, query, call),
    listOrganizationInvitations: (userId: string, query: Query, call: CallOptions) =>
      get(endpoint`/users/${userId}/organization_invitations`, query, call),
    /** `provider` with its prefix, e.g. `oauth_google`. */
    getOAuthAccessTokens: (userId: string, provider: string, query: Query, call: CallOptions) =>
      get(endpoint`/users/${userId}/oauth_access_tokens/${provider}`, query, call),

    // Each leaves the same state when repeated.
    removePassword: (userId: string, body: object, call: CallOptions) =>
      post(endpoint`/users/${userId}/remove_password`, body, true, call),
    setPasswordCompromised: (userId: string, body: object, call: CallOptions) =>
      post(endpoint`/users/${userId}/password/set_compromised`, body, true, call),
    unsetPasswordCompromised: (userId: string, call: CallOptions) =>
      post(endpoint`/users/${userId}/password/unset_compromised`, undefined, true, call),

    // Creating an identifier twice would fail the second time as taken: never repeated.
    createEmailAddress: (body: object, call: CallOptions) => post('/email_addresses', body, false, call),
    updateEmailAddress: (id: string, body: object, call: CallOptions) =>
      send({ method: 'PATCH', ...endpoint`/email_addresses/${id}`, json: body, idempotent: true, ...call }),
    deleteEmailAddress: (id: string, call: CallOptions) => remove(endpoint`/email_addresses/${id}`, call),
    createPhoneNumber: (body: object, call: CallOptions) => post('/phone_numbers', body, false, call),
    updatePhoneNumber: (id: string, body: object, call: CallOptions) =>
      send({ method: 'PATCH', ...endpoint`/phone_numbers/${id}`, json: body, idempotent: true, ...call }),
    deletePhoneNumber: (id: string, call: CallOptions) => remove(endpoint`/phone_numbers/${id}`, call),

    listInvitations: (query: Query, call: CallOptions) => get('/invitations', query, call),
    // A repeat would invite twice (or fail as already invited): never repeated.
    createInvitation: (body: object, call: CallOptions) => post('/invitations', body, false, call),
    createInvitations: (body: object[], call: CallOptions) => post('/invitations/bulk', body, false, call),
    revokeInvitation: (invitationId: string, call: CallOptions) =>
      post(endpoint`/invitations/${invitationId}/revoke`, undefined, false, call),

    listAllowlistIdentifiers: (query: Query, call: CallOptions) => get('/allowlist_identifiers', query, call),
    // A repeat would fail as already listed (and could send a second invitation): never repeated.
    createAllowlistIdentifier: (body: object, call: CallOptions) =>
      post('/allowlist_identifiers', body, false, call),
    deleteAllowlistIdentifier: (id: string, call: CallOptions) =>
      remove(endpoint`/allowlist_identifiers/${id}`, call),
    listBlocklistIdentifiers: (query: Query, call: CallOptions) => get('/blocklist_identifiers', query, call),
    createBlocklistIdentifier: (body: object, call: CallOptions) =>
      post('/blocklist_identifiers', body, false, call),
    deleteBlocklistIdentifier: (id: string, call: CallOptions) =>
      remove(endpoint`/blocklist_identifiers/${id}`, call),

    listTrustedDevices: (userId: string, call: CallOptions) =>
      get(endpoint`/users/${userId}/trusted_devices`, undefined, call),
    // A DELETE that answers the revoked device; revoking it again leaves it revoked.
    revokeTrustedDevice: (userId: string, deviceId: string, call: CallOptions) =>
      remove(endpoint`/users/${userId}/trusted_devices/${deviceId}`, call),

    // Each call issues another token: never repeated.
    createActorToken: (body: object, call: CallOptions) => post('/actor_tokens', body, false, call),
    revokeActorToken: (id: string, call: CallOptions) =>
      post(endpoint`/actor_tokens/${id}/revoke`, undefined, false, call),

    listSessions: (query: Query, call: CallOptions) => get('/sessions', query, call),
    // Revoking a revoked session leaves it revoked.
    revokeSession: (sessionId: string, call: CallOptions) =>
      post(endpoint`/sessions/${sessionId}/revoke`, undefined, true, call),

    verifyPassword: (userId: string, password: string, call: CallOptions) =>
      post(endpoint`/users/${userId}/verify_password`, { password }, false, call),
    verifyTotp: (userId: string, code: string, call: CallOptions) =>
      post(endpoint`/users/${userId}/verify_totp`, { code }, false, call),

    close: () => http.close(),
  };
}
