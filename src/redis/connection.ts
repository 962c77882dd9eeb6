/**
 * The one Redis connection of a process (ioredis), opened when `REDIS_URL` is set. Commands fail
 * at once while the connection is down (no offline queue), so every shared structure can fall
 * back or refuse on its own terms; ioredis reconnects in the background, and the structures
 * share again from its first answer. Nothing here logs or throws the URL: it may hold a password.
 */
import { Redis } from 'ioredis';
import { ConfigError } from '../config/env.js';

/** Refusing to start: a REDIS_URL nobody answers at start is a configuration error. */
export class RedisUnavailableError extends ConfigError {
  override name = 'RedisUnavailableError';
}

export interface RedisConnectionOptions {
  /** How long the first connection may take before the program refuses to start. @default 5000 */
  connectTimeoutMs?: number;
  /** Told when the link drops and when it is back; never given the URL. */
  onChange?: (up: boolean, reason?: string) => void;
}

export interface RedisConnection {
  readonly client: Redis;
  /** Whether commands can be sent now. */
  up(): boolean;
  /** When the link last dropped (epoch ms); undefined while it has not since it was up. */
  lostAt(): number | undefined;
  close(): Promise<void>;
}

/** Longest pause between reconnection attempts, so a Redis that comes back is found quickly. */
const MAX_RECONNECT_DELAY_MS = 1_000;

export async function connectRedis(
  url: string,
  options: RedisConnectionOptions = {},
): Promise<RedisConnection> {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: connectTimeoutMs,
    // A Redis that hangs is a Redis lost: budgets fall back rather than wait on it.
    commandTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
  });
  let lastReason: string | undefined;
  // Without a listener ioredis prints every error itself; its messages name the host, not the
  // password, but only the code is kept.
  client.on('error', (error: NodeJS.ErrnoException) => {
    lastReason = error.code ?? error.name;
  });
  // Changes are told from the first connection on; the first itself is the start.
  let wasUp = false;
  let lostAt: number | undefined;
  client.on('ready', () => {
    if (lostAt !== undefined) options.onChange?.(true);
    wasUp = true;
    lostAt = undefined;
    lastReason = undefined;
  });
  client.on('close', () => {
    if (!wasUp) return;
    lostAt = Date.now();
    wasUp = false;
    options.onChange?.(false, lastReason ?? 'connection closed');
  });
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('TIMEOUT')), connectTimeoutMs).unref()),
    ]);
  } catch (error) {
    client.disconnect();
    const reason = lastReason ?? (error as NodeJS.ErrnoException).code ?? 'TIMEOUT';
    throw new RedisUnavailableError(
      `Redis (REDIS_URL) does not answer (${reason}): refusing to start, since budgets, guesses and leases are shared through it. Start Redis, or unset REDIS_URL for a single replica.`,
    );
  }
  return {
    client,
    up: () => client.status === 'ready',
    lostAt: () => lostAt,
    // QUIT is answered after every command sent before it (a lease's release); a link that is
    // down has nothing to deliver.
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
