/**
 * The Clerk provider: the port of `../types.ts` over Clerk's Backend API. Each operation is one
 * call (two for a list with its total), translated by map.ts and request.ts; what it offers beyond the core
 * operations is listed in traits.ts.
 */
import { baseUrl, nonEmpty } from '../../config/env.js';
import { ProviderError } from '../errors.js';
import { instanceIdentity, type ProviderModule } from '../module.js';
import type { Provider } from '../types.js';
import { createClerkClient, type ClerkClientOptions } from './client.js';
import {
  toCount,
  toInstanceLimits,
  toDevices,
  toActorToken,
  toIdentificationId,
  toIssuedActorToken,
  toInstanceInvitation,
  toInstanceInvitationPage,
  toInstanceInvitations,
  toInvitationPage,
  toListedIdentifier,
  toListedIdentifierPage,
  toMembershipPage,
  toOAuthAccessTokens,
  toPasswordVerified,
  toSession,
  toSessionPage,
  toTotpEnrollment,
  toTotpVerified,
  toTrustedDevice,
  toTrustedDevices,
  toUser,
  toUsers,
  expectDeleted,
  expectUserId,
} from './map.js';
import {
  createUserBody,
  identifierChangeBody,
  instanceInvitationBody,
  invitationStatusParam,
  newIdentifierBody,
  metadataBody,
  oauthProviderParam,
  orderByParam,
  pageParams,
  profileImageForm,
  sessionStatusParam,
  updateUserBody,
  userFilterQuery,
} from './request.js';
import { clerkTraits } from './traits.js';

/** The secret key, the API base (`https://api.clerk.com/v1`) and HTTP tuning. */
export type ClerkProviderOptions = ClerkClientOptions;

declare module '../types.js' {
  interface KnownProviders {
    clerk: ClerkProviderOptions;
  }
}

/**
 * Clerk allows a production instance 1000 requests per 10 s, counted per secret key. Starting at
 * most 900 leaves room for whatever else uses the same key (the application's own SDK calls, a
 * dashboard), so a wide GraphQL query waits here instead of running into 429s. A development
 * instance allows only 100 per 10 s: set `http.rateLimit` (USERGRAPH_CLERK_RATE_LIMIT) for one.
 */
export const CLERK_DEFAULT_RATE_LIMIT = { requests: 900, intervalMs: 10_000 };

/** Clerk as the programs know it: configured by `CLERK_SECRET_KEY` (and `CLERK_API_URL`). */
export const clerk: ProviderModule<'clerk'> = {
  traits: clerkTraits,
  defaultRateLimit: CLERK_DEFAULT_RATE_LIMIT,
  settingsFromEnv(env) {
    const secretKey = nonEmpty(env.CLERK_SECRET_KEY);
    if (secretKey === undefined) return undefined;
    return { secretKey, apiUrl: baseUrl(env, 'CLERK_API_URL', 'https://api.clerk.com/v1') };
  },
  create: (settings) => createClerkProvider(settings),
  identity: ({ apiUrl, secretKey }) => instanceIdentity(apiUrl, secretKey),
  embedded: (emulator) => ({ secretKey: emulator.keys.clerkSecretKey, apiUrl: emulator.clerkUrl }),
};

