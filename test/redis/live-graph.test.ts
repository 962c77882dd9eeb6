/**
 * The user cache and `userChanged` across replicas: two usergraph servers on one Redis, a
 * webhook delivered to replica A only. B's cached copy is dropped (its next read goes upstream
 * and is fresh) and B's subscribers hear of the change.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'svix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/server.js';
import { createServer, type UsergraphServer } from '../../src/server.js';
import { clerkUsers } from '../helpers/emulator-reads.js';
import { useEmulator } from '../helpers/emulator.js';
import { useRedis } from '../helpers/redis.js';
import { post } from '../helpers/replicas.js';

const SECRET = `whsec_${Buffer.from('usergraph two replicas secret!!!').toString('base64')}`;
const READ = 'query($id: ID!) { user(id: $id) { id firstName createdAt lastSignInAt } }';

describe('two replicas on one Redis, a webhook delivered to one of them', () => {
  const emulator = useEmulator({ users: 5 });
  const redis = useRedis();
  const running: { server: UsergraphServer; http: Server; url: string }[] = [];
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
  afterAll(async () => {
    for (const { server, http } of running) {
      http.closeAllConnections();
      await new Promise((done) => http.close(done));
      await server.close();
    }
  });

  it("replica A's webhook drops B's cached user and reaches B's subscribers", async () => {
    const [a, b] = running as [(typeof running)[0], (typeof running)[0]];
    const [user] = await clerkUsers(emulator(), 1);
    const id = user!.id;
    emulator().control.clearRequests();
    const clerkCalls = () => emulator().control.requests({ provider: 'clerk' }).length;

    // Read on B, then on A: one upstream call between them, the cache is one.
    const fromClerk = (await post(b.url, READ, { id })).body.data.user;
    expect(fromClerk).toMatchObject({ id, createdAt: expect.any(String) });
    // Dates included: the user read back from Redis is the user stored.
    expect((await post(a.url, READ, { id })).body.data.user).toEqual(fromClerk);
    expect(clerkCalls()).toBe(1);

    const abort = new AbortController();
    const stream = await fetch(b.url, {
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

    const renamed = await fetch(`${emulator().clerkUrl}/users/${id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${emulator().keys.clerkSecretKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ first_name: 'Renamed' }),
    });
    expect(renamed.status).toBe(200);
    const sentAt = new Date();
    const payload = JSON.stringify({
      data: { id, object: 'user' },
      object: 'event',
      type: 'user.updated',
      timestamp: Date.now(),
    });
    const delivered = await fetch(a.url.replace('/graphql', '/webhooks/clerk'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'svix-id': 'msg_two_replicas_1',
        'svix-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'svix-signature': new Webhook(SECRET).sign('msg_two_replicas_1', sentAt, payload),
      },
      body: payload,
    });
    expect(delivered.status).toBeLessThan(300);

    const deadline = Date.now() + 2_000;
    while (events.length === 0 && Date.now() < deadline) await sleep(25);
    abort.abort();
    await pump;
    expect(events).toEqual([{ data: { userChanged: { type: 'UPDATED', userId: id } } }]);

    const before = clerkCalls();
    expect((await post(b.url, READ, { id })).body.data.user).toEqual({ ...fromClerk, firstName: 'Renamed' });
    expect(clerkCalls()).toBe(before + 1);
  });
});
