/**
 * The user cache's store in Redis, so one invalidation reaches every replica. Values are JSON
 * with their `Date`s tagged, so a user read back is the user stored. Redis lost: reads miss and
 * writes are dropped (the provider answers instead); a deletion that cannot be sent leaves the
 * entry to its TTL, the bound on staleness the cache already promises for a lost webhook.
 *
 * A read upstream that was in flight while another replica dropped the user must not write the
 * user back as it was: each deletion takes a number from one shared counter and leaves it on a
 * tombstone beside the key, and a write (one Lua script) skips every key whose tombstone is newer
 * than the counter read when the writer's read began. Tombstones outlive the slowest read that
 * may still write (`readWithinMs`), and a slower read writes nothing.
 */
import type { Redis } from 'ioredis';
import type { CacheMark, CacheStore } from '../cache/store.js';

const DATE_TAG = '\u0000date';

/** How much longer than the slowest read a tombstone stays, for the write's own way to Redis. */
const TOMBSTONE_MARGIN_MS = 5_000;

/** KEYS: the counter, the tombstone, the entry. ARGV[1]: the tombstone's life in ms. */
const DELETE = `
local deletion = redis.call('INCR', KEYS[1])
redis.call('SET', KEYS[2], deletion, 'PX', ARGV[1])
redis.call('DEL', KEYS[3])
return deletion
`;

/**
 * KEYS: pairs of entry and tombstone. ARGV[1]: the deletions counted at the mark, ARGV[2]: the
 * TTL in ms, then one value per pair. Returns how many were stored.
 */
const SET_UNLESS_DELETED = `
local mark = tonumber(ARGV[1])
local stored = 0
for i = 1, #KEYS / 2 do
  local deletion = redis.call('GET', KEYS[2 * i])
  if not deletion or tonumber(deletion) <= mark then
    redis.call('SET', KEYS[2 * i - 1], ARGV[i + 2], 'PX', ARGV[2])
    stored = stored + 1
  end
end
return stored
`;

interface StoreCommands {
  usergraphCacheDelete(
    counter: string,
    tombstone: string,
    entry: string,
    tombstoneMs: number,
  ): Promise<number>;
  usergraphCacheSet(keyCount: number, ...keysThenArgs: (string | number)[]): Promise<number>;
}

function commands(client: Redis): StoreCommands {
  const defined = client as unknown as Partial<StoreCommands>;
  if (!defined.usergraphCacheDelete) {
    client.defineCommand('usergraphCacheDelete', { numberOfKeys: 3, lua: DELETE });
    client.defineCommand('usergraphCacheSet', { lua: SET_UNLESS_DELETED });
  }
  return defined as StoreCommands;
}

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

export interface RedisStoreOptions {
  /**
   * The longest a read may take from its mark to its write (the request timeout); a slower one
   * writes nothing, since the tombstones that would refuse it may be gone.
   */
  readWithinMs: number;
  /** @default 'usergraph:cache:' */
  prefix?: string;
}

export class RedisStore<Value extends object> implements CacheStore<Value> {
  private readonly prefix: string;
  private readonly counter: string;
  private readonly commands: StoreCommands;

  constructor(
    private readonly client: Redis,
    private readonly options: RedisStoreOptions,
  ) {
    this.prefix = options.prefix ?? 'usergraph:cache:';
    this.counter = `${this.prefix}deletions`;
    this.commands = commands(client);
  }

  async getMany(keys: readonly string[]): Promise<(Value | undefined)[]> {
    if (keys.length === 0) return [];
    const values = await this.client.mget(keys.map((key) => this.entry(key))).catch(() => []);
    return keys.map((_, i) => {
      const text = values[i];
      return typeof text === 'string' ? deserialize<Value>(text) : undefined;
    });
  }

  async mark(): Promise<CacheMark | undefined> {
    const at = performance.now();
    const deletions = await this.client.get(this.counter).catch(() => undefined);
    return deletions === undefined ? undefined : { deletions: Number(deletions ?? 0), at };
  }

  async setMany(
    entries: readonly (readonly [string, Value])[],
    ttlMs: number,
    mark: CacheMark,
  ): Promise<void> {
    if (entries.length === 0 || performance.now() - mark.at > this.options.readWithinMs) return;
    const keys = entries.flatMap(([key]) => [this.entry(key), this.tombstone(key)]);
    const values = entries.map(([, value]) => serialize(value));
    await this.commands
      .usergraphCacheSet(keys.length, ...keys, mark.deletions, ttlMs, ...values)
      .catch(() => undefined);
  }

  async delete(key: string): Promise<void> {
    const tombstoneMs = this.options.readWithinMs + TOMBSTONE_MARGIN_MS;
    await this.commands
      .usergraphCacheDelete(this.counter, this.tombstone(key), this.entry(key), tombstoneMs)
      .catch(() => undefined);
  }

  private entry(key: string): string {
    return this.prefix + key;
  }

  private tombstone(key: string): string {
    return `${this.prefix}deleted:${key}`;
  }
}
