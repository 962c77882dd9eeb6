/**
 * Which Clerk requests change a user, and the `user.*` event Clerk sends for each: a successful
 * write under `/users` changes that user (checks such as verify_password change nothing), and
 * `data` is the user's JSON as `GET /users/{id}` would answer it now.
 */
import type { EmulatorRequest, EmulatorResponse, UserEvent } from '../provider.js';
import { deletedObject, serializeUser } from './serialize.js';
import type { ClerkState } from './state.js';

const NOT_CHANGES = new Set(['/users/{user_id}/verify_password', '/users/{user_id}/verify_totp']);

export function clerkUserEvent(
  state: ClerkState,
  route: string,
  req: Pick<EmulatorRequest, 'method' | 'params'>,
  answer: EmulatorResponse,
): UserEvent | undefined {
  if (req.method === 'GET' || answer.status >= 300 || !route.startsWith('/users')) return undefined;
  if (NOT_CHANGES.has(route)) return undefined;
  if (route === '/users' && req.method === 'POST') {
    return { type: 'user.created', data: answer.body };
  }
  const userId = req.params.user_id;
  if (userId === undefined) return undefined;
  if (route === '/users/{user_id}' && req.method === 'DELETE') {
    return { type: 'user.deleted', data: deletedObject('user', userId) };
  }
  const user = state.users.get(userId);
  return user && { type: 'user.updated', data: serializeUser(user) };
}
