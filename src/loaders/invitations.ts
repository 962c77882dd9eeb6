/**
 * A user's organization invitations, one page (and status) at a time, once per user, status and
 * page per request; distinct keys are one call each, all concurrent. A provider without
 * organizations (Passage) answers null without a call.
 */
import DataLoader from 'dataloader';
import type { ProviderRegistry } from '../providers/registry.js';
import type { Invitation, InvitationStatus, Page, User } from '../providers/types.js';

export interface InvitationPageKey {
  user: User;
  offset: number;
  limit: number;
  /** Every status when absent. */
  status?: InvitationStatus;
}

export function createInvitationsLoader(providers: ProviderRegistry, signal: AbortSignal | undefined) {
  return new DataLoader<InvitationPageKey, Page<Invitation> | null, string>(
    (keys) =>
      Promise.all(
        keys.map(async ({ user, offset, limit, status }) => {
          try {
            const provider = providers.forUserId(user.id);
            if (!provider.listInvitations) return null;
            return await provider.listInvitations(user.id, { offset, limit }, status, { signal });
          } catch (error) {
            return error as Error;
          }
        }),
      ),
    {
      cacheKeyFn: ({ user, offset, limit, status }) =>
        `${user.provider}:${user.id}:${status ?? '*'}:${offset}:${limit}`,
    },
  );
}
