/**
 * A migration run's lease in Redis, for replicas and hosts that share no disk: `SET NX PX` takes
 * it, the holder renews it while it lives, and it expires on its own when the holder dies (a
 * SIGKILL, a lost host), so the next process resumes the run. Renewal and release touch the key
 * only while it still holds this holder's token (Redis's documented single-instance lock).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { LeaseLoss, RunLockedError, type RunLock } from '../migration/lease.js';

/** Long enough to ride out a missed renewal or two, short enough that a dead holder is soon replaced. */
export const REDIS_LEASE_TTL_MS = 10_000;
const RENEW_EVERY_MS = 3_000;

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export async function acquireRedisLease(client: Redis, runId: string): Promise<RunLock> {
  const key = `usergraph:migration:${runId}:lease`;
  const holder = JSON.stringify({ host: hostname(), pid: process.pid, token: randomUUID() });
  const taken = await client.set(key, holder, 'PX', REDIS_LEASE_TTL_MS, 'NX');
  if (taken !== 'OK') {
    const [current, ttl] = await Promise.all([client.get(key), client.pttl(key)]);
    const { host, pid } = parseHolder(current);
    throw new RunLockedError(
      `migration run ${runId} is held by process ${pid} on ${host} (its lease in Redis expires in ` +
        `${Math.max(1, Math.ceil(ttl / 1000))}s unless that process renews it)`,
    );
  }
  let renewedAt = Date.now();
  const loss = new LeaseLoss(() => clearInterval(timer));
  const timer = setInterval(() => {
    const sentAt = Date.now();
    client.eval(RENEW, 1, key, holder, REDIS_LEASE_TTL_MS).then(
      (renewed) => {
        if (renewed === 1) renewedAt = sentAt;
        else
          loss.lose(`the run's lease in Redis is no longer this process's: another process may hold the run`);
      },
      () => {
        // A failed renewal lets the lease expire, which is what another process should see;
        // once it may have, this process stops too, before its next renewal could come too late.
        if (Date.now() + RENEW_EVERY_MS >= renewedAt + REDIS_LEASE_TTL_MS)
          loss.lose(`the run's lease in Redis could not be renewed before it expired (Redis unreachable)`);
      },
    );
  }, RENEW_EVERY_MS);
  // The renewal alone keeps no process alive.
  timer.unref();
  return {
    release() {
      clearInterval(timer);
      // Sent now; a client quitting after this still delivers it first.
      if (loss.reason === undefined) client.eval(RELEASE, 1, key, holder).catch(() => undefined);
    },
    onLost: (listener) => loss.onLost(listener),
  };
}

function parseHolder(value: string | null): { host: string; pid: string } {
  try {
    const parsed = JSON.parse(value ?? '') as { host?: unknown; pid?: unknown };
    return { host: String(parsed.host ?? 'an unknown host'), pid: String(parsed.pid ?? '?') };
  } catch {
    return { host: 'an unknown host', pid: '?' };
  }
}
