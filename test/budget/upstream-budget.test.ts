/**
 * The upstream budget end to end, through real HTTP against the emulator: callers share it fairly,
 * the provider's limit is never crossed, waiting for it is bounded, and an operation has a
 * deadline. Windows are scaled down from Clerk's 10 s to 2 s, budgets with them (same mechanism,
 * same calls per second, shorter test): 180/2s here is the default 900/10s, 40/2s is 100/10s.
 *
 * What they prove rests on counts and order (the emulator's request log, each operation's log
 * line with its wait for the provider budget), which a loaded machine does not change; bounds on
 * latency are generous, as a machine shared by other work stretches every request alike.
 */
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useUsergraph } from '../helpers/server.js';

const key = (name: string) => `ug_${name}_${randomBytes(24).toString('hex')}`;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const apiKeys = (keys: readonly string[]) => keys.map((k) => `${sha256(k)}:read`).join(',');

interface Answer {
  requestId: string;
  status: number;
  ms: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: any }[] };
}

let requests = 0;

async function post(url: string, token: string, query: string, variables?: object): Promise<Answer> {
  const started = performance.now();
  const requestId = `budget-test-${(requests += 1)}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${token}`,
      'x-request-id': requestId,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Answer['body'];
  return {
    requestId,
    status: response.status,
    ms: performance.now() - started,
    retryAfter: response.headers.get('retry-after'),
    body,
  };
}

/** Runs `step` over and over until `ms` have passed; what each answered, in order. */
async function repeatFor<T>(ms: number, step: () => Promise<T>): Promise<T[]> {
  const until = Date.now() + ms;
  const answers: T[] = [];
  while (Date.now() < until) answers.push(await step());
  return answers;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? 0;

const ONE_USER = 'query($id: ID!) { user(id: $id) { id email } }';

/** Milliseconds an operation's Clerk calls waited for the provider budget, from its log line. */
function budgetWaitOf(logs: Record<string, unknown>[], requestId: string): number {
  const line = logs.find((entry) => entry.msg === 'operation' && entry.requestId === requestId) as
    { upstream: { byProvider: { provider: string; budgetWaitMs: number }[] } } | undefined;
  expect(line, `the log line of ${requestId}`).toBeDefined();
  return line!.upstream.byProvider.find((entry) => entry.provider === 'clerk')?.budgetWaitMs ?? 0;
}

async function clerkIds(url: string, token: string, count: number): Promise<string[]> {
  const answer = await post(
    url,
    token,
    `{ users(provider: CLERK, first: ${count}) { edges { node { id } } } }`,
  );
  return answer.body.data.users.edges.map((edge: { node: { id: string } }) => edge.node.id);
}

describe('fair share between callers', () => {
  const A = key('a');
  const B = key('b');
  const { emulator, url, logs } = useUsergraph(
    { users: 120, faults: [{ kind: 'latency', ms: 20 }] },
    {
      callerAuth: () => ({ USERGRAPH_API_KEYS: apiKeys([A, B]) }),
      // The defaults scaled: 900/10s for Clerk, a third of it per caller.
      env: { USERGRAPH_CLERK_RATE_LIMIT: '180/2s', USERGRAPH_CALLER_BUDGET: '60/2s' },
    },
  );
  // 1 list call and two membership pages for each of 99 users: 199 upstream calls.
  const FLOOD = `{ users(provider: CLERK, first: 99) { edges { node { id
    m1: organizationMemberships(first: 1) { totalCount }
    m2: organizationMemberships(first: 2) { totalCount } } } } }`;

  it("keeps one caller's reads fast while another floods, and tells the flooder when to come back", async () => {
    const ids = await clerkIds(url(), B, 20);
    // Warm up connections and compiled code, so the reads measure the flood, not a cold start.
    await post(url(), A, FLOOD);
    await sleep(2_000);
    emulator().control.clearRequests();
    const floodMs = 6_000;
    const floodStarted = Date.now();
    const [flood, reads] = await Promise.all([
      Promise.all(Array.from({ length: 2 }, () => repeatFor(floodMs, () => post(url(), A, FLOOD)))),
      repeatFor(floodMs, async () => {
        const id = ids[Math.floor(Math.random() * ids.length)] as string;
        const answer = await post(url(), B, ONE_USER, { id });
        await sleep(50);
        return { ...answer, id };
      }),
    ]);

    expect(reads.length).toBeGreaterThan(10);
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ data: { user: { id: read.id, email: expect.any(String) } } });
    }
    // B's reads did not queue behind A's flood for the provider's budget: A's share leaves room.
    const waits = reads.map((read) => budgetWaitOf(logs(), read.requestId));
    expect(median(waits)).toBe(0);
    expect(Math.max(...waits)).toBeLessThan(2_000);
    expect(p95(reads.map((read) => read.ms))).toBeLessThan(2_000);

    // Every read reached Clerk (one call by id each), and Clerk served B in every window of the
    // flood, the windows in which A was spending its share and being refused.
    const log = emulator().control.requests({ provider: 'clerk' });
    const byId = log.filter((request) => request.route === '/users' && request.query.includes('user_id='));
    expect(byId).toHaveLength(reads.length);
    const floodCalls = log.length - byId.length;
    for (let window = 0; window < floodMs / 2_000; window += 1) {
      const from = floodStarted + window * 2_000;
      const served = byId.filter((request) => {
        const at = Date.parse(request.at);
        return at >= from && at < from + 2_000;
      });
      expect(served.length, `B's reads served in window ${window}`).toBeGreaterThan(0);
    }

    const refused = flood.flat().filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    const [first] = refused;
    expect(Number(first?.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(first?.body.errors).toEqual([
      {
        message: expect.stringContaining("this caller's budget of 60/2s upstream calls is spent"),
        extensions: { code: 'RATE_LIMITED', retryAfter: Number(first?.retryAfter), provider: 'usergraph' },
      },
    ]);
    // A spent its share, and no more, in each window (the flood's, and one it ends in).
    expect(floodCalls).toBeGreaterThanOrEqual(60);
    expect(floodCalls).toBeLessThanOrEqual(60 * (floodMs / 2_000 + 1));
  });
});

