/**
 * Telling a change's echo from a change: in process (`MemoryEchoLog`) and across replicas
 * (`RedisEchoLog`, on a real redis-server), and what the Redis one answers while Redis is lost.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisEchoLog } from '../../src/redis/echo-log.js';
import { MemoryEchoLog, type EchoLog, type UserChange } from '../../src/webhooks/user-changes.js';
import { freePort, startRedis, type RunningRedis } from '../helpers/redis.js';

const change = (overrides: Partial<UserChange>): UserChange => ({
  provider: 'clerk',
  userId: 'user_1',
  type: 'UPDATED',
  source: 'mutation',
  version: 1000,
  ...overrides,
});

function behavesAsAnEchoLog(name: string, make: () => Promise<EchoLog>) {
  describe(name, () => {
    it('takes the other source at the same version for the echo, once', async () => {
      const log = await make();
      expect(await log.isEcho(change({ userId: 'user_a' }))).toBe(false);
      expect(await log.isEcho(change({ userId: 'user_a', source: 'webhook' }))).toBe(true);
      // Matched and forgotten: a third sighting is a change again.
      expect(await log.isEcho(change({ userId: 'user_a', source: 'webhook' }))).toBe(false);
    });

    it('never takes another version, the same source, or a change without a version for an echo', async () => {
      const log = await make();
      expect(await log.isEcho(change({ userId: 'user_b' }))).toBe(false);
      expect(await log.isEcho(change({ userId: 'user_b', source: 'webhook', version: 1001 }))).toBe(false);
      expect(await log.isEcho(change({ userId: 'user_b' }))).toBe(false);
      const unversioned = change({ userId: 'user_c', version: undefined });
      expect(await log.isEcho(unversioned)).toBe(false);
      expect(await log.isEcho({ ...unversioned, source: 'webhook' })).toBe(false);
    });

    it('matches a deletion on the user alone', async () => {
      const log = await make();
      expect(await log.isEcho(change({ userId: 'user_d', type: 'DELETED', version: undefined }))).toBe(false);
      expect(
        await log.isEcho(
          change({ userId: 'user_d', type: 'DELETED', source: 'webhook', version: undefined }),
        ),
      ).toBe(true);
    });
  });
}

let redis: RunningRedis | undefined;
const clients: Redis[] = [];
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis?.stop();
});

behavesAsAnEchoLog('MemoryEchoLog', async () => new MemoryEchoLog());
behavesAsAnEchoLog('RedisEchoLog', async () => {
  redis ??= await startRedis();
  const client = new Redis(redis.url);
  clients.push(client);
  return new RedisEchoLog(client);
});

describe('RedisEchoLog across replicas, and with Redis lost', () => {
  it('matches a change one replica saw with its echo on another', async () => {
    redis ??= await startRedis();
    const [a, b] = [new Redis(redis.url), new Redis(redis.url)];
    clients.push(a, b);
    expect(await new RedisEchoLog(a).isEcho(change({ userId: 'user_e' }))).toBe(false);
    expect(await new RedisEchoLog(b).isEcho(change({ userId: 'user_e', source: 'webhook' }))).toBe(true);
  });

  it('answers from what this process saw while Redis cannot be reached: a duplicate, never a lost event', async () => {
    const nowhere = new Redis({ port: await freePort(), lazyConnect: true, enableOfflineQueue: false });
    clients.push(nowhere);
    const log = new RedisEchoLog(nowhere);
    expect(await log.isEcho(change({ userId: 'user_f' }))).toBe(false);
    expect(await log.isEcho(change({ userId: 'user_f', source: 'webhook' }))).toBe(true);
    expect(await log.isEcho(change({ userId: 'user_g', source: 'webhook' }))).toBe(false);
  });
});
