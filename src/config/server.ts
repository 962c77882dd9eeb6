/**
 * Configuration of `npm start` (see the README's configuration table). It loads no emulator
 * module: the server imports the emulator only when it embeds it.
 */
import { isIP } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_LIMITS, type Limits } from '../plugins/use-limits.js';
import { PROVIDER_TRAITS } from '../providers/catalog.js';
import type { ProviderName } from '../providers/types.js';
import { loadCallerAuth, type CallerAuthConfig } from './caller-auth.js';
import type { Rate } from '../budget/rate.js';
import { ConfigError, flag, integer, nonEmpty, rate, type Env } from './env.js';
import { loadObservability, type ObservabilityConfig } from './observability.js';
import { providerCredentials, type ProviderCredentials } from './providers.js';
import { loadRedis, type RedisConfig } from './redis.js';
import { DEFAULT_SEED_USERS } from './seed-users.js';
import { trustedDocuments } from './trusted-documents.js';
import { signingSecret } from './webhooks.js';

export { ConfigError } from './env.js';

export interface ServerConfig extends ProviderCredentials {
  port: number;
  /**
   * `USERGRAPH_HOST`: the interface to listen on; unset, every interface (as in a container).
   * Under `USERGRAPH_AUTH=none` bind 127.0.0.1 or a private interface (see docs/security.md).
   */
  host: string | undefined;
  /**
   * No provider credentials at all: the server starts the emulator in-process with seeded demo
   * data for both providers (the embedded default), and says so.
   */
  embedded: boolean;
  /** Users the embedded emulator seeds per provider. */
  embeddedUsers: number;
  /** Who may call usergraph, and with which scopes (see `CallerAuthConfig`). */
  callerAuth: CallerAuthConfig;
  /** Abuse limits every request meets (see `useLimits`). */
  limits: Limits;
  /** The upstream budget operations spend, and how long one may run. */
  budget: {
    /**
     * `USERGRAPH_CALLER_BUDGET`: upstream calls each caller (API key, JWT `sub`) may make per
     * window; default a third of the Clerk budget (of Passage's when only Passage has one).
     */
    callerRate: Rate | undefined;
    /** `USERGRAPH_REQUEST_TIMEOUT_MS`: past it, unfinished fields fail TIMEOUT. */
    requestTimeoutMs: number;
  };
  /** Password and TOTP checks allowed per user per 15 minutes. */
  verifyAttemptsPerUser: number;
  /** Serve GraphiQL at /graphql in a browser (default: only on the embedded default). */
  graphiql: boolean;
  /** Answer introspection queries (default: only on the embedded default). */
  introspection: boolean;
  /** Origins allowed to call from a browser (CORS); none means same-origin only. */
  corsOrigins: string[];
  /** Where migrations started through GraphQL keep their journal and reports. */
  migrationDirectory: string;
  /**
   * `USERGRAPH_TRUSTED_DOCUMENTS`: when set, only these documents run, each under the sha256 hex
   * of its text (see `useTrustedDocuments`); unset, any document may run.
   */
  trustedDocuments?: ReadonlyMap<string, string>;
  /** Logs, audit, metrics, traces, readiness and shutdown. */
  observability: ObservabilityConfig;
  /**
   * `CLERK_WEBHOOK_SIGNING_SECRET`: when set, `POST /webhooks/clerk` takes Clerk's webhooks and
   * Clerk users are cached across requests. The embedded default makes one up for its emulator.
   */
  webhookSigningSecret: string | undefined;
  /**
   * `USERGRAPH_CACHE_TTL`: seconds a user of a provider whose webhooks tell us of changes (Clerk)
   * stays cached, with webhooks on; 0 turns it off.
   */
  cacheTtlSeconds: number;
  /**
   * `USERGRAPH_<NAME>_CACHE_TTL` (e.g. `USERGRAPH_PASSAGE_CACHE_TTL`) for each provider that
   * sends no webhooks: nothing says when its users change, so 0 (the default) leaves it uncached.
   */
  cacheTtlWithoutWebhooks: Partial<Record<ProviderName, number>>;
  /** `REDIS_URL`: budgets, guesses and leases shared by every replica; unset, all in process. */
  redis: RedisConfig | undefined;
}

