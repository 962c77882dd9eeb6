/**
 * The user cache and `userChanged` across replicas: two usergraph servers on one Redis, a
 * webhook delivered to replica A only. B's cached copy is dropped (its next read goes upstream
 * and is fresh) and B's subscribers hear of the change; a read B had in flight meanwhile does
 * not write the old user back.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/server.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { createServer, type UsergraphServer } from '../../src/server.js';
import { clerkUsers } from '../helpers/emulator-reads.js';
import { useEmulator } from '../helpers/emulator.js';
import { useRedis } from '../helpers/redis.js';
import { signedWebhook } from '../helpers/webhooks.js';
import { post } from '../helpers/replicas.js';

const SECRET = `whsec_${Buffer.from('usergraph two replicas secret!!!').toString('base64')}`;
const READ = 'query($id: ID!) { user(id: $id) { id firstName createdAt lastSignInAt } }';

/** Clerk's `user.updated` for `id` (at version `updatedAt`), signed as Svix would send it. */
async function deliverUpdated(
  webhookUrl: string,
  svixId: string,
  id: string,
  updatedAt?: number,
): Promise<Response> {
  const event = {
    data: { id, object: 'user', ...(updatedAt !== undefined && { updated_at: updatedAt }) },
    object: 'event',
    type: 'user.updated',
    timestamp: Date.now(),
  };
  return fetch(webhookUrl, signedWebhook(SECRET, svixId, event));
}

