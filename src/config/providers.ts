/** `CLERK_*` and `PASSAGE_*`: the provider variables the server and the migration share. */
import { CLERK_DEFAULT_RATE_LIMIT, type ClerkProviderOptions } from '../providers/clerk/index.js';
import type { PassageProviderOptions } from '../providers/passage/index.js';
import { DEFAULT_MAX_QUEUE_MS } from '../providers/http.js';
import { baseUrl, ConfigError, integer, nonEmpty, rate, type Env } from './env.js';

export interface ProviderCredentials {
  /**
   * Set when `CLERK_SECRET_KEY` is. Its `http` tunes the calls to Clerk: connections from
   * `USERGRAPH_UPSTREAM_CONNECTIONS`, the rate budget from `USERGRAPH_CLERK_RATE_LIMIT` (default
   * 900/10s), the wait for it from `USERGRAPH_UPSTREAM_QUEUE_MS`; timeouts and retries in code.
   */
  clerk?: ClerkProviderOptions;
  /**
   * Set when `PASSAGE_APP_ID` and `PASSAGE_API_KEY` are; its `http` as Clerk's, the budget from
   * `USERGRAPH_PASSAGE_RATE_LIMIT` (none by default).
   */
  passage?: PassageProviderOptions;
}

/** Each provider is configured when its key is set. */
export function providerCredentials(env: Env): ProviderCredentials {
  const clerkSecretKey = nonEmpty(env.CLERK_SECRET_KEY);
  const passageAppId = nonEmpty(env.PASSAGE_APP_ID);
  const passageApiKey = nonEmpty(env.PASSAGE_API_KEY);
  if ((passageAppId === undefined) !== (passageApiKey === undefined)) {
    throw new ConfigError(
      `PASSAGE_APP_ID and PASSAGE_API_KEY go together: set both or neither (only ${passageAppId ? 'PASSAGE_APP_ID' : 'PASSAGE_API_KEY'} is set)`,
    );
  }
  const http = upstreamHttp(env);
  // Read whether or not the provider is on, so a mistyped budget is never silently ignored.
  const clerkRate = rate(env, 'USERGRAPH_CLERK_RATE_LIMIT', CLERK_DEFAULT_RATE_LIMIT);
  const passageRate = rate(env, 'USERGRAPH_PASSAGE_RATE_LIMIT', undefined);
  const clerk = clerkSecretKey
    ? {
        secretKey: clerkSecretKey,
        apiUrl: baseUrl(env, 'CLERK_API_URL', 'https://api.clerk.com/v1'),
        http: { ...http, rateLimit: clerkRate },
      }
    : undefined;
  const passage =
    passageAppId && passageApiKey
      ? {
          appId: passageAppId,
          apiKey: passageApiKey,
          apiUrl: baseUrl(env, 'PASSAGE_API_URL', 'https://api.passage.id/v1'),
          http: { ...http, rateLimit: passageRate },
        }
      : undefined;
  return { clerk, passage };
}

/** The providers' HTTP tuning the environment may set; Clerk's and Passage's have the same shape. */
function upstreamHttp(env: Env): NonNullable<ClerkProviderOptions['http']> {
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
