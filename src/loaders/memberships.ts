/**
 * A user's organization memberships, one page at a time, once per user and page per request:
 * the same user and page asked for twice is one call, distinct users are one call each, all
 * concurrent (the provider's HTTP client bounds connections). A provider without memberships
 * (Passage) answers null without a call.
 */
import { perKeyLoader } from './per-key.js';
import { operation, supports, type ProviderRegistry } from '../providers/registry.js';
import type { CallOptions, Membership, Page, User } from '../providers/types.js';

export interface MembershipPageKey {
  user: User;
  offset: number;
  limit: number;
}

export function createMembershipsLoader(providers: ProviderRegistry, call: CallOptions = {}) {
  return perKeyLoader<MembershipPageKey, Page<Membership> | null>(
    'memberships',
    call,
    async ({ user, offset, limit }) => {
      const provider = providers.forUserId(user.id);
      return supports(provider, 'listMemberships')
        ? operation(provider, 'listMemberships')(user.id, { offset, limit }, call)
        : null;
    },
    ({ user }) => user,
    ({ offset, limit }) => `${offset}:${limit}`,
  );
}
