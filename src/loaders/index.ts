/**
 * The request's DataLoaders, created fresh for every GraphQL request in yoga's context factory:
 * nothing cached here outlives the request that filled it.
 */
import type { ProviderRegistry } from '../providers/registry.js';
import { createDevicesLoader } from './devices.js';
import { createInvitationsLoader } from './invitations.js';
import { createMembershipsLoader } from './memberships.js';
import { createOAuthTokensLoader } from './oauth-tokens.js';
import { createUserLoader } from './users.js';

export function createLoaders(providers: ProviderRegistry, signal?: AbortSignal) {
  const user = createUserLoader(providers, signal);
  return {
    user,
    devices: createDevicesLoader(providers, signal),
    memberships: createMembershipsLoader(providers, signal),
    invitations: createInvitationsLoader(providers, signal),
    oauthTokens: createOAuthTokensLoader(providers, signal),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
