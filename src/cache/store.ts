/**
 * Where the cross-request cache keeps its entries. The store is the seam for sharing it between
 * replicas: this in-process one serves a single process, and a Redis one (`REDIS_URL`, not built
 * yet) can implement the same three calls, so every replica sees one invalidation.
 */
import { LRUCache } from 'lru-cache';

export interface CacheStore<Value extends object> {
  /** The live entries for these keys, in key order; undefined where there is none. */
  getMany(keys: readonly string[]): Promise<(Value | undefined)[]>;
  /** Stores entries that expire after `ttlMs`. */
  setMany(entries: readonly (readonly [string, Value])[], ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Entries kept at most, so a scan over many users cannot grow the process without bound. */
const DEFAULT_MAX_ENTRIES = 50_000;

export class MemoryStore<Value extends object> implements CacheStore<Value> {
  private readonly entries: LRUCache<string, Value>;

  constructor(maxEntries = DEFAULT_MAX_ENTRIES) {
    this.entries = new LRUCache<string, Value>({ max: maxEntries, ttlAutopurge: false });
  }

  async getMany(keys: readonly string[]): Promise<(Value | undefined)[]> {
    return keys.map((key) => this.entries.get(key));
  }

  async setMany(entries: readonly (readonly [string, Value])[], ttlMs: number): Promise<void> {
    for (const [key, value] of entries) this.entries.set(key, value, { ttl: ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
