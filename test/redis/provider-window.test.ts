/**
 * The provider window shared through a real Redis: replicas (here, windows on their own
 * connections) draw from one log and never start more than the budget in any window; a replica
 * that loses Redis makes no call until its last shared window has passed, then spends only its
 * share, and shares again once Redis is back.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis, type RedisConnection } from '../../src/redis/connection.js';
import { SharedWindow } from '../../src/redis/provider-window.js';
import { startRedis, useRedis } from '../helpers/redis.js';
import { busiestWindow } from '../../src/emulator/request-log.js';

const connections: RedisConnection[] = [];
afterEach(async () => {
  await Promise.all(connections.splice(0).map((connection) => connection.close()));
});

async function replica(
  url: string,
  key: string,
  rate: { requests: number; intervalMs: number },
  replicas = 3,
) {
  const connection = await connectRedis(url);
  connections.push(connection);
  return new SharedWindow({
    client: connection.client,
    up: connection.up,
    lostAt: connection.lostAt,
    key,
    rate,
    replicas,
  });
}

describe('SharedWindow on one Redis', () => {
  const redis = useRedis();

  it('three replicas asking at once get starts no more than the budget in any window, and the rest are refused with the wait', async () => {
    const key = `test:${randomUUID()}`;
    const rate = { requests: 10, intervalMs: 1_000 };
    const windows = await Promise.all([1, 2, 3].map(() => replica(redis().url, key, rate)));
    const starts: number[] = [];
    const turns = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        windows[i % 3]!.reserve(2_500).then((turn) => {
          // Waits count from Redis's now when it answered, which is ours within a few ms.
          if (turn.granted) starts.push(Date.now() + turn.waitMs);
          return turn;
        }),
      ),
    );
    // 10 now, then 10 a second for 2.5 s: 30 granted whichever replica asked (10 more when the
    // asks reach Redis spread over half a second or more, as on a busy machine); three windows
    // of their own would grant 60.
    expect(starts.length).toBeGreaterThanOrEqual(30);
    expect(starts.length).toBeLessThanOrEqual(40);
    expect(busiestWindow(starts, rate.intervalMs - 20)).toBeLessThanOrEqual(10);
    const refused = turns.filter((turn) => !turn.granted);
    expect(refused).toHaveLength(60 - starts.length);
    for (const turn of refused) expect(turn.retryAfterMs).toBeGreaterThan(2_500);
  });

  it('one replica alone waits its turn within the bound, like the in-process window', async () => {
    const window = await replica(redis().url, `test:${randomUUID()}`, { requests: 2, intervalMs: 500 });
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const turn = await window.reserve(10_000);
      expect(turn.granted).toBe(true);
      if (turn.granted) starts.push(Date.now() + turn.waitMs);
    }
    // Two a half second: the third starts a half second after the first, the fifth a second.
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(480);
    expect(starts[4]! - starts[0]!).toBeGreaterThanOrEqual(980);
    expect(busiestWindow(starts, 480)).toBeLessThanOrEqual(2);
  });
});

describe('SharedWindow when Redis is lost and comes back', () => {
  it('makes no call until the last shared window has passed, then its share alone, then shares again', async () => {
    const redis = await startRedis();
    try {
      const rate = { requests: 9, intervalMs: 1_000 };
      const window = await replica(redis.url, 'budget', rate, 3);
      const first = await window.reserve(0);
      expect(first).toEqual({ granted: true, waitMs: 0 });
      const sharedAt = Date.now();

      await redis.stop();
      const lostAt = Date.now();
      // Any replica may have reserved up to the bound (here 500 ms) ahead of the loss, and each
      // such start counts for a whole window: nothing before those end.
      const blocked = await window.reserve(500);
      expect(blocked.granted).toBe(false);
      if (!blocked.granted) expect(blocked.retryAfterMs).toBeGreaterThan(1_300);
      expect(window.isShared()).toBe(false);

      await new Promise((resolve) => setTimeout(resolve, lostAt + 1_500 - Date.now()));
      // Then its share, 9 ÷ 3 = 3 calls a window, and the fourth must wait.
      for (let i = 0; i < 3; i++) expect((await window.reserve(500)).granted).toBe(true);
      const fourth = await window.reserve(0);
      expect(fourth.granted).toBe(false);

      await redis.start();
      const deadline = Date.now() + 10_000;
      while (!(await window.reserve(60_000).then(() => window.isShared())) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(window.isShared()).toBe(true);
    } finally {
      await redis.stop();
    }
  });
});
