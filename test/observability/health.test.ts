import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/server.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { drain } from '../../src/observability/index.js';
import { createServer, type UsergraphServer } from '../../src/server.js';
import { capturedLog, expectNoEmail } from '../helpers/server.js';

/** usergraph over its own emulator, which a test may stop and start again on the same port. */
function setup(env: Record<string, string> = {}) {
  const state = {} as { emulator: RunningEmulator; server: UsergraphServer; http: Server; url: string };
  const log = capturedLog();
  beforeAll(async () => {
    state.emulator = await startEmulator({ users: 3 });
    const { clerkUrl, passageUrl, keys } = state.emulator;
    state.server = await createServer(
      loadConfig({
        CLERK_SECRET_KEY: keys.clerkSecretKey,
        CLERK_API_URL: clerkUrl,
        PASSAGE_APP_ID: keys.passageAppId,
        PASSAGE_API_KEY: keys.passageApiKey,
        PASSAGE_API_URL: passageUrl,
        USERGRAPH_AUTH: 'none',
        ...env,
      }),
      { logDestination: log.destination },
    );
    state.http = createHttpServer(state.server.yoga);
    await new Promise<void>((resolve) => state.http.listen(0, '127.0.0.1', resolve));
    state.url = `http://127.0.0.1:${(state.http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    state.http.closeAllConnections();
    await new Promise((resolve) => state.http.close(resolve));
    await state.server.close();
    await state.emulator.stop();
    expectNoEmail(log.lines);
  });
  return state;
}

async function waitFor(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if (await check()) return Date.now() - started;
    await sleep(50);
  }
  throw new Error(`not within ${withinMs} ms`);
}

describe('/health and /ready', () => {
  const state = setup({ USERGRAPH_READY_CHECK_MS: '200' });
  const ready = async () => {
    const response = await fetch(`${state.url}/ready`);
    return { status: response.status, body: (await response.json()) as { reasons?: string[] } };
  };

  it('/health is 200; /ready is 200 once both providers answered', async () => {
    expect((await fetch(`${state.url}/health`)).status).toBe(200);
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('/ready turns 503 within 35 s of the emulator stopping, naming the providers and no secret, and 200 after it restarts', async () => {
    const port = Number(new URL(state.emulator.clerkUrl).port);
    await state.emulator.stop();
    // Each provider's checks go stale on their own schedule: wait until both are named.
    await waitFor(async () => {
      const { status, body } = await ready();
      return status === 503 && body.reasons?.length === 2;
    }, 35_000);
    const { body } = await ready();
    expect(body.reasons).toEqual([expect.stringMatching(/^clerk /), expect.stringMatching(/^passage /)]);
    const keys = state.emulator.keys;
    for (const secret of [keys.clerkSecretKey, keys.passageApiKey]) {
      expect(JSON.stringify(body)).not.toContain(secret);
    }

    state.emulator = await startEmulator({ users: 3, port });
    await waitFor(async () => (await ready()).status === 200, 35_000);
  }, 40_000);
});

describe('graceful shutdown', () => {
  const state = setup({ USERGRAPH_READY_CHECK_MS: '200' });

  it('lets requests in flight finish, refuses new ones, and /ready is 503 from the start', async () => {
    state.emulator.control.addFaults({ kind: 'latency', provider: 'clerk', ms: 800 });
    const inFlight = fetch(`${state.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ users(provider: CLERK, first: 1) { edges { node { id } } } }' }),
    });
    await sleep(200);
    const health = state.server.observability.health!;
    const drained = drain(state.http, health, 5_000);
    expect(health.reasons()).toEqual(['shutting down']);

    const refused = await fetch(`${state.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).then(
      (response) => response.status,
      () => 'connection refused',
    );
    expect([503, 'connection refused']).toContain(refused);

    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(
      ((await finished.json()) as { data: { users: { edges: unknown[] } } }).data.users.edges,
    ).toHaveLength(1);
    expect(await drained).toBe(true);
  });
});
