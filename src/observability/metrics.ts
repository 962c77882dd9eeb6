/**
 * Prometheus metrics (`prom-client`), served at `GET /metrics` with `USERGRAPH_METRICS=true`.
 * Labels are bounded: operation names (capped in number), providers, methods, route templates,
 * status classes, loader names and hit/miss; never a user id, e-mail, path or caller secret.
 */
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ProviderBudget } from '../budget/provider-window.js';
import type { UpstreamCall } from '../providers/http.js';
import { recordOfContext } from './request.js';
import type { FinishedRequest } from './use-request-log.js';

/** Past this many distinct operation names, new ones count as `other`. */
const MAX_OPERATION_NAMES = 500;

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'usergraph_' });
  const names = new Set<string>();
  const operations = new Counter({
    name: 'usergraph_operations_total',
    help: 'GraphQL operations by name, kind and outcome (ok, refused, error).',
    labelNames: ['operation', 'kind', 'outcome'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'usergraph_operation_duration_seconds',
    help: 'Time from request to response per GraphQL operation.',
    labelNames: ['operation', 'kind'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const upstreamCalls = new Counter({
    name: 'usergraph_upstream_calls_total',
    help: 'Calls to a provider by provider, method, route template and status class (2xx, 4xx, 5xx, or the failure code when no response came).',
    labelNames: ['provider', 'method', 'route', 'status_class'],
    registers: [registry],
  });
  const upstreamDurations = new Histogram({
    name: 'usergraph_upstream_duration_seconds',
    help: 'Time per provider call, waiting for the rate budget and retries included.',
    labelNames: ['provider', 'method', 'route'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'usergraph_upstream_retries_total',
    help: 'Retries of provider calls (after a 429, 5xx or dropped connection).',
    labelNames: ['provider', 'route'],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'usergraph_upstream_rate_limited_total',
    help: 'Provider calls that ended in a 429 after any retries.',
    labelNames: ['provider'],
    registers: [registry],
  });
  const budgetWaits = new Histogram({
    name: 'usergraph_upstream_budget_wait_seconds',
    help: "Time a provider call waited for its turn in the provider's rate budget before it was sent.",
    labelNames: ['provider'],
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const budgets = new Map<string, ProviderBudget>();
  new Gauge({
    name: 'usergraph_upstream_budget_remaining',
    help: "Calls the provider's rate budget could start now without waiting (its sliding window's free slots).",
    labelNames: ['provider'],
    registers: [registry],
    async collect() {
      for (const [provider, budget] of budgets) {
        const left = await budget.remaining?.();
        if (left !== undefined) this.set({ provider }, left);
      }
    },
  });
  let cacheReads: Counter | undefined;
  const batches = new Histogram({
    name: 'usergraph_loader_batch_size',
    help: 'Keys per DataLoader batch, by loader.',
    labelNames: ['loader'],
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500],
    registers: [registry],
  });

  const operationLabel = (name: string | undefined) => {
    const label = (name ?? 'none').slice(0, 100);
    if (names.has(label)) return label;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(label);
    return label;
  };

  return {
    registry,
    finished({ record, outcome, durationMs }: FinishedRequest): void {
      const labels = { operation: operationLabel(record.operation), kind: record.kind ?? 'none' };
      operations.inc({ ...labels, outcome });
      durations.observe(labels, durationMs / 1000);
    },
    upstream(call: UpstreamCall): void {
      const { provider, method, route } = call;
      const statusClass = call.status === undefined ? call.outcome : `${Math.floor(call.status / 100)}xx`;
      upstreamCalls.inc({ provider, method, route, status_class: statusClass });
      upstreamDurations.observe({ provider, method, route }, call.durationMs / 1000);
      if (call.retries > 0) retries.inc({ provider, route }, call.retries);
      if (call.status === 429) rateLimited.inc({ provider });
      if (call.budgetWaitMs !== undefined) budgetWaits.observe({ provider }, call.budgetWaitMs / 1000);
    },
    /** A provider's rate budget, read when metrics are scraped. */
    budget(provider: string, budget: ProviderBudget): void {
      budgets.set(provider, budget);
    },
    /** The counter of the cross-request user cache, made only when the cache is on. */
    cacheOn(providers: readonly string[]): (provider: string, hits: number, misses: number) => void {
      const counter = (cacheReads ??= new Counter({
        name: 'usergraph_user_cache_reads_total',
        help: 'Users asked of the cross-request user cache, by provider and result (hit, miss).',
        labelNames: ['provider', 'result'],
        registers: [registry],
      }));
      for (const provider of providers) {
        counter.inc({ provider, result: 'hit' }, 0);
        counter.inc({ provider, result: 'miss' }, 0);
      }
      return (provider, hits, misses) => {
        if (hits > 0) counter.inc({ provider, result: 'hit' }, hits);
        if (misses > 0) counter.inc({ provider, result: 'miss' }, misses);
      };
    },
    batch(loader: string, size: number): void {
      batches.observe({ loader }, size);
    },
  };
}

/** `GET <path>` answers the registry in Prometheus' text format. */
export function useMetrics(metrics: Metrics, path = '/metrics'): Plugin {
  return {
    onExecute({ args }) {
      const record = recordOfContext(args.contextValue);
      if (record) record.onBatch = (loader, size) => metrics.batch(loader, size);
    },
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== path || request.method !== 'GET') return;
      endResponse(
        new Response(await metrics.registry.metrics(), {
          headers: { 'content-type': metrics.registry.contentType },
        }),
      );
    },
  };
}
