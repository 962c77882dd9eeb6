/**
 * The user cache's Redis store as two replicas use it: two stores, each on its own connection,
 * on one real Redis. A read that was in flight on one replica while the other dropped the user
 * must not write the user back as it was.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type RedisConnection } from '../../src/redis/connection.js';
import { RedisStore } from '../../src/redis/cache-store.js';
import { useRedis } from '../helpers/redis.js';

interface Entry {
  firstName: string;
  updatedAt: Date;
}

const TTL_MS = 60_000;
const before: Entry = { firstName: 'Before', updatedAt: new Date('2026-01-01T00:00:00Z') };
const after: Entry = { firstName: 'After', updatedAt: new Date('2026-01-02T00:00:00Z') };

describe('two replicas sharing the Redis cache store', () => {
  const redis = useRedis();
  const connections: RedisConnection[] = [];
  let reader: RedisStore<Entry>;
  let other: RedisStore<Entry>;
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) connections.push(await connectRedis(redis().url));
    reader = new RedisStore<Entry>(connections[0]!.client, { readWithinMs: 15_000 });
    other = new RedisStore<Entry>(connections[1]!.client, { readWithinMs: 15_000 });
  });
  afterAll(async () => {
    for (const connection of connections) await connection.close();
  });

  it('a read marked before the other replica dropped the user is not written back; the next read misses', async () => {
    const mark = (await reader.mark())!;
    await other.delete('user:a');
    await reader.setMany([['user:a', before]], TTL_MS, mark);
    expect(await other.getMany(['user:a'])).toEqual([undefined]);
    expect(await reader.getMany(['user:a'])).toEqual([undefined]);
  });

  it('a read marked after the drop is stored, and read back by the other replica as stored', async () => {
    await other.delete('user:b');
    const mark = (await reader.mark())!;
    await reader.setMany([['user:b', after]], TTL_MS, mark);
    expect(await other.getMany(['user:b'])).toEqual([after]);
  });

  it("a drop refuses only that user's write: the rest of the batch is stored", async () => {
    const mark = (await reader.mark())!;
    await other.delete('user:c');
    await reader.setMany(
      [
        ['user:c', before],
        ['user:d', after],
      ],
      TTL_MS,
      mark,
    );
    expect(await other.getMany(['user:c', 'user:d'])).toEqual([undefined, after]);
  });

  it('a dropped entry stays dropped for every replica', async () => {
    await reader.setMany([['user:e', before]], TTL_MS, (await reader.mark())!);
    expect(await other.getMany(['user:e'])).toEqual([before]);
    await other.delete('user:e');
    expect(await reader.getMany(['user:e'])).toEqual([undefined]);
  });

  it('a read slower than readWithinMs stores nothing: the drops it should yield to may be forgotten', async () => {
    const impatient = new RedisStore<Entry>(connections[0]!.client, { readWithinMs: 50 });
    const mark = (await impatient.mark())!;
    await sleep(100);
    await impatient.setMany([['user:f', after]], TTL_MS, mark);
    expect(await other.getMany(['user:f'])).toEqual([undefined]);
  });
});
