/**
 * Which Clerk requests change a user, and the `user.*` events Clerk sends for them: a successful
 * write under `/users/{user_id}` changes that user (checks such as verify_password change
 * nothing); a write elsewhere changes the users its handler names (`changedUsers`: an e-mail
 * address's or phone number's owner, the users of a bulk ban). `data` is the user's JSON as
 * `GET /users/{id}` would answer it now. Sessions, invitations and actor tokens are not part of
 * the user's JSON, so they send none (Clerk sends `session.*` events for them).
 */
import type { EmulatorRequest, EmulatorResponse, UserEvent } from '../provider.js';
import { deletedObject, serializeUser } from './serialize.js';
import type { ClerkState } from './state.js';

const NOT_CHANGES = new Set(['/users/{user_id}/verify_password', '/users/{user_id}/verify_totp']);

export function clerkUserEvents(
  state: ClerkState,
  route: string,
  req: Pick<EmulatorRequest, 'method' | 'params'>,
  answer: EmulatorResponse,
): UserEvent[] {
  if (req.method === 'GET' || answer.status >= 300 || NOT_CHANGES.has(route)) return [];
  if (route === '/users' && req.method === 'POST') return [{ type: 'user.created', data: answer.body }];
  const userId = route.startsWith('/users/{user_id}') ? req.params.user_id : undefined;
  if (userId !== undefined && route === '/users/{user_id}' && req.method === 'DELETE') {
    return [{ type: 'user.deleted', data: deletedObject('user', userId) }];
  }
  const changed = new Set([...(userId === undefined ? [] : [userId]), ...(answer.changedUsers ?? [])]);
  return [...changed].flatMap((id) => {
    const user = state.users.get(id);
    return user ? [{ type: 'user.updated' as const, data: serializeUser(user) }] : [];
  });
}
