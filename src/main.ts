/** `npm start`: load the configuration, build the server, listen. */
import { createServer as createHttpServer } from 'node:http';
import type { CallerAuthConfig } from './config/caller-auth.js';
import type { ServerConfig } from './config/server.js';

// graphql-js and GraphQL Armor run their slower development checks unless NODE_ENV is
// `production` when they are first loaded, so it is set before the rest of usergraph is imported;
// an explicit NODE_ENV is kept (vitest's `test` keeps the checks).
process.env.NODE_ENV ??= 'production';
const { ConfigError, loadConfig } = await import('./config/server.js');
const { createServer } = await import('./server.js');

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await createServer(config);
  const http = createHttpServer(server.yoga);
  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const providers = server.providers.all.map((provider) => provider.name).join(' and ');
  // Start-up lines are log lines too, so stdout is JSON from the first line on.
  const { log } = server.observability;
  if (server.emulator) {
    log.info(
      `usergraph: no provider credentials set, so serving the embedded emulator (${config.embeddedUsers} demo users per provider at ${server.emulator.url}).`,
    );
  }
  log.info(`usergraph: ${describeCallerAuth(config.callerAuth)}`);
  if (config.callerAuth.mode === 'gateway' && config.host === undefined) {
    log.warn(
      'usergraph: USERGRAPH_AUTH=none while listening on every interface: anyone who reaches this port has every scope. Set USERGRAPH_HOST=127.0.0.1 (or a private interface) unless a network policy lets only the gateway in.',
    );
  }
  const shownHost =
    config.host === undefined ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  log.info(
    `usergraph: GraphQL (and GraphiQL in a browser) at http://${shownHost}:${port}/graphql over ${providers}`,
  );
  if (server.webhooks) console.log(`usergraph: ${describeWebhooks(config, Boolean(server.emulator))}`);

  const { drain } = await import('./observability/index.js');
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    // /ready turns 503 at once; requests in flight get the grace period, new ones are refused;
    // then a running migration is cancelled and upstream connections are released.
    const { health } = server.observability;
    const drained = health
      ? drain(http, health, config.observability.shutdownGraceMs)
      : Promise.resolve(true);
    drained
      .then(async (finished) => {
        if (!finished) log.warn('shutdown grace period over with requests still in flight');
        await server.close();
      })
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function describeWebhooks(config: ServerConfig, embedded: boolean): string {
  const from = embedded ? "the embedded emulator's Clerk" : 'Clerk';
  const cache =
    config.cacheTtlSeconds > 0
      ? `Clerk users are cached for up to ${config.cacheTtlSeconds} s and dropped when they change`
      : 'the user cache is off (USERGRAPH_CACHE_TTL=0)';
  return `webhooks from ${from} are taken at POST /webhooks/clerk; ${cache}.`;
}

function describeCallerAuth(auth: CallerAuthConfig): string {
  switch (auth.mode) {
    case 'open':
      return 'OPEN: anyone who can reach this port may call it, with every scope. Fine for demo data, never for real users (set USERGRAPH_API_KEYS or a JWT key to require tokens).';
    case 'gateway':
      return 'caller authentication is left to the gateway in front (USERGRAPH_AUTH=none): every request has every scope.';
    case 'enforced': {
      const ways = [
        auth.jwt &&
          `JWTs from ${auth.jwt.issuer} (${auth.jwt.jwksUrl ? 'keys from USERGRAPH_JWKS_URL' : 'the key in USERGRAPH_JWT_PUBLIC_KEY'})`,
        auth.apiKeys.length > 0 && `${auth.apiKeys.length} API key${auth.apiKeys.length > 1 ? 's' : ''}`,
      ].filter(Boolean);
      return `callers must authenticate: Authorization: Bearer with ${ways.join(' or ')}.`;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `usergraph: ${error.message}` : error);
  process.exit(1);
});
