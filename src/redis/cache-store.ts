/**
 * The user cache's store in Redis, so one invalidation reaches every replica. Values are JSON
 * with their `Date`s tagged, so a user read back is the user stored. Redis lost: reads miss and
 * writes are dropped (the provider answers instead); a deletion that cannot be sent leaves the
 * entry to its TTL, the bound on staleness the cache already promises for a lost webhook.
 */
import type { Redis } from 'ioredis';
import type { CacheStore } from '../cache/store.js';

const DATE_TAG = '\u0000date';

function serialize(value: object): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, json: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : json;
  });
}

function deserialize<Value>(text: string): Value {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && DATE_TAG in value) {
      return new Date((value as Record<string, string>)[DATE_TAG]!);
    }
    return value;
  }) as Value;
}

export class RedisStore<Value extends object> implements CacheStore<Value> {
  constructor(
    private readonly client: Redis,
    private readonly prefix = 'usergraph:cache:',
  ) {}

  async getMany(keys: readonly string[]): Promise<(Value | undefined)[]> {
    if (keys.length === 0) return [];
    const values = await this.client.mget(keys.map((key) => this.prefix + key)).catch(() => []);
    return keys.map((_, i) => {
      const text = values[i];
      return typeof text === 'string' ? deserialize<Value>(text) : undefined;
    });
  }

  async setMany(entries: readonly (readonly [string, Value])[], ttlMs: number): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = this.client.pipeline();
    for (const [key, value] of entries) pipeline.set(this.prefix + key, serialize(value), 'PX', ttlMs);
    await pipeline.exec().catch(() => undefined);
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.prefix + key).catch(() => undefined);
  }
}