async function renameInClerk(emulator: RunningEmulator, id: string, firstName: string): Promise<void> {
  const renamed = await fetch(`${emulator.clerkUrl}/users/${id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${emulator.keys.clerkSecretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ first_name: firstName }),
  });
  expect(renamed.status).toBe(200);
}

/** A `userChanged(ids: [id])` subscription over SSE: the events so far, a wait for them, `close()`. */
async function subscribe(graphqlUrl: string, id: string) {
  const abort = new AbortController();
  const stream = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({
      query: 'subscription($ids: [ID!]) { userChanged(ids: $ids) { type userId } }',
      variables: { ids: [id] },
    }),
    signal: abort.signal,
  });
  const events: unknown[] = [];
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const line of value.split('\n')) {
        if (line.startsWith('data: ') && line.length > 6) events.push(JSON.parse(line.slice(6)));
      }
    }
  })().catch(() => undefined);
  await sleep(300);
  return {
    events,
    /** Waits up to 2 s for `count` events. */
    heard: async (count: number) => {
      const deadline = Date.now() + 2_000;
      while (events.length < count && Date.now() < deadline) await sleep(25);
    },
    close: async () => {
      abort.abort();
      await pump;
    },
  };
}

interface Replica {
  server: UsergraphServer;
  http: Server;
  url: string;
}

describe('two replicas on one Redis, a webhook delivered to one of them', () => {
  const emulator = useEmulator({ users: 5 });
  const redis = useRedis();
  const running: Replica[] = [];
  const replicas = () => running as [Replica, Replica];
  const clerkCalls = () => emulator().control.requests({ provider: 'clerk' }).length;
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const { clerkUrl, keys } = emulator();
      const server = await createServer(
        loadConfig({
          CLERK_SECRET_KEY: keys.clerkSecretKey,
          CLERK_API_URL: clerkUrl,
          USERGRAPH_AUTH: 'none',
          CLERK_WEBHOOK_SIGNING_SECRET: SECRET,
          REDIS_URL: redis().url,
          LOG_LEVEL: 'silent',
        }),
      );
      const http = createHttpServer(server.yoga);
      await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
      running.push({ server, http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql` });
    }
  });
  const webhookUrl = (replica: { url: string }) => replica.url.replace('/graphql', '/webhooks/clerk');
  afterAll(async () => {
    for (const { server, http } of running) {
      http.closeAllConnections();
      await new Promise((done) => http.close(done));
      await server.close();
    }
  });

  it("replica A's webhook drops B's cached user and reaches B's subscribers", async () => {
    const [a, b] = replicas();
    const [user] = await clerkUsers(emulator(), 1);
    const id = user!.id;
    emulator().control.clearRequests();

    // Read on B, then on A: one upstream call between them, the cache is one.
    const fromClerk = (await post(b.url, READ, { id })).body.data.user;
    expect(fromClerk).toMatchObject({ id, createdAt: expect.any(String) });
    // Dates included: the user read back from Redis is the user stored.
    expect((await post(a.url, READ, { id })).body.data.user).toEqual(fromClerk);
    expect(clerkCalls()).toBe(1);

    const subscription = await subscribe(b.url, id);

    await renameInClerk(emulator(), id, 'Renamed');
    const delivered = await deliverUpdated(webhookUrl(a), 'msg_two_replicas_1', id);
    expect(delivered.status).toBeLessThan(300);

    await subscription.heard(1);
    await subscription.close();
    expect(subscription.events).toEqual([{ data: { userChanged: { type: 'UPDATED', userId: id } } }]);

    const before = clerkCalls();
    expect((await post(b.url, READ, { id })).body.data.user).toEqual({ ...fromClerk, firstName: 'Renamed' });
    expect(clerkCalls()).toBe(before + 1);
  });

  it("a read B had in flight while A dropped the user is not written back: A's next read is fresh", async () => {
    const [a, b] = replicas();
    const id = (await clerkUsers(emulator(), 2))[1]!.id;
    emulator().control.clearRequests();
    // Clerk answers B's read as the user is now, then takes ~2.4 s to send the body.
    emulator().control.addFaults({
      kind: 'slow_body',
      provider: 'clerk',
      method: 'GET',
      route: '/users',
      times: 1,
      chunkDelayMs: 300,
    });
    let bDone = false;
    const bRead = post(b.url, READ, { id }).finally(() => (bDone = true));
    while (clerkCalls() === 0) await sleep(10);

    await renameInClerk(emulator(), id, 'Renamed');
    expect((await deliverUpdated(webhookUrl(a), 'msg_in_flight_1', id)).status).toBe(200);
    // Otherwise B stored before the drop, and the race this test is about did not happen.
    expect(bDone).toBe(false);
    const stale = (await bRead).body.data.user;
    expect(stale.firstName).not.toBe('Renamed');

    const before = clerkCalls();
    expect((await post(a.url, READ, { id })).body.data.user).toEqual({ ...stale, firstName: 'Renamed' });
    expect(clerkCalls()).toBe(before + 1);
  });

  it('a redelivery to the other replica is acknowledged there and not acted on again', async () => {
    const [a, b] = replicas();
    const id = (await clerkUsers(emulator(), 3))[2]!.id;
    const subscription = await subscribe(b.url, id);

    const first = await deliverUpdated(webhookUrl(a), 'msg_redelivered_1', id);
    expect(await first.json()).toEqual({ message: 'ok' });
    await subscription.heard(1);
    // B caches the user after the first delivery: a second drop would cost another read.
    await post(b.url, READ, { id });
    emulator().control.clearRequests();

    const again = await deliverUpdated(webhookUrl(b), 'msg_redelivered_1', id);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ message: 'already processed' });
    await post(b.url, READ, { id });
    expect(clerkCalls()).toBe(0);
    await sleep(300);
    await subscription.close();
    expect(subscription.events).toEqual([{ data: { userChanged: { type: 'UPDATED', userId: id } } }]);
  });

  it("a mutation made through A and Clerk's webhook for it, delivered to B, are one event", async () => {
    const [a, b] = replicas();
    const id = (await clerkUsers(emulator(), 4))[3]!.id;
    const subscription = await subscribe(b.url, id);

    const renamed = await post(
      a.url,
      'mutation($id: ID!) { updateUser(input: { userId: $id, firstName: "Echoed" }) { __typename } }',
      { id },
    );
    expect(renamed.body.data.updateUser.__typename).toBe('UpdateUserPayload');
    await subscription.heard(1);
    // What Clerk sends for that change: the user at the version the mutation left it.
    const inClerk = await fetch(`${emulator().clerkUrl}/users/${id}`, {
      headers: { authorization: `Bearer ${emulator().keys.clerkSecretKey}` },
    });
    const { updated_at: version } = (await inClerk.json()) as { updated_at: number };
    expect((await deliverUpdated(webhookUrl(b), 'msg_echo_1', id, version)).status).toBe(200);
    // A later change, at another version, is an event of its own.
    expect((await deliverUpdated(webhookUrl(b), 'msg_echo_2', id, version + 1)).status).toBe(200);
    await subscription.heard(3);
    await sleep(300);
    await subscription.close();
    expect(subscription.events).toEqual([
      { data: { userChanged: { type: 'UPDATED', userId: id } } },
      { data: { userChanged: { type: 'UPDATED', userId: id } } },
    ]);
  });
});
