/**
 * A provider's outbound budget shared by every replica: the same sliding window as the
 * in-process `SlidingWindow` (each call reserves its start time, first come first served, at
 * most `requests` starts in any `intervalMs`), with the log of start times in one Redis sorted
 * set. One Lua script (ioredis `defineCommand`) reads the log, picks the start and writes it,
 * atomically and on Redis's clock, so replicas whose clocks differ still agree.
 *
 * Redis lost: this replica cannot know what the others reserved (up to the queue bound ahead of
 * the loss), so it makes no call until the last window any of them could have shared has passed,
 * then draws on its share (`requests ÷ replicas`) alone. Redis back: the calls it made alone are
 * written into the shared log, and for one more window it keeps to its share (writing each call
 * into the log), since replicas that are not back yet still spend theirs unseen; then it shares.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SlidingWindow, type ProviderBudget, type Reservation } from '../budget/provider-window.js';
import type { Rate } from '../budget/rate.js';

/**
 * KEYS[1]: the log (member → start time, Redis-clock milliseconds).
 * ARGV: requests, intervalMs, maxWaitMs, afterMs, member, then start times to record first.
 * A negative maxWaitMs only records them. Returns [granted (1|0), wait or retry-after in ms,
 * Redis's now].
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local requests = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local after = tonumber(ARGV[4])
for i = 6, #ARGV do
  redis.call('ZADD', KEYS[1], ARGV[i], ARGV[5] .. ':' .. i)
end
if maxWait < 0 then
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(requests + 1))
  redis.call('PEXPIRE', KEYS[1], 2 * interval)
  return {1, 0, now}
end
local start = now + after
local nth = redis.call('ZRANGE', KEYS[1], -requests, -requests, 'WITHSCORES')
if #nth > 0 then
  start = math.max(start, tonumber(nth[2]) + interval)
end
if start - now - after > maxWait then
  return {0, start - now, now}
end
redis.call('ZADD', KEYS[1], start, ARGV[5])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(requests + 1))
redis.call('PEXPIRE', KEYS[1], start - now + interval)
return {1, start - now, now}
`;

type ReserveCommand = (
  key: string,
  ...args: (string | number)[]
) => Promise<[granted: number, ms: number, redisNow: number]>;

function reserveCommand(client: Redis): ReserveCommand {
  const commands = client as unknown as { usergraphReserve?: ReserveCommand };
  if (!commands.usergraphReserve) client.defineCommand('usergraphReserve', { numberOfKeys: 1, lua: RESERVE });
  return commands.usergraphReserve!.bind(client);
}

export interface SharedWindowOptions {
  client: Redis;
  /** Whether the connection is up now. */
  up: () => boolean;
  /** When the connection dropped; undefined while up. */
  lostAt: () => number | undefined;
  /** One log per provider instance: replicas on the same instance share it. */
  key: string;
  /** The whole budget, every replica together (its interval already widened for arrival). */
  rate: Rate;
  /** The replicas sharing it: each one's fallback is `requests ÷ replicas`. */
  replicas: number;
  /** Told when this window switches between shared and alone. */
  onShared?: (shared: boolean) => void;
}

export class SharedWindow implements ProviderBudget {
  private readonly reserveShared: ReserveCommand;
  private readonly alone: SlidingWindow;
  /** Local-clock time at which every start reserved in Redis is a whole interval old. */
  private sharedUntil = 0;
  /** Redis's clock minus ours, from the last answer. */
  private offsetMs = 0;
  /** Starts reserved alone (our clock), to be written into the shared log when Redis is back. */
  private aloneStarts: number[] = [];
  private shared = true;
  /** When this replica found Redis lost (local clock). */
  private lostAt = 0;

  constructor(private readonly options: SharedWindowOptions) {
    this.reserveShared = reserveCommand(options.client);
    this.alone = new SlidingWindow({
      requests: Math.max(1, Math.floor(options.rate.requests / options.replicas)),
      intervalMs: options.rate.intervalMs,
    });
  }

  /** Whether reservations are made in the shared log (not alone, nor in the window after). */
  isShared(): boolean {
    return this.shared;
  }

  /** Local time until which this replica, back on Redis, still keeps to its share. */
  private keepShareUntil = 0;

  async reserve(maxWaitMs: number, afterMs = 0): Promise<Reservation> {
    if (this.options.up()) {
      const now = Date.now();
      if (!this.shared && this.keepShareUntil === 0) this.keepShareUntil = now + this.options.rate.intervalMs;
      if (now < this.keepShareUntil) {
        const turn = await this.reserveAlone(maxWaitMs, afterMs);
        // Not written now: written with the next call, or when sharing again.
        await this.recordAloneStarts().catch(() => undefined);
        return turn;
      }
      try {
        return await this.reserveInRedis(maxWaitMs, afterMs);
      } catch {
        // Lost between the check and the answer: this call is made alone.
      }
    }
    this.keepShareUntil = 0;
    return this.reserveAlone(maxWaitMs, afterMs);
  }

  /** Writes the starts reserved alone into the shared log, so other replicas count them. */
  private async recordAloneStarts(): Promise<void> {
    const now = Date.now();
    const carried = this.aloneStarts.filter((start) => start > now - this.options.rate.intervalMs);
    if (carried.length === 0) return;
    const [, , redisNow] = await this.reserveShared(
      this.options.key,
      this.options.rate.requests,
      this.options.rate.intervalMs,
      -1,
      0,
      randomUUID(),
      ...carried.map((start) => Math.round(start + this.offsetMs)),
    );
    this.offsetMs = redisNow - Date.now();
    this.aloneStarts = [];
  }

  private async reserveInRedis(maxWaitMs: number, afterMs: number): Promise<Reservation> {
    const { rate } = this.options;
    const now = Date.now();
    const carried = this.aloneStarts.filter((start) => start > now - rate.intervalMs);
    const [granted, ms, redisNow] = await this.reserveShared(
      this.options.key,
      rate.requests,
      rate.intervalMs,
      Math.round(maxWaitMs),
      Math.round(afterMs),
      randomUUID(),
      ...carried.map((start) => Math.round(start + this.offsetMs)),
    );
    this.aloneStarts = [];
    this.offsetMs = redisNow - Date.now();
    if (!this.shared) {
      this.shared = true;
      this.options.onShared?.(true);
    }
    if (!granted) return { granted: false, retryAfterMs: ms };
    this.sharedUntil = Math.max(this.sharedUntil, Date.now() + ms + rate.intervalMs);
    return { granted: true, waitMs: ms };
  }

  private async reserveAlone(maxWaitMs: number, afterMs: number): Promise<Reservation> {
    const now = Date.now();
    if (this.shared) {
      this.shared = false;
      this.keepShareUntil = 0;
      this.lostAt = Math.min(this.options.lostAt() ?? now, now);
      this.options.onShared?.(false);
    }
    // What the others reserved in Redis is unknown, and any of them may have reserved up to the
    // queue bound ahead of the loss: nothing starts before those windows pass, and waiting for
    // that counts against the bound like any other wait.
    const until = Math.max(this.sharedUntil, this.lostAt + maxWaitMs + this.options.rate.intervalMs);
    const blockedMs = Math.max(0, until - now - afterMs);
    if (blockedMs > maxWaitMs) return { granted: false, retryAfterMs: until - now };
    const turn = await this.alone.reserve(maxWaitMs - blockedMs, afterMs + blockedMs);
    if (turn.granted) {
      this.aloneStarts = this.aloneStarts.filter((start) => start > now - this.options.rate.intervalMs);
      this.aloneStarts.push(now + turn.waitMs);
    }
    return turn;
  }
}
