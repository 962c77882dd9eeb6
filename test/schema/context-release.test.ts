/**
 * A finished request must not stay reachable from scope-auth's module-wide cache (see
 * src/plugins/use-context-release.ts): the cache a request's fields were checked with is dropped
 * once the operation is done, so the next lookup for that context starts a new one; and
 * usergraph's server runs the plugin.
 */
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin, { RequestCache } from '@pothos/plugin-scope-auth';
import { createYoga, type Plugin } from 'graphql-yoga';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/server.js';
import { useContextRelease } from '../../src/plugins/use-context-release.js';
import { createServer as createUsergraph } from '../../src/server.js';

interface TestContext {
  canRead: boolean;
}

// A schema of its own with scope-auth, so the test can look at the cache from a resolver.
const builder = new SchemaBuilder<{ Context: TestContext; AuthScopes: { read: boolean } }>({
  plugins: [ScopeAuthPlugin],
  scopeAuth: { authScopes: (ctx) => ({ read: ctx.canRead }) },
});
/** The scope cache scope-auth holds for a request's context (made on first use). */
const cacheOf = (context: TestContext): unknown =>
  RequestCache.fromContext(context as never, builder as never);
const cachesSeen: { context: TestContext; cache: unknown }[] = [];
builder.queryType({
  fields: (t) => ({
    secret: t.string({
      authScopes: { read: true },
      resolve: (_root, _args, context) => {
        cachesSeen.push({ context, cache: cacheOf(context) });
        return 'ok';
      },
    }),
  }),
});

function serve(plugins: Plugin[]) {
  const yoga = createYoga<Record<string, never>, TestContext>({
    schema: builder.toSchema(),
    context: () => ({ canRead: true }),
    plugins,
  });
  let http: Server;
  let url = '';
  beforeAll(async () => {
    http = createServer(yoga);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => http.close(resolve)));
  return async (query: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return response.json();
  };
}

describe('useContextRelease', () => {
  const post = serve([useContextRelease()]);

  it("drops the request's scope cache once the operation is done", async () => {
    cachesSeen.length = 0;
    expect(await post('{ a: secret b: secret }')).toEqual({ data: { a: 'ok', b: 'ok' } });
    // Both fields of the operation were checked with one cache...
    expect(cachesSeen).toHaveLength(2);
    const [first, second] = cachesSeen as [(typeof cachesSeen)[0], (typeof cachesSeen)[0]];
    expect(second.cache).toBe(first.cache);
    // ...which the module-wide map no longer holds: a lookup now starts a new one.
    expect(cacheOf(first.context)).not.toBe(first.cache);
  });
});

describe('without useContextRelease', () => {
  const post = serve([]);

  it('scope-auth keeps the cache for as long as the context lives (what the plugin undoes)', async () => {
    cachesSeen.length = 0;
    expect(await post('{ secret }')).toEqual({ data: { secret: 'ok' } });
    const [seen] = cachesSeen as [(typeof cachesSeen)[0]];
    expect(cacheOf(seen.context)).toBe(seen.cache);
  });
});

describe("usergraph's server", () => {
  it('runs useContextRelease', async () => {
    const server = await createUsergraph(loadConfig({ EMULATOR_SEED_USERS: '1' }));
    try {
      // yoga keeps the plugin list it runs (a protected field: its types do not offer it).
      const running = (server.yoga as unknown as { plugins: Plugin[] }).plugins;
      expect(running).toContain(useContextRelease());
    } finally {
      await server.close();
    }
  });
});
