/**
 * Who may sign in: Clerk's ban and lock, Passage's deactivate, and sign-out on both. They are kept apart
 * rather than merged because they mean different things upstream: a Clerk ban also revokes every
 * session and is shown to the user as "banned", a lock is what failed attempts do and may expire
 * on its own, and Passage's deactivate only blocks sign-in. Each is `UnsupportedError` on the
 * provider that has no such action.
 */
import { PROVIDER_TRAITS } from '../../providers/catalog.js';
import { operation } from '../../providers/registry.js';
import type { ProviderName } from '../../providers/types.js';
import { defineUserAction, defineUserEffect } from './define.js';
import { offeredBy, unsupportedOn } from '../support.js';

defineUserAction({
  name: 'banUser',
  input: 'BanUserInput',
  payload: 'BanUserPayload',
  result: 'BanUserResult',
  description: `Ban a user (${offeredBy('banUser')}): every session is revoked and signing in is refused until \`unbanUser\`. ${unsupportedOn('banUser')}: use \`deactivateUser\`.`,
  run: (provider, id, call) => operation(provider, 'banUser')(id, call),
});

defineUserAction({
  name: 'unbanUser',
  input: 'UnbanUserInput',
  payload: 'UnbanUserPayload',
  result: 'UnbanUserResult',
  description: `Unban a user (${offeredBy('unbanUser')}), so they can sign in again. ${unsupportedOn('unbanUser')}: use \`activateUser\`.`,
  run: (provider, id, call) => operation(provider, 'unbanUser')(id, call),
});

defineUserAction({
  name: 'lockUser',
  input: 'LockUserInput',
  payload: 'LockUserPayload',
  result: 'LockUserResult',
  description: `Lock a user (${offeredBy('lockUser')}) as too many failed sign-ins would, until \`unlockUser\` or the instance's lockout period ends. ${unsupportedOn('lockUser')}.`,
  run: (provider, id, call) => operation(provider, 'lockUser')(id, call),
});

defineUserAction({
  name: 'unlockUser',
  input: 'UnlockUserInput',
  payload: 'UnlockUserPayload',
  result: 'UnlockUserResult',
  description: `Unlock a locked user (${offeredBy('unlockUser')}). ${unsupportedOn('unlockUser')}.`,
  run: (provider, id, call) => operation(provider, 'unlockUser')(id, call),
});

defineUserAction({
  name: 'activateUser',
  input: 'ActivateUserInput',
  payload: 'ActivateUserPayload',
  result: 'ActivateUserResult',
  description: `Activate a deactivated user (${offeredBy('activateUser')}), so they can sign in again. ${unsupportedOn('activateUser')}: use \`unbanUser\` or \`unlockUser\`.`,
  run: (provider, id, call) => operation(provider, 'activateUser')(id, call),
});

defineUserAction({
  name: 'deactivateUser',
  input: 'DeactivateUserInput',
  payload: 'DeactivateUserPayload',
  result: 'DeactivateUserResult',
  description: `Deactivate a user (${offeredBy('deactivateUser')}): the account stays but cannot sign in until \`activateUser\`. ${unsupportedOn('deactivateUser')}: use \`banUser\`.`,
  run: (provider, id, call) => operation(provider, 'deactivateUser')(id, call),
});

/** The most sessions a sign-out revokes one call each, on the provider that does that. */
const SIGN_OUT_SESSIONS = Math.max(0, ...PROVIDER_TRAITS.map((t) => t.limits.maxSessionsPerSignOut ?? 0));

/** A list, then a revoke per active session up to the provider's bound; one call where there is none. */
function signOutCalls(provider: ProviderName): number {
  const most = PROVIDER_TRAITS.find((traits) => traits.name === provider)?.limits.maxSessionsPerSignOut;
  return most === undefined ? 1 : 1 + most;
}

defineUserEffect({
  name: 'signOutUser',
  input: 'SignOutUserInput',
  payload: 'SignOutUserPayload',
  result: 'SignOutUserResult',
  description: `Sign a user out everywhere (${offeredBy('signOutUser')}). Passage: revokes every refresh token, so sessions end when their access token expires (one upstream call). Clerk: revokes every active session at once (one call to list them, then one per session, run concurrently), up to ${SIGN_OUT_SESSIONS} sessions: a user with more is answered \`ConflictError\` after the first ${SIGN_OUT_SESSIONS} are revoked, and a second call ends the rest.`,
  run: (provider, id, call) => operation(provider, 'signOutUser')(id, call),
  cost: { weight: 1 + SIGN_OUT_SESSIONS, calls: signOutCalls },
});