export function loadConfig(env: Env = process.env): ServerConfig {
  const port = integer(env, 'PORT', 4000, 0, 65_535);
  const providers = providerCredentials(env);
  const configured = Object.values(providers);
  const embedded = configured.length === 0;
  const callerAuth = loadCallerAuth(env, embedded);
  return {
    port,
    host: listenHost(env, 'USERGRAPH_HOST'),
    ...providers,
    embedded,
    embeddedUsers: integer(env, 'EMULATOR_SEED_USERS', DEFAULT_SEED_USERS, 0, 1_000_000),
    callerAuth,
    limits: {
      maxRequestBytes: integer(
        env,
        'USERGRAPH_MAX_REQUEST_BYTES',
        DEFAULT_LIMITS.maxRequestBytes,
        1024,
        10_000_000,
      ),
      maxUploadBytes: integer(
        env,
        'USERGRAPH_MAX_UPLOAD_BYTES',
        DEFAULT_LIMITS.maxUploadBytes,
        1024,
        50_000_000,
      ),
      maxTokens: integer(env, 'USERGRAPH_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 100, 100_000),
      maxDepth: integer(env, 'USERGRAPH_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 2, 100),
      maxAliases: integer(env, 'USERGRAPH_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 1000),
      maxDirectives: integer(env, 'USERGRAPH_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0, 1000),
      maxComplexity: integer(env, 'USERGRAPH_MAX_COMPLEXITY', DEFAULT_LIMITS.maxComplexity, 10, 1_000_000),
      maxEntities: integer(env, 'USERGRAPH_MAX_ENTITIES', DEFAULT_LIMITS.maxEntities, 1, 10_000),
      maxUpstreamCalls: integer(
        env,
        'USERGRAPH_MAX_UPSTREAM_CALLS',
        DEFAULT_LIMITS.maxUpstreamCalls,
        1,
        100_000,
      ),
    },
    budget: {
      callerRate: callerRate(env, configured.find((settings) => settings.http?.rateLimit)?.http?.rateLimit),
      requestTimeoutMs: integer(env, 'USERGRAPH_REQUEST_TIMEOUT_MS', 15_000, 100, 600_000),
    },
    verifyAttemptsPerUser: integer(env, 'USERGRAPH_VERIFY_ATTEMPTS', 5, 1, 1000),
    // Production answers its own clients, not explorers: on real data both are opt-in.
    graphiql: flag(env, 'USERGRAPH_GRAPHIQL', embedded),
    introspection: flag(env, 'USERGRAPH_INTROSPECTION', embedded),
    corsOrigins: origins(env, 'USERGRAPH_CORS_ORIGINS'),
    migrationDirectory: nonEmpty(env.USERGRAPH_MIGRATION_DIR) ?? join('.usergraph', 'migrations'),
    trustedDocuments: trustedDocuments(env, 'USERGRAPH_TRUSTED_DOCUMENTS'),
    observability: loadObservability(env),
    webhookSigningSecret: secretOf(env, 'CLERK_WEBHOOK_SIGNING_SECRET'),
    cacheTtlSeconds: integer(env, 'USERGRAPH_CACHE_TTL', 300, 0, 86_400),
    cacheTtlWithoutWebhooks: Object.fromEntries(
      PROVIDER_TRAITS.filter((traits) => !traits.changeWebhooks).map(({ name }) => [
        name,
        integer(env, `USERGRAPH_${name.toUpperCase()}_CACHE_TTL`, 0, 0, 86_400),
      ]),
    ),
    redis: loadRedis(env),
  };
}

/**
 * `300` (calls per 10 s) or `<calls>/<seconds>s`; unset, a third of the provider budget, so three
 * busy callers cannot starve a fourth of it (none when no provider has a budget).
 */
function callerRate(env: Env, providerRate: Rate | undefined): Rate | undefined {
  const name = 'USERGRAPH_CALLER_BUDGET';
  const raw = nonEmpty(env[name]);
  if (raw !== undefined && /^\d{1,7}$/.test(raw)) {
    return { requests: integer(env, name, 0, 1, 10_000_000), intervalMs: 10_000 };
  }
  const fallback = providerRate && {
    requests: Math.max(1, Math.floor(providerRate.requests / 3)),
    intervalMs: providerRate.intervalMs,
  };
  return rate(env, name, fallback);
}

function secretOf(env: Env, name: string): string | undefined {
  const value = nonEmpty(env[name]);
  return value === undefined ? undefined : signingSecret(value, name);
}

/** `https://app.example.com,https://admin.example.com`: exact origins, no wildcards. */
function origins(env: Env, name: string): string[] {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return [];
  return raw.split(',').map((entry, i) => {
    const origin = entry.trim();
    // A URL that is its own origin: no wildcard, path or trailing slash.
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new ConfigError(
        `${name} entry ${i + 1} must be an origin like https://app.example.com, got ${JSON.stringify(origin)}`,
      );
    }
    return origin;
  });
}

/** An IP address or a host name (what `net.Server.listen` takes), checked for length first. */
function listenHost(env: Env, name: string): string | undefined {
  const value = nonEmpty(env[name]);
  if (value === undefined) return undefined;
  if (value.length <= 253 && (isIP(value) !== 0 || /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(value))) {
    return value;
  }
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  throw new ConfigError(`${name} must be an IP address or a host name, like 127.0.0.1, got ${shown}`);
}
