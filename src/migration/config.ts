/** Configuration of `npm run migrate`: the same provider and audit variables as the server's. */
import { ConfigError, nonEmpty, type Env } from '../config/env.js';
import { providerCredentials, type ProviderCredentials } from '../config/providers.js';
import { loadRedis, type RedisConfig } from '../config/redis.js';

export { ConfigError } from '../config/env.js';

export interface MigrationConfig {
  /** The target; required. */
  clerk: NonNullable<ProviderCredentials['clerk']>;
  /** The live source, when the migration reads Passage's API (or the emulator) directly. */
  passage: ProviderCredentials['passage'];
  /** `REDIS_URL`: the run's lease is held in Redis, so hosts that share no disk exclude each other. */
  redis: RedisConfig | undefined;
  /** `USERGRAPH_AUDIT_LOG`: a file the audit lines are appended to, besides stdout. */
  auditLog: string | undefined;
}

export function loadMigrationConfig(env: Env = process.env): MigrationConfig {
  const { clerk, passage } = providerCredentials(env);
  if (!clerk) {
    throw new ConfigError(
      'CLERK_SECRET_KEY must be set: the migration writes to Clerk (for a rehearsal, point CLERK_API_URL at `npm run emulator`)',
    );
  }
  return { clerk, passage, redis: loadRedis(env), auditLog: nonEmpty(env.USERGRAPH_AUDIT_LOG) };
}
