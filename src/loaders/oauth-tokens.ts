/**
 * A user's OAuth access tokens for one identity provider, once per user and identity provider
 * per request; distinct keys are one call each, all concurrent. A provider that keeps no tokens
 * (Passage) answers null without a call.
 */
import { perKeyLoader } from './per-key.js';
import { operation, supports, type ProviderRegistry } from '../providers/registry.js';
import type { CallOptions, OAuthAccessToken, User } from '../providers/types.js';

export interface OAuthTokensKey {
  user: User;
  /** The identity provider, e.g. `google`. */
  provider: string;
}

export function createOAuthTokensLoader(providers: ProviderRegistry, call: CallOptions = {}) {
  return perKeyLoader<OAuthTokensKey, OAuthAccessToken[] | null>(
    'oauthTokens',
    call,
    async ({ user, provider: identityProvider }) => {
      const provider = providers.forUserId(user.id);
      return supports(provider, 'getOAuthAccessTokens')
        ? operation(provider, 'getOAuthAccessTokens')(user.id, identityProvider, call)
        : null;
    },
    ({ user }) => user,
    ({ provider }) => provider,
  );
}
