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

interface Seen {
  source: UserChange['source'];
  version: number | undefined;
  at: number;
}

export class UserChanges {
  /** Changes told to subscribers that no echo has matched yet, per provider, user and type. */
  private readonly unmatched: LRUCache<string, Seen[]>;

  constructor(
    readonly events: UserEventBus,
    private readonly cache: UserCache | undefined,
    private readonly echoWindowMs = ECHO_WINDOW_MS,
  ) {
    this.unmatched = new LRUCache({ max: 10_000, ttl: echoWindowMs });
  }

  get userCache(): UserCache | undefined {
    return this.cache;
  }

  async changed(change: UserChange): Promise<void> {
    const { provider, userId, type } = change;
    await this.cache?.forget(provider, userId);
    if (this.isEcho(change)) return;
    this.events.publish('userChanged', { type, provider, userId, at: new Date().toISOString() });
  }

  /** Whether the other source already told of this change; an echo matched is forgotten. */
  private isEcho(change: UserChange): boolean {
    const key = `${change.provider}:${change.userId}:${change.type}`;
    const now = Date.now();
    const seen = (this.unmatched.get(key) ?? []).filter((earlier) => now - earlier.at < this.echoWindowMs);
    const match = seen.findIndex(
      (earlier) =>
        earlier.source !== change.source &&
        (change.type === 'DELETED' || (earlier.version !== undefined && earlier.version === change.version)),
    );
    if (match >= 0) {
      seen.splice(match, 1);
      this.unmatched.set(key, seen);
      return true;
    }
    // A few are kept per user: a burst of changes to one user finds each its own echo.
    this.unmatched.set(key, [...seen.slice(-7), { source: change.source, version: change.version, at: now }]);
    return false;
  }
}
