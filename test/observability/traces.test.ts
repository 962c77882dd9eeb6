import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { useUsergraph } from '../helpers/server.js';

interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
}

/** A small OTLP/HTTP receiver: what arrives at /v1/traces, as JSON. */
const spans: ReceivedSpan[] = [];
const receiver = createServer(async (request: IncomingMessage, response) => {
  let text = '';
  for await (const chunk of request) text += chunk;
  if (request.url === '/v1/traces') {
    const body = JSON.parse(text) as {
      resourceSpans: { scopeSpans: { spans: ReceivedSpan[] }[] }[];
    };
    for (const resource of body.resourceSpans)
      for (const scope of resource.scopeSpans) spans.push(...scope.spans);
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
// The batch processor's delay, read from the standard variable, so the test waits little.
process.env.OTEL_BSP_SCHEDULE_DELAY = '100';

const attribute = (span: ReceivedSpan, key: string) => {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

describe('traces (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  const { gql } = useUsergraph({ users: 60 }, { env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } });
  afterAll(() => new Promise((resolve) => receiver.close(resolve)));

  it('one trace for 50 Passage users with devices: the operation span and 51 upstream spans with their route templates', async () => {
    const { body } = await gql(
      'query TracedFifty { users(provider: PASSAGE, first: 50) { edges { node { id devices { id } } } } }',
    );
    expect(body.errors).toBeUndefined();
    let operation: ReceivedSpan | undefined;
    for (let waited = 0; waited < 15_000 && !operation; waited += 100) {
      operation = spans.find((span) => attribute(span, 'graphql.operation.name') === 'TracedFifty');
      if (!operation) await sleep(100);
    }
    expect(operation?.name).toBe('query TracedFifty');
    await sleep(300);
    const trace = spans.filter((span) => span.traceId === operation!.traceId);
    const upstream = trace.filter((span) => span.parentSpanId === operation!.spanId);
    expect(trace).toHaveLength(52);
    expect(upstream).toHaveLength(51);
    const routes = upstream.map(
      (span) => `${attribute(span, 'http.request.method')} ${attribute(span, 'url.template')}`,
    );
    expect(routes.filter((route) => route === 'GET /apps/{id}/users')).toHaveLength(1);
    expect(routes.filter((route) => route === 'GET /apps/{id}/users/{id}/devices')).toHaveLength(50);
    for (const span of upstream) {
      expect(attribute(span, 'usergraph.provider')).toBe('passage');
      expect(attribute(span, 'http.response.status_code')).toBe(200);
      expect(attribute(span, 'usergraph.retries')).toBe(0);
    }
  });
});
