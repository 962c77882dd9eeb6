/**
 * Users by id across requests, per provider instance: the key starts with the instance identity,
 * so two Clerk instances never share an entry. Only whole users read by id are kept; lists,
 * counts and secrets never enter it. An entry lives until its TTL, or until the user changes
 * (a webhook, or a mutation usergraph made), whichever comes first.
 */
import type { Provider, ProviderName, User } from '../providers/types.js';
import type { CacheMark, CacheStore } from './store.js';

export interface UserCacheOptions {
  store: CacheStore<User>;
  /** Seconds a provider's users stay cached; 0 (or absent) keeps that provider's users out. */
  ttlSeconds: Partial<Record<ProviderName, number>>;
  /** Who the configured instance of each provider is (a hash of its URL and key). */
  identity: Partial<Record<ProviderName, string>>;
  /** Told after each read how many of the users asked for were found and how many were not. */
  observe?: (provider: ProviderName, hits: number, misses: number) => void;
}

export class UserCache {
  constructor(private readonly options: UserCacheOptions) {}

  /** Whether users of this provider are cached at all. */
  covers(provider: ProviderName): boolean {
    return (this.options.ttlSeconds[provider] ?? 0) > 0 && this.options.identity[provider] !== undefined;
  }

  /** The cached users among `ids`, by id. */
  async get(provider: Provider, ids: readonly string[]): Promise<Map<string, User>> {
    const found = new Map<string, User>();
    if (!this.covers(provider.name)) return found;
    const values = await this.options.store.getMany(ids.map((id) => this.key(provider.name, id)));
    values.forEach((user, i) => {
      if (user) found.set(ids[i] as string, user);
    });
    this.options.observe?.(provider.name, found.size, ids.length - found.size);
    return found;
  }

  /** Whether `peek` can answer: the store holds its entries in this process. */
  get peeks(): boolean {
    return this.options.store.peek !== undefined;
  }

  /**
   * One cached user at once, when the store holds its entries in this process; undefined when it
   * does not hold them, or cannot answer without waiting (then `get` is the way). A hit served
   * here needs no promise, which a hot read's CPU was largely spent waiting for.
   */
  peek(provider: ProviderName, id: string): User | undefined {
    const { store } = this.options;
    if (!store.peek || !this.covers(provider)) return undefined;
    const user = store.peek(this.key(provider, id));
    if (user) this.options.observe?.(provider, 1, 0);
    return user;
  }

  /**
   * A mark to pass to `set`, taken before the upstream read starts: a user dropped after it (by
   * this replica or another) is not stored as read, since that may be the user before the change.
   */
  mark(): Promise<CacheMark | undefined> {
    return this.options.store.mark();
  }

  /** Keeps users read upstream, except those that changed since `mark` was taken. */
  async set(provider: Provider, users: Iterable<User>, mark: CacheMark | undefined): Promise<void> {
    if (!this.covers(provider.name) || !mark) return;
    const ttlMs = (this.options.ttlSeconds[provider.name] ?? 0) * 1000;
    const entries = [...users].map((user) => [this.key(provider.name, user.id), user] as const);
    await this.options.store.setMany(entries, ttlMs, mark);
  }

  /** Drops one user's entry at once, and keeps reads already in flight from storing it again. */
  async forget(provider: ProviderName, userId: string): Promise<void> {
    if (this.options.identity[provider] === undefined) return;
    await this.options.store.delete(this.key(provider, userId));
  }

  private key(provider: ProviderName, userId: string): string {
    return `user:${provider}:${this.options.identity[provider]}:${userId}`;
  }
}
