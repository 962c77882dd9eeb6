/**
 * Who may sign in: Clerk's ban and lock, Passage's deactivate and sign-out. They are kept apart
 * rather than merged because they mean different things upstream: a Clerk ban also revokes every
 * session and is shown to the user as "banned", a lock is what failed attempts do and may expire
 * on its own, and Passage's deactivate only blocks sign-in. Each is `UnsupportedError` on the
 * provider that has no such action.
 */
import { operation } from '../../providers/registry.js';
import { defineUserAction, defineUserEffect } from './define.js';
import { offeredBy, unsupportedOn } from '../support.js';

defineUserAction(
  'banUser',
  `Ban a user (${offeredBy('banUser')}): every session is revoked and signing in is refused until \`unbanUser\`. ${unsupportedOn('banUser')}: use \`deactivateUser\`.`,
  (provider, id, call) => operation(provider, 'banUser')(id, call),
);

defineUserAction(
  'unbanUser',
  `Unban a user (${offeredBy('unbanUser')}), so they can sign in again. ${unsupportedOn('unbanUser')}: use \`activateUser\`.`,
  (provider, id, call) => operation(provider, 'unbanUser')(id, call),
);

defineUserAction(
  'lockUser',
  `Lock a user (${offeredBy('lockUser')}) as too many failed sign-ins would, until \`unlockUser\` or the instance's lockout period ends. ${unsupportedOn('lockUser')}.`,
  (provider, id, call) => operation(provider, 'lockUser')(id, call),
);

defineUserAction(
  'unlockUser',
  `Unlock a locked user (${offeredBy('unlockUser')}). ${unsupportedOn('unlockUser')}.`,
  (provider, id, call) => operation(provider, 'unlockUser')(id, call),
);

defineUserAction(
  'activateUser',
  `Activate a deactivated user (${offeredBy('activateUser')}), so they can sign in again. ${unsupportedOn('activateUser')}: use \`unbanUser\` or \`unlockUser\`.`,
  (provider, id, call) => operation(provider, 'activateUser')(id, call),
);

defineUserAction(
  'deactivateUser',
  `Deactivate a user (${offeredBy('deactivateUser')}): the account stays but cannot sign in until \`activateUser\`. ${unsupportedOn('deactivateUser')}: use \`banUser\`.`,
  (provider, id, call) => operation(provider, 'deactivateUser')(id, call),
);

defineUserEffect(
  'signOutUser',
  `Sign a user out everywhere (${offeredBy('signOutUser')}): revokes every refresh token, so sessions end when their access token expires. ${unsupportedOn('signOutUser')} (\`banUser\` revokes a Clerk user's sessions).`,
  (provider, id, call) => operation(provider, 'signOutUser')(id, call),
);
