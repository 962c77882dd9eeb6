/**
 * What the server tells its operators, built once per server: the logger, the audit trail,
 * metrics and traces when configured, and readiness. `observeUpstream` is the providers' HTTP
 * hook; `plugins` are the yoga plugins that reach every request.
 */
import type { DestinationStream } from 'pino';
import type { Plugin } from 'graphql-yoga';
import type { ObservabilityConfig } from '../config/observability.js';
import type { Context } from '../context.js';
import type { ProviderBudget } from '../budget/provider-window.js';
import type { UpstreamCall } from '../providers/http.js';
import type { Provider } from '../providers/types.js';
import { createAuditTrail, useAudit } from './audit.js';
import { Health } from './health.js';
import { createLogger, yogaLogger, type Logger } from './logger.js';
import { useRequestLog } from './use-request-log.js';

export { drain, type Health } from './health.js';
export type { Logger } from './logger.js';

export const PATHS = { graphql: '/graphql', health: '/health', ready: '/ready', metrics: '/metrics' };

export interface Observability {
  log: Logger;
  yogaLogger: ReturnType<typeof yogaLogger>;
  observeUpstream: (call: UpstreamCall) => void;
  /** The providers' HTTP hook that hands over each rate budget, so metrics can read what is left. */
  observeBudget: (provider: string, budget: ProviderBudget) => void;
  /**
   * Told that a cross-request user cache serves these providers; answers what the cache calls
   * after each read (hits and misses), a no-op without metrics.
   */
  observeCache(providers: readonly string[]): (provider: string, hits: number, misses: number) => void;
  /** The yoga plugins, given the providers readiness checks and what may degrade the replica. */
  plugins(providers: readonly Provider[], degraded?: () => string | undefined): Plugin[];
  health: Health | undefined;
  close(): Promise<void>;
}

export async function createObservability(
  config: ObservabilityConfig,
  destination?: DestinationStream,
): Promise<Observability> {
  const log = createLogger(config.logLevel, destination);
  // Each loaded only when asked for: no prom-client, and no OpenTelemetry module, otherwise.
  const metricsModule = config.metrics ? await import('./metrics.js') : undefined;
  const metrics = metricsModule?.createMetrics();
  const tracing = config.otlpEndpoint
    ? await (await import('./tracing.js')).createTracing(config.otlpEndpoint)
    : undefined;
  const observability: Observability = {
    log,
    yogaLogger: yogaLogger(log),
    observeUpstream(call) {
      metrics?.upstream(call);
    },
    observeBudget(provider, budget) {
      metrics?.budget(provider, budget);
    },
    observeCache(providers) {
      return metrics ? metrics.cacheOn(providers) : () => undefined;
    },
    plugins(providers, degraded) {
      const health = new Health(providers, {
        checkMs: config.readyCheckMs,
        maxAgeMs: config.readyMaxAgeMs,
        log,
        degraded,
      });
      observability.health = health;
      return [
        // Draining and /ready first: a refused request costs nothing else.
        health.plugin(PATHS),
        // The request id, and one line per operation when it ends.
        useRequestLog({
          log,
          graphqlPath: PATHS.graphql,
          finished: [metrics?.finished, tracing?.finished].filter((listener) => listener !== undefined),
        }),
        ...(tracing ? [tracing.plugin()] : []),
        ...(metricsModule && metrics ? [metricsModule.useMetrics(metrics, PATHS.metrics)] : []),
        // One audit line per mutation attempted.
        useAudit(createAuditTrail(log, config.auditLog)),
      ];
    },
    health: undefined,
    async close() {
      observability.health?.stop();
      await tracing?.close();
      log.flush();
    },
  };
  return observability;
}
