/**
 * Which webhook deliveries were already acted on, by message id (`svix-id`). Svix redelivers
 * until it gets a 2xx, also after a 2xx it did not receive, so a redelivery is acknowledged
 * without acting twice. This log is one process's; with `REDIS_URL` it is shared
 * (src/redis/delivery-log.ts), so a redelivery that lands on another replica is caught too.
 */
import { LRUCache } from 'lru-cache';

export interface DeliveryLog {
  /** True when `id` is new, and from now on remembered; false when it was already. */
  claim(id: string): Promise<boolean>;
  /** Forgets `id`, after acting on it failed, so its redelivery acts. */
  release(id: string): Promise<void>;
}

/** How long an id is remembered: Svix retries a message for about three days. */
export const REMEMBER_DELIVERIES_MS = 3 * 24 * 3600_000;

/** Ids remembered at most in one process, so memory stays bounded however many events arrive. */
const MAX_REMEMBERED = 50_000;

export class MemoryDeliveryLog implements DeliveryLog {
  private readonly seen = new LRUCache<string, true>({ max: MAX_REMEMBERED, ttl: REMEMBER_DELIVERIES_MS });

  async claim(id: string): Promise<boolean> {
    if (this.seen.has(id)) return false;
    this.seen.set(id, true);
    return true;
  }

  async release(id: string): Promise<void> {
    this.seen.delete(id);
  }
}
