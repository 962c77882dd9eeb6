/**
 * What one HTTP request did, gathered while it runs: its id, the operation, the caller, the
 * upstream calls it caused and the errors it answered. A record is found by its request (the
 * Fetch `Request` yoga hands every hook and puts in the context); upstream calls and loader
 * batches reach it through the request's call options (`observerOf`), which every provider call
 * already carries. AsyncLocalStorage did this until it was measured: its promise hooks ran on
 * every promise of every request, ~5 % of a wide list's CPU and as much of what it allocated.
 */
import { randomUUID } from 'node:crypto';
import type { UpstreamCall } from '../providers/http.js';
import type { RequestObserver } from '../providers/types.js';

export interface RequestRecord {
  id: string;
  started: number;
  /** The operation's name, or `anonymous <query|mutation|subscription>`. */
  operation?: string;
  kind?: 'query' | 'mutation' | 'subscription';
  /** The API key's id (`api-key-<n>`), the JWT's `sub`, or `open`/`gateway`: never a token. */
  caller?: string;
  /** `extensions.code` of every error answered, once each. */
  errors: Set<string>;
  /** The upstream calls the operation was estimated to make before it ran (`useUpstreamCost`). */
  estimatedCalls?: number;
  upstream: UpstreamSummary;
  /** Where this request's mutations are audited (set by `useAudit`). */
  audit?: (entry: Record<string, unknown>) => void;
  /** Told of each DataLoader batch of this request (set by metrics). */
  onBatch?: (loader: string, size: number) => void;
  /** Run by each upstream call of this request (a trace span, for one). */
  onUpstream?: (call: UpstreamCall) => void;
}

/** Upstream calls counted by provider, method, route template and status. */
export interface UpstreamSummary {
  calls: number;
  retries: number;
  byRoute: Map<string, { provider: string; method: string; route: string; status: string; count: number }>;
  byProvider: Map<string, ProviderSummary>;
}

/** What one provider's budget meant for this request. */
export interface ProviderSummary {
  provider: string;
  calls: number;
  /** Summed over the calls: time spent waiting for a turn in the provider's rate budget. */
  budgetWaitMs: number;
  /** Calls the provider's budget could start at once, as this request's last call took its turn. */
  budgetLeft: number | null;
}

const records = new WeakMap<Request, RequestRecord>();

/** The record of a request `useRequestLog` has seen; none for a request it has not. */
export const recordOf = (request: Request | undefined): RequestRecord | undefined =>
  request && records.get(request);

/** The record of the request a GraphQL context serves (yoga puts the request in it). */
export const recordOfContext = (context: unknown): RequestRecord | undefined =>
  recordOf((context as { request?: Request } | undefined)?.request);

/** Starts the record of a request, with the caller's request id when it is well-formed. */
export function startRecord(request: Request): RequestRecord {
  const record = newRecord(request.headers.get('x-request-id'));
  records.set(request, record);
  return record;
}

/** What the request's upstream calls and loader batches report to; none outside a request. */
export function observerOf(request: Request): RequestObserver | undefined {
  const record = recordOf(request);
  if (!record) return undefined;
  return {
    call: (call) => recordUpstream(record, call),
    batch: (loader, size) => record.onBatch?.(loader, size),
  };
}

/** Letters, digits and `-_.:`, as proxies and tracers generate; anything else is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function newRecord(header: string | null): RequestRecord {
  return {
    id: header !== null && REQUEST_ID.test(header) ? header : randomUUID(),
    started: performance.now(),
    errors: new Set(),
    upstream: { calls: 0, retries: 0, byRoute: new Map(), byProvider: new Map() },
  };
}

export function recordUpstream(record: RequestRecord, call: UpstreamCall): void {
  const status = call.status === undefined ? call.outcome : String(call.status);
  const key = `${call.provider} ${call.method} ${call.route} ${status}`;
  const entry = record.upstream.byRoute.get(key);
  if (entry) entry.count += 1;
  else {
    const { provider, method, route } = call;
    record.upstream.byRoute.set(key, { provider, method, route, status, count: 1 });
  }
  record.upstream.calls += 1;
  record.upstream.retries += call.retries;
  let provider = record.upstream.byProvider.get(call.provider);
  if (!provider) {
    provider = { provider: call.provider, calls: 0, budgetWaitMs: 0, budgetLeft: null };
    record.upstream.byProvider.set(call.provider, provider);
  }
  provider.calls += 1;
  provider.budgetWaitMs += Math.round(call.budgetWaitMs ?? 0);
  if (call.budgetLeft !== undefined) provider.budgetLeft = call.budgetLeft;
  record.onUpstream?.(call);
}
