/**
 * The providers' variables, which the server and the migration share: each provider reads its own
 * (`CLERK_*`, `PASSAGE_*`, see its `index.ts`), and every one takes the same tuning:
 * `USERGRAPH_UPSTREAM_CONNECTIONS`, `USERGRAPH_UPSTREAM_QUEUE_MS` and
 * `USERGRAPH_<NAME>_RATE_LIMIT` (Clerk 900/10s unless set; Passage none).
 */
import { PROVIDER_MODULES } from '../providers/catalog.js';
import { DEFAULT_MAX_QUEUE_MS } from '../providers/http.js';
import type { ProviderHttp } from '../providers/module.js';
import type { KnownProviders } from '../providers/types.js';
import { integer, nonEmpty, rate, type Env } from './env.js';

/** The settings of each configured provider, by name; a provider is configured when its key is set. */
export type ProviderCredentials = { [Name in keyof KnownProviders]?: KnownProviders[Name] };

export function providerCredentials(env: Env): ProviderCredentials {
  const http = upstreamHttp(env);
  const credentials: Record<string, unknown> = {};
  for (const module of PROVIDER_MODULES) {
    const { name } = module.traits;
    // Read whether or not the provider is on, so a mistyped budget is never silently ignored.
    const rateLimit = rate(env, `USERGRAPH_${name.toUpperCase()}_RATE_LIMIT`, module.defaultRateLimit);
    const settings = module.settingsFromEnv(env);
    if (settings) credentials[name] = { ...settings, http: { ...http, rateLimit } };
  }
  return credentials as ProviderCredentials;
}

/** The HTTP tuning the environment may set, the same for every provider. */
function upstreamHttp(env: Env): ProviderHttp {
  // Unset keeps the HTTP client's own default, documented where it is applied (providers/http.ts).
  const connections =
    nonEmpty(env.USERGRAPH_UPSTREAM_CONNECTIONS) === undefined
      ? {}
      : { connections: integer(env, 'USERGRAPH_UPSTREAM_CONNECTIONS', 0, 1, 1024) };
  return {
    ...connections,
    maxQueueMs: integer(env, 'USERGRAPH_UPSTREAM_QUEUE_MS', DEFAULT_MAX_QUEUE_MS, 0, 600_000),
  };
}
