/**
 * The one place a user change is told to the rest of the server, whoever saw it (a provider's
 * webhook, or a mutation usergraph made): the shared cache drops the user, then subscribers hear
 * of it, so a subscriber that reads the user on the event reads it fresh.
 *
 * A change usergraph makes is seen twice: by the mutation, and by the webhook Clerk sends for it.
 * Subscribers hear of it once. The two are told apart from two changes by the user's version
 * (Clerk's `updated_at`, which the mutation's answer and the webhook's `data` both carry): a
 * webhook whose user, type and version match a mutation's from the last `echoWindowMs` (or the
 * other way round, whichever arrives first) is that mutation's echo, and only drops the cache.
 * A deletion carries no version and is matched on the user alone (a user is deleted once). A
 * change without a version on either side (a sign-out, which answers no user) is never taken
 * for an echo: a duplicate event is better than a lost one.
 */
import { LRUCache } from 'lru-cache';
import type { UserCache } from '../cache/user-cache.js';
import type { ProviderName } from '../providers/types.js';
import type { UserChangeType, UserEventBus } from './user-events.js';

export interface UserChange {
  provider: ProviderName;
  userId: string;
  type: UserChangeType;
  /** Who saw it: a mutation usergraph made, or the provider's webhook. */
  source: 'mutation' | 'webhook';
  /** The user's version after the change (its `updatedAt`, in ms), when known. */
  version?: number;
}

/** How long a change waits to be matched with its echo from the other source. */
export const ECHO_WINDOW_MS = 30_000;

/**
 * The changes told to subscribers that no echo has matched yet. This process's by default; with
 * `REDIS_URL` every replica's (src/redis/echo-log.ts), since a mutation made through replica A
 * is echoed by a webhook Clerk may deliver to replica B.
 */
export interface EchoLog {
  /** True when `change` echoes one the other source told of (which is then forgotten). */
  isEcho(change: UserChange): Promise<boolean>;
}

/** What an echo must match besides the user and the source: the version, or a deletion. */
export function echoKey(change: UserChange): string | undefined {
  if (change.type === 'DELETED') return `${change.provider}:${change.userId}:DELETED`;
  // A change without a version is never taken for an echo: a duplicate event beats a lost one.
  return change.version === undefined
    ? undefined
    : `${change.provider}:${change.userId}:${change.type}:${change.version}`;
}

export class MemoryEchoLog implements EchoLog {
  /** Per change: the source that told of it first. */
  private readonly unmatched: LRUCache<string, UserChange['source']>;

  constructor(echoWindowMs = ECHO_WINDOW_MS) {
    this.unmatched = new LRUCache({ max: 10_000, ttl: echoWindowMs });
  }

  async isEcho(change: UserChange): Promise<boolean> {
    const key = echoKey(change);
    if (key === undefined) return false;
    const earlier = this.unmatched.get(key);
    if (earlier !== undefined && earlier !== change.source) {
      this.unmatched.delete(key);
      return true;
    }
    this.unmatched.set(key, change.source);
    return false;
  }
}

export class UserChanges {
  constructor(
    readonly events: UserEventBus,
    private readonly cache: UserCache | undefined,
    private readonly echoes: EchoLog = new MemoryEchoLog(),
  ) {}

  get userCache(): UserCache | undefined {
    return this.cache;
  }

  async changed(change: UserChange): Promise<void> {
    const { provider, userId, type } = change;
    await this.cache?.forget(provider, userId);
    if (await this.echoes.isEcho(change)) return;
    this.events.publish('userChanged', { type, provider, userId, at: new Date().toISOString() });
  }
}
