/**
 * `createServer(config)` builds usergraph without listening: the providers, yoga and its
 * plugins, and on the embedded default the emulator in-process. `main.ts` listens; tests
 * listen on port 0.
 */
import { randomBytes } from 'node:crypto';
import type { ASTNode } from 'graphql';
import type { DestinationStream } from 'pino';
import {
  createGraphQLError,
  createYoga,
  maskError as maskUnexpected,
  type YogaServerInstance,
} from 'graphql-yoga';
import { LimiterCallerBudget } from './budget/caller-budget.js';
import type { Rate } from './budget/rate.js';
import type { ServerConfig } from './config/server.js';
import { createContext, type Context } from './context.js';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { callerOf, useCallerAuth } from './plugins/use-caller-auth.js';
import { useCallerBudget } from './plugins/use-caller-budget.js';
import { useContextRelease } from './plugins/use-context-release.js';
import { useDeadline } from './plugins/use-deadline.js';
import { useLimits } from './plugins/use-limits.js';
import { useUpstreamCost } from './plugins/use-upstream-cost.js';
import { DOCUMENT_ID_PARAM, useTrustedDocuments } from './plugins/use-trusted-documents.js';
import { AttemptBudget } from './security/attempt-budget.js';
import { MigrationManager } from './migration/manager.js';
import type { RunningEmulator } from './emulator/index.js';
import { PROVIDER_MODULES } from './providers/catalog.js';
import { ProviderError } from './providers/errors.js';
import { ARRIVAL_MARGIN_MS } from './providers/http.js';
import { createRegistry, type ProviderRegistry } from './providers/registry.js';
import type { Provider, ProviderName, User } from './providers/types.js';
import { MemoryStore, type CacheStore } from './cache/store.js';
import { UserCache } from './cache/user-cache.js';
import { CLERK_WEBHOOK_PATH, useClerkWebhooks } from './webhooks/use-clerk-webhooks.js';
import { UserChanges } from './webhooks/user-changes.js';
import { createUserEventBus } from './webhooks/user-events.js';
import { createObservability, type Observability, PATHS } from './observability/index.js';
import { graphQLErrorFor } from './schema/graphql-error.js';
import { schema } from './schema/index.js';

export interface UsergraphServer {
  yoga: YogaServerInstance<Record<string, never>, Context>;
  providers: ProviderRegistry;
  /** The in-process emulator on the embedded default. */
  emulator: RunningEmulator | undefined;
  /** The logger, readiness and draining (see src/observability/). */
  observability: Observability;
  /** Whether `POST /webhooks/clerk` takes Clerk's webhooks (a signing secret is set, or made up). */
  webhooks: boolean;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Where log lines go; stdout when unset (tests capture them here). */
  logDestination?: DestinationStream;
}

