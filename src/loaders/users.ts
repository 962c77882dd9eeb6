/**
 * Users by id, batched per request: every id asked for in one tick goes to its provider in as
 * few calls as the provider's `limits.maxUsersPerCall` allows (Clerk: 100 ids a call; Passage:
 * one call per id, run concurrently). An id nobody holds gets a NOT_FOUND error in its own slot, so one bad id never
 * fails its neighbours.
 */
import DataLoader from 'dataloader';
import { ProviderError } from '../providers/errors.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { CallOptions, Provider, User } from '../providers/types.js';
import type { UserCache } from '../cache/user-cache.js';

export type UserLoader = DataLoader<string, User> & {
  /** Whether this request has asked for (or been given) this user already. */
  has(id: string): boolean;
};

export function createUserLoader(
  providers: ProviderRegistry,
  call: CallOptions = {},
  cache?: UserCache,
): UserLoader {
  // A batch is what the most generous provider reads in one call (Clerk: 100 ids).
  const maxBatchSize = Math.max(1, ...providers.all.map((provider) => provider.limits.maxUsersPerCall));
  // Its own map, so `has` can tell whether this request has asked for a user already.
  const cacheMap = new Map<string, Promise<User>>();
  const loader = new DataLoader<string, User>(
    async (ids) => {
      call.observer?.batch('user', ids.length);
      const byProvider = new Map<Provider, string[]>();
      const slots = ids.map((id) => {
        try {
          const provider = providers.forUserId(id);
          const listed = byProvider.get(provider);
          if (listed) listed.push(id);
          else byProvider.set(provider, [id]);
          return provider;
        } catch (error) {
          return error as ProviderError;
        }
      });
      const found = new Map<Provider, Map<string, User> | Error>();
      await Promise.all(
        [...byProvider].map(async ([provider, providerIds]) => {
          try {
            found.set(provider, await readThrough(provider, providerIds, call, cache));
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
    { maxBatchSize, cacheMap },
  );
  return Object.assign(loader, { has: (id: string) => cacheMap.has(id) });
}

/** The cached users, and the rest from the provider (which the cache then keeps). */
async function readThrough(
  provider: Provider,
  ids: string[],
  call: CallOptions,
  cache: UserCache | undefined,
): Promise<Map<string, User>> {
  if (!cache?.covers(provider.name)) return provider.getUsers(ids, call);
  const cached = await cache.get(provider, ids);
  const misses = ids.filter((id) => !cached.has(id));
  if (misses.length === 0) return cached;
  // Taken after the hits (they need none) and before the provider is asked.
  const mark = await cache.mark();
  const fetched = await provider.getUsers(misses, call);
  await cache.set(provider, fetched.values(), mark);
  for (const [id, user] of fetched) cached.set(id, user);
  return cached;
}

function notFound(provider: string, id: string): ProviderError {
  return new ProviderError({
    provider,
    code: 'NOT_FOUND',
    message: `no ${provider} user with id ${JSON.stringify(id)}`,
  });
}
