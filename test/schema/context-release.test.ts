/**
 * A finished request must not stay reachable from Pothos's per-request WeakMaps (see
 * src/plugins/use-context-release.ts): the context carries Pothos's cache key while the
 * operation runs and no longer once it is done.
 */
import { contextCacheSymbol } from '@pothos/core';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type Context, type ServerScope } from '../../src/context.js';
import { useContextRelease } from '../../src/plugins/use-context-release.js';
import type { Caller } from '../../src/plugins/use-caller-auth.js';
import { createRegistry } from '../../src/providers/registry.js';

describe('useContextRelease', () => {
  const contexts: Record<symbol, unknown>[] = [];
  // Records the context each operation ran with, as any plugin after it would see it.
  const recordContext: Plugin = {
    onExecute: ({ args }) => void contexts.push(args.contextValue as unknown as Record<symbol, unknown>),
  };
  const yoga = createYoga({
    schema: createSchema<Context>({
      typeDefs: 'type Query { keyed: Boolean! }',
      resolvers: {
        Query: {
          keyed: (_: unknown, __: unknown, ctx: Context) =>
            Boolean((ctx as unknown as Record<symbol, unknown>)[contextCacheSymbol]),
        },
      },
    }),
    context: () => createContext(scope(), new Request('http://localhost/graphql'), caller),
    plugins: [useContextRelease(), recordContext],
  });
  let http: Server;
  let url = '';
  beforeAll(async () => {
    http = createServer(yoga);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => http.close(resolve)));

  it("keys Pothos's caches while the operation runs and unhooks the key once it is done", async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ keyed }' }),
    });
    expect(await response.json()).toEqual({ data: { keyed: true } });
    expect(contexts).toHaveLength(1);
    expect(contexts[0]![contextCacheSymbol]).toBeUndefined();
    // The rest of the context is left as it was.
    expect(contexts[0]).toMatchObject({ caller, signal: expect.anything() });
  });
});

const caller: Caller = { kind: 'gateway', scopes: new Set(['read']) } as Caller;

function scope(): ServerScope {
  return { providers: createRegistry([]), limits: { maxComplexity: 1 } } as unknown as ServerScope;
}
