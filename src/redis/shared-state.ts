/**
 * Everything replicas share through Redis, built from one connection: each provider's outbound
 * window, the caller budget, the guess budget. Loaded only when `REDIS_URL` is set.
 */
import type { Rate } from '../budget/rate.js';
import type { CallerBudget } from '../budget/caller-budget.js';
import type { ProviderBudget } from '../budget/provider-window.js';
import type { RedisConfig } from '../config/redis.js';
import type { AttemptBudgetOptions, GuessBudget } from '../security/attempt-budget.js';
import { connectRedis, type RedisConnection } from './connection.js';
import { sharedCallerBudget, SharedGuessBudget } from './limiters.js';
import { SharedWindow } from './provider-window.js';

export interface SharedState {
  connection: RedisConnection;
  /** `rate` already widened for arrival; `instance` tells two instances of one provider apart. */
  providerBudget(provider: string, instance: string, rate: Rate): ProviderBudget;
  callerBudget(rate: Rate): CallerBudget;
  guessBudget(options: AttemptBudgetOptions): GuessBudget;
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
    degraded: () =>
      connection.up()
        ? undefined
        : `Redis unreachable (${lostReason ?? 'reconnecting'}): budgets at this replica's share of ${config.replicas}, password and code checks refused`,
    close: () => connection.close(),
  };
}
