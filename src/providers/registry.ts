/**
 * The providers this server talks to, which one owns a user id, and what each can do. Clerk ids
 * start with `user_`; every other id belongs to Passage (whose ids are 24 alphanumerics), so
 * routing works with both providers on. What a provider can do is read from its traits alone.
 */
import { ProviderError, refusedInput } from './errors.js';
import type {
  OptionalOperation,
  OptionalOperations,
  Provider,
  ProviderName,
  ProviderTraits,
} from './types.js';

export interface ProviderRegistry {
  readonly all: readonly Provider[];
  get(name: ProviderName): Provider | undefined;
  /** The provider that owns `id`; NOT_FOUND when no configured provider could hold it. */
  forUserId(id: string): Provider;
  /** The provider that owns `id`, or undefined where `forUserId` would refuse it. */
  ownerOf(id: string): Provider | undefined;
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
  const ownerOf = (id: string) =>
    USER_ID.test(id) ? providers.find((provider) => provider.ownsUserId(id)) : undefined;
  return {
    ownerOf,
    all: providers,
    get: (name) => providers.find((provider) => provider.name === name),
    forUserId(id) {
      if (!USER_ID.test(id)) {
        throw refusedInput('id', `a user id is 1–128 letters, digits, "_" or "-", got ${describeId(id)}`, {
          detail: 'not a user id',
        });
      }
      const owner = ownerOf(id);
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

/** Whether the provider has an optional operation, by its capability table. */
export const supports = (provider: ProviderTraits, name: OptionalOperation): boolean =>
  provider.capabilities.has(name);

/** The provider's optional operation, bound; UNSUPPORTED (as data, not a crash) when it has none. */
export function operation<K extends OptionalOperation>(provider: Provider, name: K): OptionalOperations[K] {
  const method = provider[name];
  if (!supports(provider, name) || typeof method !== 'function') {
    throw new ProviderError({
      provider: provider.name,
      code: 'UNSUPPORTED',
      message: `${provider.name} does not support ${name}`,
    });
  }
  return (method as (...args: unknown[]) => unknown).bind(provider) as OptionalOperations[K];
}

/**
 * INVALID_INPUT naming the first field given in `input` that the provider does not accept,
 * before any call: how a provider folder refuses what only others have, without naming them.
 */
export function refuseUnaccepted<T extends object>(
  provider: ProviderTraits,
  input: T,
  accepted: ReadonlySet<string>,
  message: (field: string) => string,
): void {
  for (const [field, value] of Object.entries(input)) {
    // `null` is given (an update's "remove it"); an empty list asks for nothing.
    const given = value !== undefined && !(Array.isArray(value) && value.length === 0);
    if (given && !accepted.has(field)) throw refusedInput(field, message(field), { provider: provider.name });
  }
}
