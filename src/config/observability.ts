/**
 * What the server tells its operators, and how it stops: log level, audit file, metrics, traces,
 * readiness checks and the shutdown grace (docs/operations.md describes each).
 */
import * as z from 'zod';
import { ConfigError, flag, integer, nonEmpty, read, type Env } from './env.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface ObservabilityConfig {
  /** `LOG_LEVEL`; pino's levels. */
  logLevel: (typeof LOG_LEVELS)[number];
  /** `USERGRAPH_AUDIT_LOG`: a file the audit lines are appended to, besides stdout. */
  auditLog: string | undefined;
  /** `USERGRAPH_METRICS=true` serves Prometheus metrics at `GET /metrics`. */
  metrics: boolean;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: traces are exported (OTLP over HTTP) only when it is set. */
  otlpEndpoint: string | undefined;
  /** `USERGRAPH_READY_CHECK_MS`: how often each provider is asked a cheap authenticated call. */
  readyCheckMs: number;
  /** A provider whose last good answer is older than this (three intervals) makes `/ready` 503. */
  readyMaxAgeMs: number;
  /** `USERGRAPH_SHUTDOWN_GRACE_MS`: how long in-flight requests may finish after a signal. */
  shutdownGraceMs: number;
}

export function loadObservability(env: Env): ObservabilityConfig {
  const readyCheckMs = integer(env, 'USERGRAPH_READY_CHECK_MS', 10_000, 100, 600_000);
  return {
    logLevel: read(env, 'LOG_LEVEL', z.enum(LOG_LEVELS), 'info', `one of ${LOG_LEVELS.join(', ')}`),
    auditLog: nonEmpty(env.USERGRAPH_AUDIT_LOG),
    metrics: flag(env, 'USERGRAPH_METRICS', false),
    otlpEndpoint: otlpEndpoint(env, 'OTEL_EXPORTER_OTLP_ENDPOINT'),
    readyCheckMs,
    // Three checks missed in a row: 30 s at the default interval.
    readyMaxAgeMs: 3 * readyCheckMs,
    shutdownGraceMs: integer(env, 'USERGRAPH_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
  };
}

function otlpEndpoint(env: Env, name: string): string | undefined {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return undefined;
  if (!z.url({ protocol: /^https?$/ }).safeParse(raw).success) {
    throw new ConfigError(`${name} must be an http(s) URL, got ${JSON.stringify(raw.slice(0, 60))}`);
  }
  return raw;
}
