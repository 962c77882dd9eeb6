/**
 * A user's OAuth access tokens for one identity provider, once per user and identity provider
 * per request; distinct keys are one call each, all concurrent. A provider that keeps no tokens
 * (Passage) answers null without a call.
 */
import DataLoader from 'dataloader';
import type { ProviderRegistry } from '../providers/registry.js';
import type { OAuthAccessToken, User } from '../providers/types.js';

export interface OAuthTokensKey {
  user: User;
  /** The identity provider, e.g. `google`. */
  provider: string;
}

export function createOAuthTokensLoader(providers: ProviderRegistry, signal: AbortSignal | undefined) {
  return new DataLoader<OAuthTokensKey, OAuthAccessToken[] | null, string>(
    (keys) =>
      Promise.all(
        keys.map(async ({ user, provider: identityProvider }) => {
          try {
            const provider = providers.forUserId(user.id);
            if (!provider.getOAuthAccessTokens) return null;
            return await provider.getOAuthAccessTokens(user.id, identityProvider, { signal });
          } catch (error) {
            return error as Error;
          }
        }),
      ),
    { cacheKeyFn: ({ user, provider }) => `${user.provider}:${user.id}:${provider}` },
  );
}
