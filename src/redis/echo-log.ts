/**
 * The user changes no echo has matched yet, in Redis: a mutation made through one replica and
 * the webhook Clerk sends for it, delivered to another, are told to subscribers once. One key
 * per change (provider, user, type and version), holding the source that told of it first, and
 * one script that either matches it (the other source: the key is deleted, the change is an
 * echo) or writes it. While Redis is lost, this process's own log answers: a duplicate event
 * across replicas then, never a lost one.
 */
import type { Redis } from 'ioredis';
import {
  ECHO_WINDOW_MS,
  MemoryEchoLog,
  echoKey,
  type EchoLog,
  type UserChange,
} from '../webhooks/user-changes.js';

const MATCH_OR_WRITE = `
local earlier = redis.call('GET', KEYS[1])
if earlier and earlier ~= ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 0
`;

export class RedisEchoLog implements EchoLog {
  private readonly local: MemoryEchoLog;

  constructor(
    private readonly client: Redis,
    private readonly echoWindowMs = ECHO_WINDOW_MS,
    private readonly prefix = 'usergraph:changes:unmatched:',
  ) {
    this.local = new MemoryEchoLog(echoWindowMs);
  }

  async isEcho(change: UserChange): Promise<boolean> {
    const key = echoKey(change);
    if (key === undefined) return false;
    const local = this.local.isEcho(change);
    try {
      const matched = await this.client.eval(
        MATCH_OR_WRITE,
        1,
        this.prefix + key,
        change.source,
        this.echoWindowMs,
      );
      return matched === 1;
    } catch {
      return local;
    }
  }
}
