/**
 * A user's sessions, one page (and status) at a time, once per user, status and page per
 * request; distinct keys are one call each, all concurrent. A provider that lists no sessions
 * (Passage) answers null without a call.
 */
import { perKeyLoader } from './per-key.js';
import { operation, supports, type ProviderRegistry } from '../providers/registry.js';
import type { CallOptions, Page, Session, SessionStatus, User } from '../providers/types.js';

export interface SessionPageKey {
  user: User;
  offset: number;
  limit: number;
  /** Every status when absent. */
  status?: SessionStatus;
}

export function createSessionsLoader(providers: ProviderRegistry, call: CallOptions = {}) {
  return perKeyLoader<SessionPageKey, Page<Session> | null>(
    'sessions',
    call,
    async ({ user, offset, limit, status }) => {
      const provider = providers.forUserId(user.id);
      return supports(provider, 'listSessions')
        ? operation(provider, 'listSessions')(user.id, { offset, limit }, status, call)
        : null;
    },
    ({ user }) => user,
    ({ offset, limit, status }) => `${status ?? '*'}:${offset}:${limit}`,
  );
}
