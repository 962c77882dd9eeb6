/**
 * Users: create, get, update, delete, activate, deactivate ([PS] `Users` tag). Every answer is
 * `{"user": UserInfo}` except delete (200, empty body). A request that fails validation changes
 * nothing: it is checked in full before the first write.
 *
 * Decisions where the spec is silent:
 * - A user created here is `active` (an admin created it, so it may log in), with nothing
 *   verified, no login (`login_count` 0, `last_login_at` Go's zero time) and no devices.
 * - An e-mail or phone already held by another user is a 409 `identifier_already_exists`.
 * - Changing an e-mail or phone un-verifies it; `updated_at` moves only when something changed.
 * - Activate and deactivate are idempotent; activating a pending user makes it active.
 */
import type { EmulatorRequest, EmulatorResponse, Route } from '../../provider.js';
import { identifierTaken, invalidRequest, userNotFound } from '../errors.js';
import { toUserInfo } from '../serialize.js';
import { NEVER, type PassageState, type StoredUser, type UserStatus } from '../state.js';
import { mergeMetadata, parseUserInput, type UserInput } from '../user-input.js';

export function userRoutes(state: PassageState): Route[] {
  const answer = (status: number, user: StoredUser): EmulatorResponse => ({
    status,
    body: { user: toUserInfo(user, state.devicesOf(user.id)) },
  });

  /** The user a route's `{user_id}` names; ids are compared as given, so `../x` finds no one. */
  const withUser =
    (handle: (user: StoredUser, req: EmulatorRequest) => EmulatorResponse) =>
    (req: EmulatorRequest): EmulatorResponse => {
      const user = state.users.get(req.params.user_id ?? '');
      return user ? handle(user, req) : userNotFound();
    };

  /** A 409 when another user holds the e-mail or phone in `input`. */
  function conflict(input: UserInput, self?: StoredUser): EmulatorResponse | undefined {
    const emailOwner = input.email ? state.userByEmail(input.email) : undefined;
    if (emailOwner && emailOwner !== self) return identifierTaken('email');
    const phoneOwner = input.phone ? state.userByPhone(input.phone) : undefined;
    if (phoneOwner && phoneOwner !== self) return identifierTaken('phone');
    return undefined;
  }

  function setStatus(user: StoredUser, status: UserStatus): EmulatorResponse {
    if (user.status !== status) {
      user.status = status;
      user.updatedAt = Date.now();
    }
    return answer(200, user);
  }

  return [
    {
      method: 'POST',
      template: '/apps/{app_id}/users',
      handle(req) {
        const parsed = parseUserInput(req.json());
        if (!parsed.ok) return parsed.response;
        const { input } = parsed;
        if (!input.email && !input.phone) return invalidRequest('identifier: email or phone is required.');
        const refused = conflict(input);
        if (refused) return refused;
        const now = Date.now();
        const user: StoredUser = {
          id: state.newId(),
          email: input.email ?? '',
          emailVerified: false,
          phone: input.phone ?? '',
          phoneVerified: false,
          externalId: '',
          status: 'active',
          createdAt: now,
          updatedAt: now,
          lastLoginAt: NEVER,
          loginCount: 0,
          userMetadata: input.userMetadata ?? null,
          recentEvents: [],
          socialConnections: {},
          refreshTokenRevocations: 0,
          refreshTokensRevokedAt: null,
        };
        state.insert(user);
        return answer(201, user);
      },
    },
    {
      method: 'GET',
      template: '/apps/{app_id}/users/{user_id}',
      handle: withUser((user) => answer(200, user)),
    },
    {
      method: 'PATCH',
      template: '/apps/{app_id}/users/{user_id}',
      handle: withUser((user, req) => {
        const parsed = parseUserInput(req.json());
        if (!parsed.ok) return parsed.response;
        const { input } = parsed;
        const refused = conflict(input, user);
        if (refused) return refused;
        const before = JSON.stringify(user);
        if (input.email !== undefined && input.email !== user.email) user.emailVerified = false;
        if (input.phone !== undefined && input.phone !== user.phone) user.phoneVerified = false;
        state.setIdentifiers(user, input);
        if (input.userMetadata !== undefined)
          user.userMetadata = mergeMetadata(user.userMetadata, input.userMetadata);
        if (JSON.stringify(user) !== before) user.updatedAt = Date.now();
        return answer(200, user);
      }),
    },
    {
      method: 'DELETE',
      template: '/apps/{app_id}/users/{user_id}',
      handle: withUser((user) => {
        state.delete(user);
        return { status: 200 };
      }),
    },
    {
      method: 'PATCH',
      template: '/apps/{app_id}/users/{user_id}/activate',
      handle: withUser((user) => setStatus(user, 'active')),
    },
    {
      method: 'PATCH',
      template: '/apps/{app_id}/users/{user_id}/deactivate',
      handle: withUser((user) => setStatus(user, 'inactive')),
    },
  ];
}