export async function createServer(
  config: ServerConfig,
  options: ServerOptions = {},
): Promise<UsergraphServer> {
  const observability = await createObservability(config.observability, options.logDestination);
  const { observeUpstream: observe, observeBudget, log } = observability;
  // Loaded only with REDIS_URL; a Redis that does not answer now stops the start here.
  const shared = config.redis
    ? await (
        await import('./redis/shared-state.js')
      ).openSharedState(config.redis, {
        onChange: (up, reason) =>
          up
            ? log.info({ component: 'redis' }, 'Redis answers: budgets and guesses are shared again')
            : log.warn(
                { component: 'redis', reason },
                "Redis lost: budgets fall back to this replica's share, password and code checks are refused",
              ),
      })
    : undefined;
  /** A provider's window in Redis when shared; undefined keeps the HTTP client's own. */
  const sharedWindow = (name: ProviderName, identity: string, rate: Rate | undefined) =>
    shared && rate
      ? {
          budget: shared.providerBudget(name, identity, {
            requests: rate.requests,
            intervalMs: rate.intervalMs + ARRIVAL_MARGIN_MS,
          }),
        }
      : {};
  // Imported only here, so a server with provider credentials never loads the emulator.
  // The embedded emulator sends its Clerk webhooks to this server in-process, signed with a
  // secret made up for this run, so the graph is live with no setup.
  const webhookSecret =
    config.webhookSigningSecret ??
    (config.embedded ? `whsec_${randomBytes(32).toString('base64')}` : undefined);
  const emulator = config.embedded
    ? await (
        await import('./emulator/index.js')
      ).startEmulator({
        users: config.embeddedUsers,
        webhooks: webhookSecret
          ? {
              url: `http://localhost${CLERK_WEBHOOK_PATH}`,
              secret: webhookSecret,
              fetch: async (url: string, init: RequestInit): Promise<Response> => yoga.fetch(url, init),
            }
          : undefined,
      })
    : undefined;
  // Each known provider with settings (the embedded emulator's, or its variables') is created.
  const configured = PROVIDER_MODULES.flatMap((module) => {
    const settings = emulator ? module.embedded?.(emulator) : config[module.traits.name];
    return settings ? [{ module, settings }] : [];
  });
  const providers = createRegistry(
    configured.map(({ module, settings }) =>
      module.create({
        ...settings,
        http: {
          ...config[module.traits.name]?.http,
          observe,
          observeBudget,
          ...sharedWindow(
            module.traits.name,
            module.identity(settings),
            config[module.traits.name]?.http?.rateLimit,
          ),
        },
      }),
    ),
  );
  const identity = Object.fromEntries(
    configured.map(({ module, settings }) => [module.traits.name, module.identity(settings)]),
  ) as Partial<Record<ProviderName, string>>;

  // The migration moves users from Passage to Clerk: it names both.
  const migrations = new MigrationManager({
    target: providers.get('clerk'),
    targetIdentity: identity.clerk ?? '',
    passage: providers.get('passage'),
    passageIdentity: identity.passage ?? '',
    directory: config.migrationDirectory,
    log: (line) => log.info({ component: 'migration' }, line),
  });
  const changes = new UserChanges(
    createUserEventBus(shared?.eventTarget()),
    userCache(
      shared?.cacheStore<User>(config.budget.requestTimeoutMs) ?? new MemoryStore<User>(),
      observability,
      Object.fromEntries(
        configured.map(({ module: { traits } }) => [
          traits.name,
          {
            ttl: traits.changeWebhooks
              ? webhookSecret
                ? config.cacheTtlSeconds
                : 0
              : (config.cacheTtlWithoutWebhooks[traits.name] ?? 0),
            identity: identity[traits.name]!,
          },
        ]),
      ),
    ),
    // With Redis, a mutation through this replica and its webhook delivered to another are one event.
    shared?.echoLog(),
  );
  // With Redis, a redelivery that lands on another replica is known there too.
  const deliveries = shared?.webhookDeliveries();
  const guesses = { attempts: config.verifyAttemptsPerUser, windowMs: 15 * 60_000 };
  const scope = {
    providers,
    migrations,
    changes,
    limits: config.limits,
    verifyAttempts: shared ? shared.guessBudget(guesses) : new AttemptBudget(guesses),
    budget: {
      callers:
        config.budget.callerRate &&
        (shared?.callerBudget(config.budget.callerRate) ?? new LimiterCallerBudget(config.budget.callerRate)),
      requestTimeoutMs: config.budget.requestTimeoutMs,
    },
  };
  const { trustedDocuments } = config;
  const yoga = createYoga<Record<string, never>, Context>({
    schema,
    // The caller is decided by useCallerAuth before parsing; the context only carries it.
    context: ({ request }) => createContext(scope, request, callerOf(request)),
    plugins: [
      // Clerk's signed webhooks, before caller auth: the signature is their authentication.
      ...(webhookSecret ? [useClerkWebhooks({ signingSecret: webhookSecret, changes, deliveries })] : []),
      // Who is calling, with which scopes: 401 before anything else runs when enforced.
      useCallerAuth(config.callerAuth),
      // Size, tokens, depth, aliases, directives, entities and one verification per operation.
      useLimits(config.limits),
      // An operation that could make more provider calls than allowed is refused before any.
      useUpstreamCost({ maxCalls: config.limits.maxUpstreamCalls }),
      // A caller whose window of upstream calls is spent is refused (429, Retry-After) before
      // executing; the calls themselves are charged as they are made (ctx.call).
      useCallerBudget(scope.budget.callers),
      // Unfinished fields fail TIMEOUT at the deadline; a finished operation disarms it.
      useDeadline(),
      // A browser cannot send a "simple" (form or text) request that yoga would execute.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'apollo-require-preflight'] }),
      // Only documents from the manifest run, when one is configured; introspection texts pass
      // on to the introspection setting below.
      ...(trustedDocuments
        ? [useTrustedDocuments({ documents: trustedDocuments, maxTokens: config.limits.maxTokens })]
        : []),
      // Off on real data unless asked for; `_service` still serves the SDL to gateways.
      ...(config.introspection ? [] : [useDisableIntrospection()]),
      // A finished request is freed by the next minor GC, not the next full one.
      useContextRelease(),
      // Request ids and logs, audit, /ready and draining, /metrics and traces when configured.
      ...observability.plugins(providers.all, shared?.degraded),
    ],
    // Same-origin only unless origins are listed; never a wildcard with credentials.
    cors: config.corsOrigins.length > 0 ? { origin: config.corsOrigins, credentials: true } : false,
    // `documentId` names a trusted document; without a manifest it stays an unexpected parameter.
    extraParamNames: trustedDocuments ? [DOCUMENT_ID_PARAM] : [],
    // Batched requests would multiply every per-operation limit; yoga leaves them off, and so do we.
    batching: false,
    // useLimits refuses a POST without a Content-Length or over its ceiling, and Node reads no
    // more body than Content-Length says, so yoga's costly byte counter would guard nothing.
    maxRequestBodySize: false,
    graphqlEndpoint: PATHS.graphql,
    healthCheckEndpoint: PATHS.health,
    landingPage: false,
    // GraphiQL is bundled (no CDN), so it works offline; the bundle is a 9 MB string, so it is
    // loaded when GraphiQL is first served, not at start (it was a tenth of the idle process).
    renderGraphiQL: config.graphiql
      ? async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options)
      : undefined,
    graphiql: config.graphiql && {
      title: 'usergraph',
      // The page itself needs no token, so it names no real user when callers must authenticate.
      defaultQuery: await exampleQuery(providers, config.callerAuth.mode !== 'enforced'),
    },
    maskedErrors: { maskError },
    logging: observability.yogaLogger,
  });

  return {
    yoga,
    providers,
    emulator,
    observability,
    webhooks: webhookSecret !== undefined,
    close: async () => {
      await observability.close();
      await migrations.close();
      await providers.close();
      await shared?.close();
      await emulator?.stop();
    },
  };
}