describe('the provider budget', () => {
  const callers = Array.from({ length: 10 }, (_, i) => key(`c${i}`));
  const { emulator, url, logs } = useUsergraph(
    // Clerk's development-instance limit, scaled: 40 per 2 s stands for 100 per 10 s.
    { users: 60, rateLimits: { clerk: { limit: 40, windowMs: 2_000 } } },
    {
      callerAuth: () => ({ USERGRAPH_API_KEYS: apiKeys(callers) }),
      env: { USERGRAPH_CLERK_RATE_LIMIT: '40/2s' },
    },
  );

  it('never runs into a 429 under load from ten callers, and refuses quickly what would wait past the queue bound', async () => {
    const ids = await clerkIds(url(), callers[0] as string, 50);
    emulator().control.clearRequests();
    const loadMs = 6_000;
    // Five requests at a time per caller: more than the budget serves within the queue bound.
    const answers = (
      await Promise.all(
        callers.flatMap((caller, c) =>
          Array.from({ length: 5 }, (_, lane) =>
            repeatFor(loadMs, async () => {
              const id = ids[(c * 5 + lane + Date.now()) % ids.length];
              const answer = await post(url(), caller, ONE_USER, { id });
              await sleep(25);
              return answer;
            }),
          ),
        ),
      )
    ).flat();

    const upstream = emulator().control.requests({ provider: 'clerk' });
    expect(upstream.filter((request) => request.rateLimited)).toEqual([]);
    // The load went past the budget: the budget was used, and the rest refused by usergraph.
    expect(upstream.length).toBeGreaterThanOrEqual(40 * 2);
    // Refused by usergraph, never sent: the field that would have waited past the queue bound,
    // or (a caller whose own share is spent) the whole operation.
    const refused = answers.filter((answer) => answer.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    const queueBound = refused.filter((answer) => answer.status === 200);
    expect(queueBound.length).toBeGreaterThan(0);
    for (const answer of queueBound) {
      expect(answer.body.errors).toEqual([
        {
          message: expect.stringContaining("no turn in clerk's request budget within 2000 ms"),
          locations: [{ line: 1, column: 19 }],
          path: ['user'],
          extensions: { code: 'RATE_LIMITED', provider: 'usergraph', retryAfter: expect.any(Number) },
        },
      ]);
    }
    for (const answer of refused) expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    // Refused at once rather than after a wait, and no call waited past the 2 s queue bound.
    for (const answer of queueBound) expect(budgetWaitOf(logs(), answer.requestId)).toBe(0);
    const waits = answers
      .filter((answer) => answer.status === 200)
      .map((a) => budgetWaitOf(logs(), a.requestId));
    expect(Math.max(...waits)).toBeLessThanOrEqual(2_000);
    expect(median(queueBound.map((answer) => answer.ms))).toBeLessThan(1_000);
    expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(2_000 + 4_000);
  });
});

describe('the deadline of an operation', () => {
  const token = key('d');
  const { emulator, url } = useUsergraph(
    { users: 5 },
    {
      callerAuth: () => ({ USERGRAPH_API_KEYS: apiKeys([token]) }),
      env: { USERGRAPH_REQUEST_TIMEOUT_MS: '2000' },
    },
  );

  it('answers with what it has, fails the unfinished field TIMEOUT and closes its upstream call', async () => {
    const [id] = await clerkIds(url(), token, 1);
    emulator().control.addFaults({
      kind: 'latency',
      route: '/users/{user_id}/organization_memberships',
      ms: 30_000,
    });
    const answer = await post(
      url(),
      token,
      'query($id: ID!) { user(id: $id) { id organizationMemberships { totalCount } } }',
      { id },
    );

    expect(answer.ms).toBeLessThan(3_000);
    expect(answer.body.data).toEqual({ user: { id, organizationMemberships: null } });
    expect(answer.body.errors).toEqual([
      {
        message: expect.stringContaining('deadline'),
        locations: [{ line: 1, column: 38 }],
        path: ['user', 'organizationMemberships'],
        extensions: { code: 'TIMEOUT', provider: 'usergraph' },
      },
    ]);
    // The emulator sees the connection closed, not an answer it was left to send 28 s later.
    await expect
      .poll(() => emulator().control.requests({ route: '/users/{user_id}/organization_memberships' }), {
        timeout: 1_000,
      })
      .toEqual([expect.objectContaining({ status: 0, fault: 'latency', clientClosed: true })]);
  });
});
