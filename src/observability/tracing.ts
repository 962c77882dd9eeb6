/**
 * OpenTelemetry traces, loaded (by a dynamic import) only when `OTEL_EXPORTER_OTLP_ENDPOINT` is
 * set, and exported as OTLP over HTTP to `<endpoint>/v1/traces`. Each GraphQL request is one
 * trace: a span for the operation, and a child span per upstream HTTP call naming the provider,
 * the route template, the status and the retries, so a slow request shows where its time went.
 *
 * The spans are written when the request ends, from the times recorded while it ran, so nothing
 * depends on an async context surviving through yoga, DataLoader and undici.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { Plugin } from 'graphql-yoga';
import type { UpstreamCall } from '../providers/http.js';
import { recordOfContext, type RequestRecord } from './request.js';
import type { FinishedRequest } from './use-request-log.js';

interface TimedCall {
  call: UpstreamCall;
  endedAt: number;
}

export async function createTracing(endpoint: string) {
  const provider = new TracerProvider({
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }),
      }),
    ],
  });
  const tracer = provider.getTracer('usergraph');
  const calls = new WeakMap<RequestRecord, TimedCall[]>();
  // performance.now() is relative to the process start; spans take wall-clock milliseconds.
  const wallClock = (monotonic: number) => performance.timeOrigin + monotonic;

  return {
    /** Starts collecting the upstream calls of each request. */
    plugin(): Plugin {
      return {
        // Upstream calls happen while the operation executes.
        onExecute({ args }) {
          const record = recordOfContext(args.contextValue);
          if (!record) return;
          const timed: TimedCall[] = [];
          calls.set(record, timed);
          record.onUpstream = (call) => timed.push({ call, endedAt: Date.now() });
        },
      };
    },
    finished({ record, status, outcome }: FinishedRequest): void {
      const span = tracer.startSpan(`${record.kind ?? 'graphql'} ${record.operation ?? 'request'}`, {
        kind: SpanKind.SERVER,
        startTime: wallClock(record.started),
        attributes: {
          'graphql.operation.name': record.operation,
          'graphql.operation.type': record.kind,
          'http.response.status_code': status,
          'usergraph.request_id': record.id,
          'usergraph.outcome': outcome,
          ...(record.caller ? { 'usergraph.caller': record.caller } : {}),
        },
      });
      if (outcome === 'error') span.setStatus({ code: SpanStatusCode.ERROR });
      const parent = trace.setSpan(ROOT_CONTEXT, span);
      for (const { call, endedAt } of calls.get(record) ?? []) upstreamSpan(call, endedAt, parent);
      span.end();
    },
    close: () => provider.shutdown(),
  };

  function upstreamSpan(call: UpstreamCall, endedAt: number, parent: Context): Span {
    const span = tracer.startSpan(
      `${call.method} ${call.route}`,
      {
        kind: SpanKind.CLIENT,
        startTime: endedAt - call.durationMs,
        attributes: {
          'usergraph.provider': call.provider,
          'http.request.method': call.method,
          'url.template': call.route,
          'usergraph.retries': call.retries,
          'usergraph.outcome': call.outcome,
          ...(call.status === undefined ? {} : { 'http.response.status_code': call.status }),
        },
      },
      parent,
    );
    if (call.outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: call.outcome });
    span.end(endedAt);
    return span;
  }
}
