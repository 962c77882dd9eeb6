/**
 * The live graph end to end, over real HTTP: the emulator's Clerk API changes a user, the
 * emulator signs and posts Clerk's webhook to usergraph's `/webhooks/clerk`, and the cache and
 * `userChanged` subscribers see it. Upstream calls are counted in the emulator's request log.
 */
import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/server.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { createServer, type UsergraphServer } from '../../src/server.js';
import { clerkUsers, passageUserId } from '../helpers/emulator-reads.js';
import { capturedLog, expectNoEmail, useUsergraph } from '../helpers/server.js';
import { signedWebhook } from '../helpers/webhooks.js';

const SECRET = `whsec_${Buffer.from('usergraph live graph test secret!').toString('base64')}`;
const FORGED = `whsec_${Buffer.from('someone else entirely, not Clerk!').toString('base64')}`;

const READ = 'query($id: ID!) { user(id: $id) { id firstName } }';

/** Clerk calls the emulator served since the log was last emptied. */
const clerkCalls = (emulator: RunningEmulator) => emulator.control.requests({ provider: 'clerk' }).length;

async function renameInClerk(emulator: RunningEmulator, id: string, firstName: string): Promise<void> {
  const response = await fetch(`${emulator.clerkUrl}/users/${id}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${emulator.keys.clerkSecretKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ first_name: firstName }),
  });
  expect(response.status).toBe(200);
}

const userUpdated = (id: string) => ({
  data: { id, object: 'user' },
  object: 'event',
  type: 'user.updated',
  timestamp: Date.now(),
});

/** Polls `read` until `done` holds, for at most `withinMs`; the last value read. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, withinMs: number) {
  const deadline = performance.now() + withinMs;
  let value = await read();
  while (!done(value) && performance.now() < deadline) {
    await sleep(25);
    value = await read();
  }
  return value;
}

/** A `userChanged` subscription over SSE: the events received so far, and `close()`. */
async function subscribe(graphqlUrl: string, ids?: string[], headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({
      query:
        'subscription($ids: [ID!]) { userChanged(ids: $ids) { type userId user { id firstName banned } at } }',
      variables: { ids },
    }),
    signal: abort.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const events: any[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffered += value;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('data: ') && line.length > 6) events.push(JSON.parse(line.slice(6)));
      }
    }
  })().catch(() => undefined);
  // The subscription is live once yoga sent its first bytes; a short pause lets it register.
  await sleep(100);
  return {
    events,
    close: async () => {
      abort.abort();
      await pump;
    },
  };
}

describe('with webhooks on (CLERK_WEBHOOK_SIGNING_SECRET) and the default TTL', () => {
  const { emulator, gql, url } = useUsergraph({}, { env: { CLERK_WEBHOOK_SIGNING_SECRET: SECRET } });
  const webhookUrl = () => url().replace(/\/graphql$/, '/webhooks/clerk');
  let ids: string[] = [];
  beforeAll(async () => {
    emulator().webhooks.configure({ url: webhookUrl(), secret: SECRET });
    ids = (await clerkUsers(emulator(), 14)).map((user) => user.id);
    expect(ids).toHaveLength(14);
  });
  beforeEach(() => emulator().control.clearRequests());

  it('a user read twice costs one upstream call', async () => {
    const first = await gql(READ, { id: ids[0] });
    const second = await gql(READ, { id: ids[0] });
    expect(second.body).toEqual(first.body);
    expect(first.body.data.user.id).toBe(ids[0]);
    expect(clerkCalls(emulator())).toBe(1);
  });

  it('a Clerk user asked for twice through _entities (federation) costs one upstream call', async () => {
    const entities =
      'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id firstName } } }';
    const reps = [{ __typename: 'User', id: ids[13] }];
    const first = await gql(entities, { reps });
    const second = await gql(entities, { reps });
    expect(first.body.data._entities).toEqual([{ id: ids[13], firstName: expect.any(String) }]);
    expect(second.body).toEqual(first.body);
    expect(clerkCalls(emulator())).toBe(1);
  });

  it('users by ids (nodes) fetch only those not cached, in one call', async () => {
    await gql(READ, { id: ids[1] });
    emulator().control.clearRequests();
    const many = await gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids.slice(1, 5) });
    expect(many.body.data.nodes.map((node: { id: string }) => node.id)).toEqual(ids.slice(1, 5));
    const calls = emulator().control.requests({ provider: 'clerk' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).not.toContain(ids[1]);
  });

  it('a cached user is one user for every read of it in an operation, and never asked for again', async () => {
    const [cached, fresh] = [ids[5]!, ids[6]!];
    await gql(READ, { id: cached });
    emulator().control.clearRequests();
    const mixed = await gql(
      `query($cached: ID!, $fresh: ID!, $both: [ID!]!) {
        a: user(id: $cached) { id firstName }
        b: user(id: $cached) { id firstName }
        c: user(id: $fresh) { id }
        nodes(ids: $both) { id }
      }`,
      { cached, fresh, both: [cached, fresh] },
    );
    expect(mixed.body.errors).toBeUndefined();
    expect(mixed.body.data.b).toEqual(mixed.body.data.a);
    expect(mixed.body.data.a.id).toBe(cached);
    expect(mixed.body.data.nodes.map((node: { id: string }) => node.id)).toEqual([cached, fresh]);
    // The user read from the cache at once is handed to the batching loader: only the other is asked for.
    const calls = emulator().control.requests({ provider: 'clerk' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toContain(fresh);
    expect(calls[0]!.query).not.toContain(cached);
  });

  it('a user changed through the Clerk API is read fresh within 1 s of its webhook', async () => {
    const id = ids[2]!;
    await gql(READ, { id });
    await renameInClerk(emulator(), id, 'Renamed');
    const started = performance.now();
    const seen = await eventually(
      () => gql(READ, { id }),
      (response) => response.body.data.user.firstName === 'Renamed',
      1000,
    );
    expect(seen.body.data.user.firstName).toBe('Renamed');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a forged or stale webhook is refused and leaves the cache as it was', async () => {
    const id = ids[3]!;
    await gql(READ, { id });
    const forged = await fetch(webhookUrl(), signedWebhook(FORGED, 'msg_forged', userUpdated(id)));
    expect(forged.status).toBe(401);
    const stale = await fetch(
      webhookUrl(),
      signedWebhook(SECRET, 'msg_stale', userUpdated(id), new Date(Date.now() - 10 * 60_000)),
    );
    expect(stale.status).toBe(400);
    const unsigned = await fetch(webhookUrl(), { method: 'POST', body: JSON.stringify(userUpdated(id)) });
    expect(unsigned.status).toBe(400);
    emulator().control.clearRequests();
    await gql(READ, { id });
    expect(clerkCalls(emulator())).toBe(0);
  });

  it('a body over 256 KB is refused before it is verified', async () => {
    const big = { ...userUpdated(ids[3]!), padding: 'x'.repeat(300 * 1024) };
    const response = await fetch(webhookUrl(), signedWebhook(SECRET, 'msg_big', big));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: `body over ${256 * 1024} bytes` });
  });

  it('a redelivered webhook is acknowledged and not acted on twice', async () => {
    const id = ids[4]!;
    const delivery = signedWebhook(SECRET, 'msg_redelivered', userUpdated(id));
    expect((await fetch(webhookUrl(), delivery)).status).toBe(200);
    await gql(READ, { id });
    emulator().control.clearRequests();
    const again = await fetch(webhookUrl(), delivery);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ message: 'already processed' });
    await gql(READ, { id });
    expect(clerkCalls(emulator())).toBe(0);
  });

  it('a webhook the emulator sends twice (webhook_duplicate) reaches a subscriber once', async () => {
    const id = ids[5]!;
    emulator().control.addFaults({ kind: 'webhook_duplicate', times: 1 });
    const subscription = await subscribe(url(), [id]);
    await renameInClerk(emulator(), id, 'Twice');
    await emulator().webhooks.settled();
    await sleep(100);
    await subscription.close();
    expect(subscription.events.map((event) => event.data.userChanged.type)).toEqual(['UPDATED']);
  });

  it('a subscriber to userChanged(ids: [X]) hears of X changed through the Clerk API, and of no one else', async () => {
    const [x, other] = [ids[6]!, ids[7]!];
    const subscription = await subscribe(url(), [x]);
    await renameInClerk(emulator(), other, 'Someone');
    const started = performance.now();
    await renameInClerk(emulator(), x, 'Xavier');
    await eventually(
      async () => subscription.events.length,
      (count) => count > 0,
      1000,
    );
    const elapsed = performance.now() - started;
    await emulator().webhooks.settled();
    await subscription.close();
    expect(elapsed).toBeLessThan(1000);
    expect(subscription.events).toHaveLength(1);
    expect(subscription.events[0].data.userChanged).toMatchObject({
      type: 'UPDATED',
      userId: x,
      user: { id: x, firstName: 'Xavier' },
    });
  });

  it('a subscriber hears of a change made through a usergraph mutation', async () => {
    const [x, other] = [ids[8]!, ids[9]!];
    // No webhook arrives: what the subscriber hears comes from the mutation alone.
    emulator().control.addFaults({ kind: 'webhook_drop' });
    const subscription = await subscribe(url(), [x]);
    const ban = 'mutation($id: ID!) { banUser(input: { userId: $id }) { __typename } }';
    expect((await gql(ban, { id: other })).body.data.banUser.__typename).toBe('BanUserPayload');
    const started = performance.now();
    expect((await gql(ban, { id: x })).body.data.banUser.__typename).toBe('BanUserPayload');
    await eventually(
      async () => subscription.events.length,
      (count) => count > 0,
      1000,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    await sleep(100);
    await subscription.close();
    expect(subscription.events).toHaveLength(1);
    expect(subscription.events[0].data.userChanged).toMatchObject({
      type: 'UPDATED',
      userId: x,
      user: { id: x, banned: true },
    });
  });

  it('a usergraph mutation drops the cached user, with no webhook to help', async () => {
    const id = ids[10]!;
    await gql(READ, { id });
    await gql(READ, { id });
    expect(clerkCalls(emulator())).toBe(1);
    // Only the mutation itself can drop the entry now.
    emulator().control.addFaults({ kind: 'webhook_drop' });
    const renamed = await gql(
      'mutation($id: ID!) { updateUser(input: { userId: $id, firstName: "Mutated" }) { __typename } }',
      { id },
    );
    expect(renamed.body.data.updateUser.__typename).toBe('UpdateUserPayload');
    const before = clerkCalls(emulator());
    expect((await gql(READ, { id })).body.data.user).toEqual({ id, firstName: 'Mutated' });
    expect(clerkCalls(emulator())).toBe(before + 1);
  });

  it('a subscriber to userChanged with no ids hears of every user changed', async () => {
    const [x, y] = [ids[11]!, ids[12]!];
    const subscription = await subscribe(url());
    await renameInClerk(emulator(), x, 'Xena');
    await renameInClerk(emulator(), y, 'Yann');
    await emulator().webhooks.settled();
    await eventually(
      async () => subscription.events.length,
      (count) => count >= 2,
      2000,
    );
    await sleep(100);
    await subscription.close();
    const heard = subscription.events.map(({ data: { userChanged: e } }) => [
      e.type,
      e.userId,
      e.user.firstName,
    ]);
    expect(heard.sort()).toEqual(
      [
        ['UPDATED', x, 'Xena'],
        ['UPDATED', y, 'Yann'],
      ].sort(),
    );
  });
});

describe('a change made through usergraph and its webhook', () => {
  const { emulator, gql, url } = useUsergraph({}, { env: { CLERK_WEBHOOK_SIGNING_SECRET: SECRET } });
  let ids: string[] = [];
  /** Webhooks usergraph acknowledged: each was verified and acted on. */
  let acknowledged = 0;
  beforeAll(async () => {
    emulator().webhooks.configure({
      url: url().replace(/\/graphql$/, '/webhooks/clerk'),
      secret: SECRET,
      fetch: async (target, init) => {
        const response = await fetch(target, init);
        if (response.ok) acknowledged += 1;
        return response;
      },
    });
    ids = (await clerkUsers(emulator(), 4)).map((user) => user.id);
  });

  /** Subscribes to `id`, runs `change`, waits for every webhook to land; the types heard. */
  async function heard(id: string, change: () => Promise<void>): Promise<string[]> {
    const subscription = await subscribe(url(), [id]);
    await change();
    await emulator().webhooks.settled();
    await sleep(200);
    await subscription.close();
    return subscription.events.map((event) => event.data.userChanged.type);
  }

  const mutate = async (name: string, id: string) => {
    const { body } = await gql(`mutation($id: ID!) { ${name}(input: { userId: $id }) { __typename } }`, {
      id,
    });
    expect(body.data[name].__typename).toMatch(/Payload$/);
  };

  it('is one userChanged event, not two: the webhook is matched to the mutation by the user and its version', async () => {
    const id = ids[0]!;
    const before = acknowledged;
    expect(await heard(id, () => mutate('banUser', id))).toEqual(['UPDATED']);
    // The webhook did arrive and was acted on: matched to the mutation, not lost.
    expect(acknowledged).toBe(before + 1);
  });

  it('two changes in a row are two events, whoever made them', async () => {
    const id = ids[1]!;
    const before = acknowledged;
    const types = await heard(id, async () => {
      await mutate('lockUser', id);
      await renameInClerk(emulator(), id, 'Elsewhere');
      await mutate('unlockUser', id);
    });
    expect(types).toEqual(['UPDATED', 'UPDATED', 'UPDATED']);
    expect(acknowledged).toBe(before + 3);
  });

  it('a deletion through usergraph is one DELETED event', async () => {
    const id = ids[2]!;
    expect(await heard(id, () => mutate('deleteUser', id))).toEqual(['DELETED']);
  });

  it('a user created through usergraph is one CREATED event, whose user is the new user', async () => {
    const before = acknowledged;
    const subscription = await subscribe(url());
    const { body } = await gql(
      `mutation($input: CreateUserInput!) {
        createUser(input: $input) { __typename ... on CreateUserPayload { user { id } } }
      }`,
      {
        input: {
          provider: 'CLERK',
          email: 'created.live@example.com',
          firstName: 'Newly',
          password: 'a long enough passphrase 7',
        },
      },
    );
    expect(body.data.createUser.__typename).toBe('CreateUserPayload');
    const id = body.data.createUser.user.id;
    await emulator().webhooks.settled();
    await sleep(200);
    await subscription.close();
    expect(subscription.events.map((event) => event.data.userChanged)).toEqual([
      {
        type: 'CREATED',
        userId: id,
        user: { id, firstName: 'Newly', banned: false },
        at: expect.any(String),
      },
    ]);
    // Clerk's user.created did arrive, and was told as the mutation's echo.
    expect(acknowledged).toBe(before + 1);
  });
});

describe('with the cache off (USERGRAPH_CACHE_TTL=0)', () => {
  const { emulator, gql } = useUsergraph(
    {},
    { env: { CLERK_WEBHOOK_SIGNING_SECRET: SECRET, USERGRAPH_CACHE_TTL: '0' } },
  );

  it('a user read twice costs two upstream calls', async () => {
    const [user] = await clerkUsers(emulator(), 1);
    emulator().control.clearRequests();
    await gql(READ, { id: user.id });
    await gql(READ, { id: user.id });
    expect(clerkCalls(emulator())).toBe(2);
  });
});

describe('with a one-second TTL and a dropped webhook', () => {
  const { emulator, gql, url } = useUsergraph(
    {},
    { env: { CLERK_WEBHOOK_SIGNING_SECRET: SECRET, USERGRAPH_CACHE_TTL: '1' } },
  );

  it('the change is not visible before the TTL, and is after it', async () => {
    emulator().webhooks.configure({ url: url().replace(/\/graphql$/, '/webhooks/clerk'), secret: SECRET });
    const [user] = await clerkUsers(emulator(), 1);
    const read = async () => (await gql(READ, { id: user.id })).body.data.user.firstName;
    const cachedAt = performance.now();
    const before = await read();
    emulator().control.addFaults({ kind: 'webhook_drop', times: 1 });
    await renameInClerk(emulator(), user.id, 'Dropped');
    await emulator().webhooks.settled();
    expect(await read()).toBe(before);
    expect(performance.now() - cachedAt).toBeLessThan(1000);
    await sleep(Math.max(0, 1100 - (performance.now() - cachedAt)));
    expect(await read()).toBe('Dropped');
  });
});

describe('Passage users (no webhooks)', () => {
  const { emulator, gql } = useUsergraph({}, { env: { USERGRAPH_PASSAGE_CACHE_TTL: '60' } });

  it('are cached only with USERGRAPH_PASSAGE_CACHE_TTL, and through _entities too', async () => {
    const id = await passageUserId(emulator());
    emulator().control.clearRequests();
    await gql(READ, { id });
    const entities = await gql(
      'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id } } }',
      { reps: [{ __typename: 'User', id }] },
    );
    expect(entities.body.data._entities).toEqual([{ id }]);
    expect(emulator().control.requests({ provider: 'passage' })).toHaveLength(1);
  });
});

describe('Passage users by default', () => {
  const { emulator, gql } = useUsergraph({}, { env: { CLERK_WEBHOOK_SIGNING_SECRET: SECRET } });

  it('are never cached: each read asks Passage', async () => {
    const id = await passageUserId(emulator());
    emulator().control.clearRequests();
    await gql(READ, { id });
    await gql(READ, { id });
    expect(emulator().control.requests({ provider: 'passage' })).toHaveLength(2);
  });
});

describe('the embedded default', () => {
  let server: UsergraphServer | undefined;
  let http: Server | undefined;
  let graphqlUrl = '';
  const log = capturedLog();
  beforeAll(async () => {
    server = await createServer(loadConfig({ EMULATOR_SEED_USERS: '5' }), {
      logDestination: log.destination,
    });
    http = createHttpServer(server.yoga);
    await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
    graphqlUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve));
    http?.closeAllConnections();
    await server?.close();
    expectNoEmail(log.lines);
  });

  it('wires its emulator to its own webhook route: a change reaches the cache and subscribers', async () => {
    const emulator = server!.emulator!;
    const [user] = await clerkUsers(emulator, 1);
    const read = async () => {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: READ, variables: { id: user.id } }),
      });
      return ((await response.json()) as any).data.user.firstName;
    };
    await read();
    const subscription = await subscribe(graphqlUrl, [user.id]);
    await renameInClerk(emulator, user.id, 'Embedded');
    await emulator.webhooks.settled();
    expect(await read()).toBe('Embedded');
    await sleep(50);
    await subscription.close();
    expect(subscription.events.map((event) => event.data.userChanged.type)).toEqual(['UPDATED']);
  });
});

describe('with callers required to authenticate', () => {
  const key = 'a-caller-api-key-for-the-webhook-test';
  const writeOnly = 'a-write-only-caller-key-for-the-webhook-test';
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const { emulator, gql, url } = useUsergraph(
    {},
    {
      callerAuth: () => ({
        USERGRAPH_API_KEYS: `${sha256(key)}:read,${sha256(writeOnly)}:write`,
      }),
      env: { CLERK_WEBHOOK_SIGNING_SECRET: SECRET },
    },
  );

  it('the webhook route takes a signed event with no caller token, and GraphQL still asks for one', async () => {
    const [user] = await clerkUsers(emulator(), 1);
    const webhookUrl = url().replace(/\/graphql$/, '/webhooks/clerk');
    const delivery = await fetch(webhookUrl, signedWebhook(SECRET, 'msg_no_token', userUpdated(user.id)));
    expect(delivery.status).toBe(200);
    expect((await gql(READ, { id: user.id })).status).toBe(401);
    const subscription = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { userChanged { type userId } }' }),
    });
    expect(subscription.status).toBe(401);
    await subscription.body?.cancel();
  });

  it('a key without the `read` scope is refused when userChanged starts; a `read` key hears the change', async () => {
    const [user] = await clerkUsers(emulator(), 1);
    const webhookUrl = url().replace(/\/graphql$/, '/webhooks/clerk');
    emulator().control.clearRequests();
    const refused = await fetch(url(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${writeOnly}`,
      },
      body: JSON.stringify({ query: 'subscription { userChanged { type userId } }' }),
      // Checked per event instead, the stream would stay open with nothing to say.
      signal: AbortSignal.timeout(5_000),
    });
    const sent = (await refused.text())
      .split('\n')
      .filter((line) => line.startsWith('data: ') && line.length > 6)
      .map((line) => JSON.parse(line.slice(6)));
    expect(sent).toEqual([
      {
        errors: [expect.objectContaining({ extensions: { code: 'FORBIDDEN', requiredScopes: ['read'] } })],
      },
    ]);
    expect(emulator().control.requests()).toEqual([]);

    const allowed = await subscribe(url(), [user.id], { authorization: `Bearer ${key}` });
    const delivery = await fetch(webhookUrl, signedWebhook(SECRET, 'msg_scoped', userUpdated(user.id)));
    expect(delivery.status).toBe(200);
    await eventually(
      async () => allowed.events.length,
      (count) => count > 0,
      2000,
    );
    await allowed.close();
    expect(allowed.events.map((event) => event.data.userChanged.type)).toEqual(['UPDATED']);
  });
});
