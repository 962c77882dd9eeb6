/**
 * `REDIS_URL` and `USERGRAPH_REPLICAS`: shared state for many replicas, read by the server and
 * the migration CLI alike. No message here quotes the URL: it may hold a password.
 */
import { ConfigError, integer, nonEmpty, type Env } from './env.js';

export interface RedisConfig {
  /** `redis://` or `rediss://` (TLS); handed to ioredis, never logged. */
  url: string;
  /**
   * `USERGRAPH_REPLICAS`: how many replicas share the budgets; each falls back to its share
   * (limit ÷ replicas) while Redis is lost.
   */
  replicas: number;
}

export function loadRedis(env: Env): RedisConfig | undefined {
  // Read whether or not Redis is on, so a mistyped count is never silently ignored.
  const replicas = integer(env, 'USERGRAPH_REPLICAS', 1, 1, 1000);
  const url = nonEmpty(env.REDIS_URL);
  if (url === undefined) return undefined;
  const protocol = url.length <= 2048 && URL.canParse(url) ? new URL(url).protocol : undefined;
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new ConfigError(
      'REDIS_URL must be a redis:// or rediss:// URL, like redis://127.0.0.1:6379/0 (the value is not shown: it may hold a password)',
    );
  }
  return { url, replicas };
}
