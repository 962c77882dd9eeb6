/**
 * Everything replicas share through Redis, built from one connection (and a second one for
 * subscribing): each provider's outbound window, the caller budget, the guess budget, the user
 * cache, the webhook deliveries already acted on, the changes awaiting their echo and the
 * `userChanged` events. Loaded only when `REDIS_URL` is set.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Rate } from '../budget/rate.js';
import type { CacheStore } from '../cache/store.js';
import type { CallerBudget } from '../budget/caller-budget.js';
import type { ProviderBudget } from '../budget/provider-window.js';
import type { RedisConfig } from '../config/redis.js';
import type { AttemptBudgetOptions, GuessBudget } from '../security/attempt-budget.js';
import { RedisStore } from './cache-store.js';
import type { DeliveryLog } from '../webhooks/deliveries.js';
import type { EchoLog } from '../webhooks/user-changes.js';
import { connectRedis, type RedisConnection } from './connection.js';
import { RedisDeliveryLog } from './delivery-log.js';
import { RedisEchoLog } from './echo-log.js';
import { sharedCallerBudget, SharedGuessBudget } from './limiters.js';
import { SharedWindow } from './provider-window.js';

export interface SharedState {
  connection: RedisConnection;
  /** `rate` already widened for arrival; `instance` tells two instances of one provider apart. */
  providerBudget(provider: string, instance: string, rate: Rate): ProviderBudget;
  callerBudget(rate: Rate): CallerBudget;
  guessBudget(options: AttemptBudgetOptions): GuessBudget;
  /**
   * The user cache's entries, seen by every replica; `readWithinMs` is the longest a read
   * upstream may take and still store what it read (the request timeout).
   */
  cacheStore<Value extends object>(readWithinMs: number): CacheStore<Value>;
  /** The webhook deliveries already acted on, by any replica. */
  webhookDeliveries(): DeliveryLog;
  /** The user changes told to subscribers that no echo has matched yet, on any replica. */
  echoLog(): EchoLog;
  /** Carries `userChanged` events between replicas (Redis pub/sub). */
  eventTarget(): ReturnType<typeof createRedisEventTarget>;
  /** Why this replica is degraded (Redis lost), or undefined while it shares. */
  degraded(): string | undefined;
  close(): Promise<void>;
}

export interface SharedStateOptions {
  /** Told when the link drops or is back; given no URL. */
  onChange?: (up: boolean, reason?: string) => void;
}

export async function openSharedState(
  config: RedisConfig,
  options: SharedStateOptions = {},
): Promise<SharedState> {
  let lostReason: string | undefined;
  const connection = await connectRedis(config.url, {
    onChange: (up, reason) => {
      lostReason = up ? undefined : (reason ?? 'connection lost');
      options.onChange?.(up, reason);
    },
  });
  const { client } = connection;
  // A subscribed connection can send nothing else; it queues its SUBSCRIBE until it is up.
  let subscriber: typeof client | undefined;
  return {
    connection,
    providerBudget: (provider, instance, rate) =>
      new SharedWindow({
        client,
        up: connection.up,
        lostAt: connection.lostAt,
        key: `usergraph:budget:${provider}:${instance}`,
        rate,
        replicas: config.replicas,
      }),
    callerBudget: (rate) => sharedCallerBudget(client, rate, config.replicas),
    guessBudget: (attempts) => new SharedGuessBudget(client, attempts),
    cacheStore: (readWithinMs) => new RedisStore(client, { readWithinMs }),
    webhookDeliveries: () => new RedisDeliveryLog(client),
    echoLog: () => new RedisEchoLog(client),
    eventTarget: () => {
      subscriber ??= client.duplicate({ lazyConnect: false, enableOfflineQueue: true });
      subscriber.on('error', () => undefined);
      return createRedisEventTarget({ publishClient: client, subscribeClient: subscriber });
    },
    degraded: () =>
      connection.up()
        ? undefined
        : `Redis unreachable (${lostReason ?? 'reconnecting'}): budgets at this replica's share of ${config.replicas}, password and code checks refused`,
    close: async () => {
      subscriber?.disconnect();
      await connection.close();
    },
  };
}
