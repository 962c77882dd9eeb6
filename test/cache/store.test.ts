/**
 * The in-process cache store keeps the Redis store's promise: a read marked before a deletion
 * does not store what it read.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/store.js';

const TTL_MS = 60_000;

describe('the in-process cache store', () => {
  it('a read marked before a deletion is not stored; one marked after it is', async () => {
    const store = new MemoryStore<{ name: string }>();
    const early = await store.mark();
    await store.delete('user:a');
    await store.setMany([['user:a', { name: 'stale' }]], TTL_MS, early);
    expect(await store.getMany(['user:a'])).toEqual([undefined]);

    await store.setMany([['user:a', { name: 'fresh' }]], TTL_MS, await store.mark());
    expect(await store.getMany(['user:a'])).toEqual([{ name: 'fresh' }]);
  });
});
