/**
 * A user's organization invitations, one page (and status) at a time, once per user, status and
 * page per request; distinct keys are one call each, all concurrent. A provider without
 * organizations (Passage) answers null without a call.
 */
import { perKeyLoader } from './per-key.js';
import { operation, supports, type ProviderRegistry } from '../providers/registry.js';
import type { CallOptions, Invitation, InvitationStatus, Page, User } from '../providers/types.js';

export interface InvitationPageKey {
  user: User;
  offset: number;
  limit: number;
  /** Every status when absent. */
  status?: InvitationStatus;
}

export function createInvitationsLoader(providers: ProviderRegistry, call: CallOptions = {}) {
  return perKeyLoader<InvitationPageKey, Page<Invitation> | null>(
    'invitations',
    call,
    async ({ user, offset, limit, status }) => {
      const provider = providers.forUserId(user.id);
      return supports(provider, 'listInvitations')
        ? operation(provider, 'listInvitations')(user.id, { offset, limit }, status, call)
        : null;
    },
    ({ user }) => user,
    ({ offset, limit, status }) => `${status ?? '*'}:${offset}:${limit}`,
  );
}
