import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/schema/pagination.js';
import { clerkUsers } from '../helpers/emulator-reads.js';
import { useUsergraph } from '../helpers/server.js';

/** Clerk's budget is small here so that a few calls have to wait for it. */
const CLERK_BUDGET = 4;

describe('/metrics: every metric the operations issue names, read over HTTP', () => {
  const { gql, url, logs, emulator } = useUsergraph(
    { users: 10 },
    {
      env: {
        USERGRAPH_METRICS: 'true',
        USERGRAPH_CLERK_RATE_LIMIT: `${CLERK_BUDGET}/1s`,
        // The signing secret turns the cross-request user cache on.
        CLERK_WEBHOOK_SIGNING_SECRET: `whsec_${Buffer.from('metrics-test-secret-0123456789ab').toString('base64')}`,
      },
    },
  );

  async function scrape(): Promise<string> {
    const response = await fetch(url().replace('/graphql', '/metrics'));
    expect(response.status).toBe(200);
    return response.text();
  }

  /** The sum of a metric's samples whose labels include every one given; 0 when there are none. */
  async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
    let sum = 0;
    for (const line of (await scrape()).split('\n')) {
      if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
      if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) {
        sum += Number(line.slice(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  const operationLine = (requestId: string) =>
    logs().find((line) => line.msg === 'operation' && line.requestId === requestId) as
      Record<string, any> | undefined;

  /** `count` distinct Clerk list calls in one operation: each alias pages from another offset. */
  const clerkPages = (count: number) =>
    `query ClerkPages { ${Array.from(
      { length: count },
      (_, i) =>
        `p${i}: users(provider: CLERK, first: 1, after: "${encodeCursor({ offset: i })}") { edges { node { id } } }`,
    ).join(' ')} }`;

  it('declares each metric with its type', async () => {
    const text = await scrape();
    for (const [name, type] of [
      ['usergraph_operations_total', 'counter'],
      ['usergraph_operation_duration_seconds', 'histogram'],
      ['usergraph_upstream_calls_total', 'counter'],
      ['usergraph_upstream_duration_seconds', 'histogram'],
      ['usergraph_upstream_retries_total', 'counter'],
      ['usergraph_upstream_rate_limited_total', 'counter'],
      ['usergraph_upstream_budget_wait_seconds', 'histogram'],
      ['usergraph_upstream_budget_remaining', 'gauge'],
      ['usergraph_loader_batch_size', 'histogram'],
      ['usergraph_user_cache_reads_total', 'counter'],
    ]) {
      expect(text).toContain(`# TYPE ${name} ${type}\n`);
    }
    // The budget is full before anyone calls.
    expect(await sample('usergraph_upstream_budget_remaining', { provider: 'clerk' })).toBe(CLERK_BUDGET);
  });

  it('counts an operation and its duration by name', async () => {
    const { body } = await gql('query TimedOne { userCount(provider: CLERK) }');
    expect(body.errors).toBeUndefined();
    expect(await sample('usergraph_operations_total', { operation: 'TimedOne', outcome: 'ok' })).toBe(1);
    expect(await sample('usergraph_operation_duration_seconds_count', { operation: 'TimedOne' })).toBe(1);
    expect(
      await sample('usergraph_operation_duration_seconds_sum', { operation: 'TimedOne' }),
    ).toBeGreaterThan(0);
  });

  it('an operation past the provider budget: its wait and the budget left, in its log line and in /metrics', async () => {
    await sleep(1_500); // a full window since the last test's call
    const waitsBefore = await sample('usergraph_upstream_budget_wait_seconds_count', { provider: 'clerk' });
    const waitedBefore = await sample('usergraph_upstream_budget_wait_seconds_sum', { provider: 'clerk' });
    const calls = CLERK_BUDGET + 2;
    const { body } = await gql(clerkPages(calls), undefined, { 'x-request-id': 'req-over-budget' });
    expect(body.errors).toBeUndefined();

    // The two calls past the budget waited for the window to move on, and none was left after them.
    const line = operationLine('req-over-budget');
    expect(line).toMatchObject({ estimatedCalls: calls, upstream: { calls } });
    const clerk = line?.upstream.byProvider.find((entry: { provider: string }) => entry.provider === 'clerk');
    expect(clerk).toMatchObject({ provider: 'clerk', calls, budgetLeft: 0 });
    expect(clerk.budgetWaitMs).toBeGreaterThanOrEqual(2 * 900);

    expect(await sample('usergraph_upstream_budget_wait_seconds_count', { provider: 'clerk' })).toBe(
      waitsBefore + calls,
    );
    expect(
      (await sample('usergraph_upstream_budget_wait_seconds_sum', { provider: 'clerk' })) - waitedBefore,
    ).toBeGreaterThanOrEqual(1.8);
    // Two slots are held by the calls that just started; the window frees them within seconds.
    expect(await sample('usergraph_upstream_budget_remaining', { provider: 'clerk' })).toBeLessThan(
      CLERK_BUDGET,
    );
    const started = Date.now();
    while ((await sample('usergraph_upstream_budget_remaining', { provider: 'clerk' })) < CLERK_BUDGET) {
      expect(Date.now() - started).toBeLessThan(5_000);
      await sleep(100);
    }
  }, 15_000);

  it('counts retries and the 429s left after them, by provider', async () => {
    const retriesBefore = await sample('usergraph_upstream_retries_total', { provider: 'passage' });
    const limitedBefore = await sample('usergraph_upstream_rate_limited_total', { provider: 'passage' });
    // One 429 is retried and the retry succeeds.
    emulator().control.addFaults({
      kind: 'status',
      status: 429,
      provider: 'passage',
      retryAfter: 0,
      times: 1,
    });
    const retried = await gql('{ userCount(provider: PASSAGE) }');
    expect(retried.body.errors).toBeUndefined();
    expect(await sample('usergraph_upstream_retries_total', { provider: 'passage' })).toBe(retriesBefore + 1);
    expect(await sample('usergraph_upstream_rate_limited_total', { provider: 'passage' })).toBe(
      limitedBefore,
    );

    // 429s past every retry: the call ends in a 429, counted once.
    emulator().control.addFaults({
      kind: 'status',
      status: 429,
      provider: 'passage',
      retryAfter: 0,
      times: 10,
    });
    const limited = await gql('{ userCount(provider: PASSAGE) }');
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('PROVIDER_RATE_LIMITED');
    expect(await sample('usergraph_upstream_rate_limited_total', { provider: 'passage' })).toBe(
      limitedBefore + 1,
    );
    expect(await sample('usergraph_upstream_retries_total', { provider: 'passage' })).toBe(retriesBefore + 4);
    emulator().control.clearFaults();
  });

  it('counts user cache hits and misses, and user loader batch sizes', async () => {
    const [user] = await clerkUsers(emulator(), 1);
    const hits = () => sample('usergraph_user_cache_reads_total', { provider: 'clerk', result: 'hit' });
    const misses = () => sample('usergraph_user_cache_reads_total', { provider: 'clerk', result: 'miss' });
    const [hitsBefore, missesBefore] = [await hits(), await misses()];
    const batchesBefore = await sample('usergraph_loader_batch_size_count', { loader: 'user' });
    const read = 'query($id: ID!) { user(id: $id) { id } }';
    await gql(read, { id: user.id });
    expect([await hits(), await misses()]).toEqual([hitsBefore, missesBefore + 1]);
    await gql(read, { id: user.id });
    expect([await hits(), await misses()]).toEqual([hitsBefore + 1, missesBefore + 1]);
    // The miss went through the loader in one batch; the hit was served from the cache at once.
    expect(await sample('usergraph_loader_batch_size_count', { loader: 'user' })).toBe(batchesBefore + 1);
    // Labels are templates and names, never the id that was read.
    expect(await scrape()).not.toContain(user.id);
  });

  it('reads a cached user from the cache once per operation, however many fields ask for them', async () => {
    const [x, y] = await clerkUsers(emulator(), 2);
    const hits = () => sample('usergraph_user_cache_reads_total', { provider: 'clerk', result: 'hit' });
    const read = 'query($id: ID!) { user(id: $id) { id } }';
    await gql(read, { id: x.id });
    await gql(read, { id: y.id });
    const before = await hits();
    // node(id:) makes the batching loader first; user(id:) is then given X at once, and the
    // loader must see that same X for nodes(ids:) rather than read the cache again.
    const both = await gql(
      'query($x: ID!, $y: ID!) { first: node(id: $y) { id } user(id: $x) { id } again: nodes(ids: [$x]) { id } }',
      { x: x.id, y: y.id },
    );
    expect(both.body.errors).toBeUndefined();
    expect(both.body.data.again).toEqual([{ id: x.id }]);
    expect(await hits()).toBe(before + 2);
  });
});
