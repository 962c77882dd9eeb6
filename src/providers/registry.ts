/**
 * The providers this server talks to, and which one owns a user id. Clerk ids start with
 * `user_`; every other id belongs to Passage (whose ids are 24 alphanumerics), so routing works
 * with both providers on.
 */
import { ProviderError, refusedInput } from './errors.js';
import type { OptionalOperation, Provider, ProviderName } from './types.js';

export interface ProviderRegistry {
  readonly all: readonly Provider[];
  get(name: ProviderName): Provider | undefined;
  /** The provider that owns `id`; NOT_FOUND when no configured provider could hold it. */
  forUserId(id: string): Provider;
  close(): Promise<void>;
}

/**
 * Every id either provider issues (Clerk `user_2abc...`, Passage's 24 alphanumerics) fits this;
 * anything else is refused before it can reach a URL.
 */
const USER_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** An id in a message: quoted, cut short, so a hostile one cannot flood a log. */
const describeId = (id: string) =>
  id.length > 40 ? `${JSON.stringify(id.slice(0, 40))}… (${id.length} characters)` : JSON.stringify(id);

export function createRegistry(providers: readonly Provider[]): ProviderRegistry {
  return {
    all: providers,
    get: (name) => providers.find((provider) => provider.name === name),
    forUserId(id) {
      if (!USER_ID.test(id)) {
        throw refusedInput('id', `a user id is 1–128 letters, digits, "_" or "-", got ${describeId(id)}`, {
          detail: 'not a user id',
        });
      }
      const owner = providers.find((provider) => provider.ownsUserId(id));
      if (!owner) {
        throw new ProviderError({
          provider: 'usergraph',
          code: 'NOT_FOUND',
          message: `no configured provider holds user ids like ${describeId(id)}`,
        });
      }
      return owner;
    },
    close: async () => {
      await Promise.all(providers.map((provider) => provider.close()));
    },
  };
}

/** The provider's optional operation, bound; UNSUPPORTED (as data, not a crash) when it has none. */
export function operation<K extends OptionalOperation>(
  provider: Provider,
  name: K,
): NonNullable<Provider[K]> {
  const method = provider[name];
  if (typeof method !== 'function') {
    throw new ProviderError({
      provider: provider.name,
      code: 'UNSUPPORTED',
      message: `${provider.name} does not support ${name}`,
    });
  }
  return (method as (...args: unknown[]) => unknown).bind(provider) as NonNullable<Provider[K]>;
}