export function createClerkProvider(options: ClerkProviderOptions): Provider {
  const client = createClerkClient({
    ...options,
    http: { rateLimit: CLERK_DEFAULT_RATE_LIMIT, ...options.http },
  });
  const ownsUserId = (id: string) => id.startsWith('user_');

  return {
    ...clerkTraits,
    ownsUserId,

    async getUsers(ids, call = {}) {
      // An id that cannot be Clerk's would only make Clerk answer nothing for it.
      const wanted = [...new Set(ids)].filter(ownsUserId);
      const perCall = clerkTraits.limits.maxUsersPerCall;
      const chunks = Array.from({ length: Math.ceil(wanted.length / perCall) }, (_, i) =>
        wanted.slice(i * perCall, (i + 1) * perCall),
      );
      const pages = await Promise.all(
        chunks.map(async (chunk) =>
          toUsers(await client.listUsers({ user_id: chunk, limit: chunk.length }, call)),
        ),
      );
      return new Map(pages.flat().map((user) => [user.id, user]));
    },

    async findUserByIdentifier(identifier, call = {}) {
      // Clerk ignores an empty filter value and would answer some user.
      if (identifier.trim() === '') return null;
      const param = identifier.includes('@') ? 'email_address' : 'phone_number';
      const [user] = toUsers(await client.listUsers({ [param]: [identifier], limit: 1 }, call));
      return user ?? null;
    },

    async listUsers(filter, page, order, { withTotal = false, ...call } = {}) {
      const filters = userFilterQuery(filter);
      const query = { ...filters, ...pageParams(page), order_by: orderByParam(order) };
      // Clerk's list has no total: it comes from /users/count, paid for only when asked.
      const [items, totalCount] = await Promise.all([
        client.listUsers(query, call).then(toUsers),
        withTotal ? client.countUsers(filters, call).then(toCount) : undefined,
      ]);
      return totalCount === undefined ? { items } : { items, totalCount };
    },

    countUsers: async (filter, call = {}) => toCount(await client.countUsers(userFilterQuery(filter), call)),

    instanceLimits: async (call = {}) => toInstanceLimits(await client.getInstance(call)),

    createUser: async (input, call = {}) => toUser(await client.createUser(createUserBody(input), call)),

    updateUser: async (id, input, call = {}) =>
      toUser(await client.updateUser(id, updateUserBody(input), call)),

    deleteUser: async (id, call = {}) => expectDeleted(await client.deleteUser(id, call)),

    updateUserMetadata: async (id, patch, call = {}) =>
      toUser(await client.mergeMetadata(id, metadataBody(patch), call)),

    listDevices: async (userId, call = {}) => toDevices(await client.getUser(userId, call)),

    deleteDevice: async (userId, deviceId, call = {}) =>
      expectDeleted(await client.deletePasskey(userId, deviceId, call)),

    banUser: async (id, call = {}) => toUser(await client.banUser(id, call)),
    unbanUser: async (id, call = {}) => toUser(await client.unbanUser(id, call)),
    banUsers: async (ids, call = {}) => bulk(ids, (chunk) => client.banUsers(chunk, call)),
    unbanUsers: async (ids, call = {}) => bulk(ids, (chunk) => client.unbanUsers(chunk, call)),
    lockUser: async (id, call = {}) => toUser(await client.lockUser(id, call)),
    unlockUser: async (id, call = {}) => toUser(await client.unlockUser(id, call)),

    async signOutUser(id, call = {}) {
      // One page of active sessions, one past the bound to tell whether any would be left.
      const most = clerkTraits.limits.maxSessionsPerSignOut!;
      const query = { user_id: id, status: 'active', limit: most + 1, offset: 0 };
      const active = toSessionPage(await client.listSessions(query, call)).items.map((s) => s.id);
      await Promise.all(
        active
          .slice(0, most)
          .map(async (sessionId) => toSession(await client.revokeSession(sessionId, call))),
      );
      if (active.length > most) {
        throw new ProviderError({
          provider: 'clerk',
          code: 'CONFLICT',
          message: `revoked ${most} active sessions, the most one signOutUser ends; more remain: call signOutUser again`,
        });
      }
    },

    listInstanceInvitations: async ({ status, query }, page, call = {}) =>
      toInstanceInvitationPage(
        await client.listInvitations(
          { status: invitationStatusParam(status), query, ...pageParams(page) },
          call,
        ),
      ),

    async createInstanceInvitations(invitations, call = {}) {
      const bodies = invitations.map(instanceInvitationBody);
      // One invitation goes to the single endpoint, which Clerk allows four times as often.
      if (bodies.length === 1) return [toInstanceInvitation(await client.createInvitation(bodies[0]!, call))];
      return toInstanceInvitations(await client.createInvitations(bodies, call));
    },

    revokeInstanceInvitation: async (id, call = {}) =>
      toInstanceInvitation(await client.revokeInvitation(id, call)),

    listAllowlistIdentifiers: async (page, call = {}) =>
      toListedIdentifierPage(
        await client.listAllowlistIdentifiers({ paginated: true, ...pageParams(page) }, call),
      ),
    createAllowlistIdentifier: async ({ identifier, notify }, call = {}) =>
      toListedIdentifier(await client.createAllowlistIdentifier({ identifier, notify }, call)),
    deleteAllowlistIdentifier: async (id, call = {}) =>
      expectDeleted(await client.deleteAllowlistIdentifier(id, call)),

    async listBlocklistIdentifiers(page, call = {}) {
      const answer = toListedIdentifierPage(await client.listBlocklistIdentifiers(pageParams(page), call));
      // The spec gives the blocklist no paging parameters: an answer holding the whole list
      // (as many entries as its total) is paged here, so a later page never repeats the first.
      if (answer.items.length !== answer.totalCount) return answer;
      return { ...answer, items: answer.items.slice(page.offset, page.offset + page.limit) };
    },
    createBlocklistIdentifier: async ({ identifier }, call = {}) =>
      toListedIdentifier(await client.createBlocklistIdentifier({ identifier }, call)),
    deleteBlocklistIdentifier: async (id, call = {}) =>
      expectDeleted(await client.deleteBlocklistIdentifier(id, call)),

    listTrustedDevices: async (userId, call = {}) =>
      toTrustedDevices(userId, await client.listTrustedDevices(userId, call)),
    revokeTrustedDevice: async (userId, deviceId, call = {}) =>
      toTrustedDevice(userId, await client.revokeTrustedDevice(userId, deviceId, call)),

    createActorToken: async (userId, { actorId, expiresInSeconds, sessionMaxDurationInSeconds }, call = {}) =>
      toIssuedActorToken(
        await client.createActorToken(
          {
            user_id: userId,
            actor: { sub: actorId },
            expires_in_seconds: expiresInSeconds,
            session_max_duration_in_seconds: sessionMaxDurationInSeconds,
          },
          call,
        ),
      ),
    revokeActorToken: async (id, call = {}) => toActorToken(await client.revokeActorToken(id, call)),

    listSessions: async (userId, page, status, call = {}) =>
      toSessionPage(
        await client.listSessions(
          { user_id: userId, status: sessionStatusParam(status), ...pageParams(page) },
          call,
        ),
      ),

    revokeSession: async (sessionId, call = {}) => toSession(await client.revokeSession(sessionId, call)),

    setProfileImage: async (id, image, call = {}) =>
      toUser(await client.setProfileImage(id, profileImageForm(image), call)),
    deleteProfileImage: async (id, call = {}) => toUser(await client.deleteProfileImage(id, call)),

    async createTotp(id, call = {}) {
      try {
        return toTotpEnrollment(await client.createTotp(id, call));
      } catch (error) {
        // Clerk's Backend API has no such route: a 404 for a user who exists means the route.
        if (!(error instanceof ProviderError) || error.code !== 'NOT_FOUND') throw error;
        toUser(await client.getUser(id, call));
        throw new ProviderError({
          provider: 'clerk',
          code: 'UNSUPPORTED',
          message:
            "Clerk's Backend API has no POST /users/{id}/totp: an authenticator is enrolled by the user (Frontend API)",
        });
      }
    },
    deleteTotp: async (id, call = {}) => expectUserId(await client.deleteTotp(id, call)),
    deleteBackupCodes: async (id, call = {}) => expectUserId(await client.deleteBackupCodes(id, call)),
    disableMfa: async (id, call = {}) => expectUserId(await client.disableMfa(id, call)),

    removePassword: async (id, { signOut, ...call } = {}) =>
      toUser(await client.removePassword(id, { sign_out_of_other_sessions: signOut }, call)),
    setPasswordCompromised: async (id, { signOut, ...call } = {}) =>
      toUser(await client.setPasswordCompromised(id, { revoke_all_sessions: signOut }, call)),
    unsetPasswordCompromised: async (id, call = {}) =>
      toUser(await client.unsetPasswordCompromised(id, call)),

    addEmailAddress: async (userId, input, call = {}) =>
      toIdentificationId(
        await client.createEmailAddress(newIdentifierBody(userId, 'email_address', input), call),
      ),
    updateEmailAddress: async (id, change, call = {}) =>
      void toIdentificationId(await client.updateEmailAddress(id, identifierChangeBody(change), call)),
    deleteEmailAddress: async (id, call = {}) => expectDeleted(await client.deleteEmailAddress(id, call)),
    addPhoneNumber: async (userId, input, call = {}) =>
      toIdentificationId(
        await client.createPhoneNumber(newIdentifierBody(userId, 'phone_number', input), call),
      ),
    updatePhoneNumber: async (id, change, call = {}) =>
      void toIdentificationId(await client.updatePhoneNumber(id, identifierChangeBody(change), call)),
    deletePhoneNumber: async (id, call = {}) => expectDeleted(await client.deletePhoneNumber(id, call)),

    deleteExternalAccount: async (userId, accountId, call = {}) =>
      expectDeleted(await client.deleteExternalAccount(userId, accountId, call)),
    deleteWeb3Wallet: async (userId, walletId, call = {}) =>
      expectDeleted(await client.deleteWeb3Wallet(userId, walletId, call)),

    listMemberships: async (userId, page, call = {}) =>
      toMembershipPage(userId, await client.listOrganizationMemberships(userId, pageParams(page), call)),

    listInvitations: async (userId, page, status, call = {}) =>
      toInvitationPage(
        await client.listOrganizationInvitations(
          userId,
          { ...pageParams(page), status: invitationStatusParam(status) },
          call,
        ),
      ),

    async getOAuthAccessTokens(userId, provider, call = {}) {
      // A user has one token per account of a provider: one page of 500 holds them all.
      const query = { paginated: true, limit: 500 };
      return toOAuthAccessTokens(
        await client.getOAuthAccessTokens(userId, oauthProviderParam(provider), query, call),
      );
    },

    async verifyPassword(userId, password, call = {}) {
      try {
        return toPasswordVerified(await client.verifyPassword(userId, password, call));
      } catch (error) {
        if (isWrongSecret(error)) return false;
        throw error;
      }
    },

    async verifyTotp(userId, code, call = {}) {
      try {
        return toTotpVerified(await client.verifyTotp(userId, code, call));
      } catch (error) {
        if (isWrongSecret(error)) return { verified: false, codeType: null };
        throw error;
      }
    },

    close: () => client.close(),
  };
}

/** Ids in chunks of what one bulk call takes, all chunks concurrent, the users in input order. */
async function bulk(ids: readonly string[], send: (chunk: string[]) => Promise<unknown>) {
  const perCall = clerkTraits.limits.maxBulkModerationIds!;
  const unique = [...new Set(ids)];
  const chunks = Array.from({ length: Math.ceil(unique.length / perCall) }, (_, i) =>
    unique.slice(i * perCall, (i + 1) * perCall),
  );
  return (await Promise.all(chunks.map(async (chunk) => toUsers(await send(chunk))))).flat();
}

/**
 * A wrong password or code: the spec documents verify_password's and verify_totp's 422 for that
 * alone (its error code is not documented, so the status decides). A user with no password or no
 * TOTP is a 400 and stays an error.
 */
const isWrongSecret = (error: unknown) => error instanceof ProviderError && error.status === 422;
