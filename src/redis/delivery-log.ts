/**
 * The webhook delivery ids already acted on, in Redis (`SET NX PX`, one key per id that expires
 * with Svix's redelivery horizon), so a redelivery to any replica is acknowledged without
 * dropping the user or telling subscribers once more. This replica's own ids are also kept in
 * process: while Redis is lost it still catches its own redeliveries, and one landing on another
 * replica acts once more, which is harmless.
 */
import type { Redis } from 'ioredis';
import { MemoryDeliveryLog, REMEMBER_DELIVERIES_MS, type DeliveryLog } from '../webhooks/deliveries.js';

export class RedisDeliveryLog implements DeliveryLog {
  private readonly local = new MemoryDeliveryLog();

  constructor(
    private readonly client: Redis,
    private readonly prefix = 'usergraph:webhooks:delivered:',
  ) {}

  async claim(id: string): Promise<boolean> {
    if (!(await this.local.claim(id))) return false;
    const taken = await this.client
      .set(this.prefix + id, '1', 'PX', REMEMBER_DELIVERIES_MS, 'NX')
      .catch(() => 'OK' as const);
    return taken === 'OK';
  }

  async release(id: string): Promise<void> {
    await this.local.release(id);
    await this.client.del(this.prefix + id).catch(() => undefined);
  }
}
