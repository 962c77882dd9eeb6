/**
 * Users by id, batched per request: every id asked for in one tick goes to its provider in as
 * few calls as the provider's `limits.maxUsersPerCall` allows (Clerk: 100 ids a call; Passage:
 * one call per id, run concurrently). An id nobody holds gets a NOT_FOUND error in its own slot, so one bad id never
 * fails its neighbours.
 */
import DataLoader from 'dataloader';
import { ProviderError } from '../providers/errors.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { recordBatch } from '../observability/request.js';
import type { CallOptions, Provider, User } from '../providers/types.js';

export function createUserLoader(providers: ProviderRegistry, call: CallOptions = {}) {
  // A batch is what the most generous provider reads in one call (Clerk: 100 ids).
  const maxBatchSize = Math.max(1, ...providers.all.map((provider) => provider.limits.maxUsersPerCall));
  return new DataLoader<string, User>(
    async (ids) => {
      recordBatch('user', ids.length);
      const byProvider = new Map<Provider, string[]>();
      const slots = ids.map((id) => {
        try {
          const provider = providers.forUserId(id);
          byProvider.set(provider, [...(byProvider.get(provider) ?? []), id]);
          return provider;
        } catch (error) {
          return error as ProviderError;
        }
      });
      const found = new Map<Provider, Map<string, User> | Error>();
      await Promise.all(
        [...byProvider].map(async ([provider, providerIds]) => {
          try {
            found.set(provider, await provider.getUsers(providerIds, call));
          } catch (error) {
            found.set(provider, error as Error);
          }
        }),
      );
      return ids.map((id, i) => {
        const slot = slots[i] as Provider | ProviderError;
        if (slot instanceof Error) return slot;
        const users = found.get(slot);
        if (users instanceof Error) return users;
        return users?.get(id) ?? notFound(slot.name, id);
      });
    },
    { maxBatchSize },
  );
}

function notFound(provider: string, id: string): ProviderError {
  return new ProviderError({
    provider,
    code: 'NOT_FOUND',
    message: `no ${provider} user with id ${JSON.stringify(id)}`,
  });
}