/** The cross-request user cache, when some provider's users are cached at all. */
function userCache(
  store: CacheStore<User>,
  observability: Observability,
  instances: Partial<Record<ProviderName, { ttl: number; identity: string } | undefined>>,
): UserCache | undefined {
  const ttlSeconds: Partial<Record<ProviderName, number>> = {};
  const identity: Partial<Record<ProviderName, string>> = {};
  for (const [name, instance] of Object.entries(instances) as [ProviderName, typeof instances.clerk][]) {
    if (!instance || instance.ttl <= 0) continue;
    ttlSeconds[name] = instance.ttl;
    identity[name] = instance.identity;
  }
  const covered = Object.keys(ttlSeconds);
  if (covered.length === 0) return undefined;
  const observe = observability.observeCache(covered);
  return new UserCache({ store, ttlSeconds, identity, observe });
}

/**
 * Provider failures that are not typed results and that no read field converted (a mutation's
 * provider down, a federation reference) get the same code and message as a read's, by the one
 * rule in graphql-error.ts; everything else is masked as yoga does.
 */
function maskError(error: unknown, message: string, isDev?: boolean): Error {
  // Duck-typed: graphql can be loaded twice (its CommonJS and ESM builds), so instanceof lies.
  const graphQLError =
    error instanceof Error && error.name === 'GraphQLError' ? (error as GraphQLErrorLike) : undefined;
  const original = graphQLError ? graphQLError.originalError : error;
  if (original instanceof ProviderError) {
    return createGraphQLError(original.message, {
      nodes: graphQLError?.nodes,
      path: graphQLError?.path,
      extensions: graphQLErrorFor(original).extensions,
    });
  }
  return maskUnexpected(error, message, isDev);
}

interface GraphQLErrorLike extends Error {
  originalError?: unknown;
  nodes?: readonly ASTNode[];
  path?: readonly (string | number)[];
}

/** GraphiQL opens on a query that works against whatever is configured. */
async function exampleQuery(providers: ProviderRegistry, sample: boolean): Promise<string> {
  const lines = [
    '# usergraph: one GraphQL API over Clerk and Passage user management.',
    '# The Docs pane (top left) describes every type, field and argument.',
    '',
  ];
  const provider = providers.all[0];
  const found =
    provider && sample
      ? await provider.listUsers({}, { offset: 0, limit: 1 }, undefined).catch(() => undefined)
      : undefined;
  const id = found?.items[0]?.id ?? 'user_...';
  return [
    ...lines,
    'query FirstUsers {',
    `  users(provider: ${(provider?.name ?? 'clerk').toUpperCase()}, first: 5) {`,
    '    totalCount',
    '    edges { node { id email status lastSignInAt devices { name kind } } }',
    '    pageInfo { hasNextPage endCursor }',
    '  }',
    '}',
    '',
    '# A user by id, or null when there is none; `node(id:)` answers the same.',
    'query OneUser {',
    `  user(id: "${id}") { id provider email status createdAt devices { name kind lastUsedAt } }`,
    '}',
    '',
  ].join('\n');
}
