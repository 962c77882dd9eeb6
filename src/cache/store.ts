/**
 * Where the cross-request cache keeps its entries. The store is the seam for sharing it between
 * replicas: this in-process one serves a single process, and the Redis one
 * (src/redis/cache-store.ts, with `REDIS_URL`) implements the same calls, so every replica sees
 * one invalidation, and no replica writes back what another one dropped.
 */
import { LRUCache } from 'lru-cache';

/** Taken before values are read from their source; `setMany` uses it to refuse stale ones. */
export interface CacheMark {
  /** The store's count of deletions when the mark was taken. */
  readonly deletions: number;
  /** `performance.now()` when it was taken. */
  readonly at: number;
}

export interface CacheStore<Value extends object> {
  /** The live entries for these keys, in key order; undefined where there is none. */
  getMany(keys: readonly string[]): Promise<(Value | undefined)[]>;
  /**
   * A mark to pass to `setMany`, taken before the values to store are read from their source;
   * undefined when the store cannot take one now (then nothing read should be stored).
   */
  mark(): Promise<CacheMark | undefined>;
  /**
   * Stores entries that expire after `ttlMs`, except those whose key was deleted since `mark` was
   * taken: what was read may be the value from before the change that deleted it.
   */
  setMany(entries: readonly (readonly [string, Value])[], ttlMs: number, mark: CacheMark): Promise<void>;
  /** Deletes the entry, and keeps a write whose mark was taken before from storing it again. */
  delete(key: string): Promise<void>;
  /**
   * The live entry for a key, at once, from a store that holds its entries in this process; a
   * store that must ask elsewhere (Redis) has none, and its reads go through `getMany`.
   */
  peek?(key: string): Value | undefined;
}

/** Entries kept at most, so a scan over many users cannot grow the process without bound. */
const DEFAULT_MAX_ENTRIES = 50_000;

export class MemoryStore<Value extends object> implements CacheStore<Value> {
  private readonly entries: LRUCache<string, Value>;
  /**
   * In one process any deletion since the mark refuses the write, whatever its key: stricter
   * than the Redis store's per-key check, and it needs no record of which keys went.
   */
  private deletions = 0;

  constructor(maxEntries = DEFAULT_MAX_ENTRIES) {
    this.entries = new LRUCache<string, Value>({ max: maxEntries, ttlAutopurge: false });
  }

  async getMany(keys: readonly string[]): Promise<(Value | undefined)[]> {
    return keys.map((key) => this.entries.get(key));
  }

  peek(key: string): Value | undefined {
    return this.entries.get(key);
  }

  async mark(): Promise<CacheMark> {
    return { deletions: this.deletions, at: performance.now() };
  }

  async setMany(
    entries: readonly (readonly [string, Value])[],
    ttlMs: number,
    mark: CacheMark,
  ): Promise<void> {
    if (mark.deletions !== this.deletions) return;
    for (const [key, value] of entries) this.entries.set(key, value, { ttl: ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.deletions += 1;
    this.entries.delete(key);
  }
}
