/**
 * What issue 17 must show, with three `npm start` processes on one real Redis and one emulator
 * that enforces Clerk's development limit: load spread over all three never overruns the
 * provider, a replica restart does not reset anyone's guesses, and losing Redis halfway through
 * neither overruns the provider nor lets a guess through, and shares again once Redis is back.
 * Load runs for seconds, not the 30, to keep CI short; the windows it checks are whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { startRedis, useRedis, type RunningRedis } from '../helpers/redis.js';
import { busiestWindow } from '../../src/emulator/request-log.js';
import { post, startReplica, useBuild, type Replica } from '../helpers/replicas.js';

const ONE_USER = 'query($id: ID!) { user(id: $id) { id } }';
const VERIFY = `mutation($id: ID!, $p: String!) {
  verifyPassword(input: { userId: $id, password: $p }) {
    __typename
    ... on VerifyPasswordPayload { verified }
    ... on RateLimitedError { message retryAfterSeconds }
  }
}`;
const VERIFY_ROUTE = '/users/{user_id}/verify_password';

function replicaEnv(emulator: RunningEmulator, redisUrl: string, env: Record<string, string>) {
  return {
    CLERK_SECRET_KEY: emulator.keys.clerkSecretKey,
    CLERK_API_URL: emulator.clerkUrl,
    USERGRAPH_AUTH: 'none',
    REDIS_URL: redisUrl,
    USERGRAPH_REPLICAS: '3',
    ...env,
  };
}

/** Seeded Clerk users (those with a password first); the emulator's window starts afresh after. */
async function clerkUserIds(emulator: RunningEmulator): Promise<string[]> {
  const response = await fetch(`${emulator.clerkUrl}/users?limit=20`, {
    headers: { authorization: `Bearer ${emulator.keys.clerkSecretKey}` },
  });
  const users = (await response.json()) as { id: string; password_enabled: boolean }[];
  const limits = emulator.control.rateLimits();
  if (limits.clerk) emulator.control.setRateLimit('clerk', limits.clerk);
  emulator.control.clearRequests();
  return users.sort((a, b) => Number(b.password_enabled) - Number(a.password_enabled)).map((user) => user.id);
}

interface LoadResult {
  served: number;
  /** `extensions.code` of every error answered, with whether the response had Retry-After. */
  errors: { code: unknown; retryAfter: boolean }[];
}

/** One-user reads from `workers` loops, round-robin over the replicas, until `ms` have passed. */
async function load(urls: () => string[], ids: string[], ms: number, workers = 4): Promise<LoadResult> {
  const result: LoadResult = { served: 0, errors: [] };
  const end = Date.now() + ms;
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < end) {
        const current = urls();
        const url = current[next % current.length]!;
        const id = ids[next % ids.length]!;
        next += 1;
        const answer = await post(url, ONE_USER, { id }).catch((error: Error) => error);
        if (answer instanceof Error) {
          result.errors.push({ code: answer.message, retryAfter: false });
          continue;
        }
        const { body, retryAfter } = answer;
        if (body.data?.user?.id === id) result.served += 1;
        for (const error of body.errors ?? []) {
          result.errors.push({ code: error.extensions?.code, retryAfter: retryAfter !== null });
        }
        // Refusals are instant; a pause keeps the loops from spending the shared CPU on them.
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    }),
  );
  return result;
}

function upstreamTimes(emulator: RunningEmulator): number[] {
  return emulator.control.requests({ provider: 'clerk' }).map((entry) => Date.parse(entry.at));
}

const build = useBuild();

describe('three replicas on one Redis, Clerk limited to 100/10s', () => {
  const emulator = useEmulator({ users: 20, rateLimits: { clerk: { limit: 100, windowMs: 10_000 } } });
  const redis = useRedis();
  const replicas: Replica[] = [];
  let env: Record<string, string> = {};
  beforeAll(async () => {
    env = replicaEnv(emulator(), redis().url, {
      USERGRAPH_CLERK_RATE_LIMIT: '100/10s',
      USERGRAPH_VERIFY_ATTEMPTS: '5',
    });
    replicas.push(...(await Promise.all([1, 2, 3].map(() => startReplica(env, build())))));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
  });

  it('nine verifyPassword calls for one user over three replicas, one restarted in between, reach Clerk five times', async () => {
    const [victim] = await clerkUserIds(emulator());
    const answers: string[] = [];
    for (let i = 0; i < 9; i++) {
      if (i === 4) {
        // A deploy: replica 2 goes away and comes back with nothing in memory.
        await replicas[1]!.stop();
        replicas[1] = await startReplica(env, build());
      }
      const { body } = await post(replicas[i % 3]!.url, VERIFY, { id: victim, p: `wrong-guess-${i}` });
      answers.push(body.data.verifyPassword.__typename);
    }
    expect(answers).toEqual([
      ...Array(5).fill('VerifyPasswordPayload'),
      ...Array(4).fill('RateLimitedError'),
    ]);
    expect(emulator().control.requests({ route: VERIFY_ROUTE })).toHaveLength(5);
  }, 60_000);

  it('12 s of one-user reads over all three: no 429 at the emulator and no 10-s window above 100 calls', async () => {
    const ids = await clerkUserIds(emulator());
    const result = await load(() => replicas.map((replica) => replica.url), ids, 12_000);
    const upstream = emulator().control.requests({ provider: 'clerk' });
    expect(upstream.filter((entry) => entry.rateLimited || entry.status === 429)).toEqual([]);
    expect(busiestWindow(upstreamTimes(emulator()), 10_000)).toBeLessThanOrEqual(100);
    // The budget was the limit: the first window was spent, and a second one began.
    expect(upstream.length).toBeGreaterThan(100);
    expect(result.served).toBe(upstream.length);
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) expect(error).toEqual({ code: 'RATE_LIMITED', retryAfter: true });
  }, 60_000);
});

describe('the same load with Redis stopped halfway (Clerk limited to 40/4s, to keep it short)', () => {
  const emulator = useEmulator({ users: 20, rateLimits: { clerk: { limit: 40, windowMs: 4_000 } } });
  let redis: RunningRedis;
  const replicas: Replica[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    const env = replicaEnv(emulator(), redis.url, {
      USERGRAPH_CLERK_RATE_LIMIT: '40/4s',
      USERGRAPH_UPSTREAM_QUEUE_MS: '1000',
    });
    replicas.push(...(await Promise.all([1, 2, 3].map(() => startReplica(env, build())))));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.stop();
  });

  it('no 429 at the emulator, errors only RATE_LIMITED with Retry-After, guesses refused, shared again after Redis restarts', async () => {
    const ids = await clerkUserIds(emulator());
    const urls = replicas.map((replica) => replica.url);
    const loaded = load(() => urls, ids, 16_000);

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const lostAt = Date.now();
    await redis.stop();
    await Promise.all(replicas.map((replica) => replica.waitFor(/Redis lost/)));
    // Degraded, and maybe not ready either: a readiness check can find the budget spent.
    const ready = await fetch(urls[0]!.replace('/graphql', '/ready'));
    expect(await ready.json()).toMatchObject({ degraded: [expect.stringMatching(/^Redis unreachable/)] });
    const guess = await post(urls[1]!, VERIFY, { id: ids[0], p: 'a-guess' });
    expect(guess.body.data.verifyPassword).toMatchObject({
      __typename: 'RateLimitedError',
      message: expect.stringMatching(/cannot be read now/),
    });

    // Lost for longer than the window the replicas stay off after the loss, so they spend their shares.
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    const backAt = Date.now();
    await redis.start();
    await Promise.all(replicas.map((replica) => replica.waitFor(/Redis answers/, 10_000)));
    const result = await loaded;

    const upstream = emulator().control.requests({ provider: 'clerk' });
    expect(upstream.filter((entry) => entry.rateLimited || entry.status === 429)).toEqual([]);
    expect(busiestWindow(upstreamTimes(emulator()), 4_000)).toBeLessThanOrEqual(40);
    expect(upstream.filter((entry) => entry.route === VERIFY_ROUTE)).toEqual([]);
    expect(result.served).toBeGreaterThan(40);
    // Calls reserved before the loss start up to the queue bound (1 s) after it; then none until
    // a whole window past that, then each replica's share.
    const times = upstreamTimes(emulator());
    expect(times.filter((at) => at > lostAt + 1_500 && at < lostAt + 5_000)).toEqual([]);
    expect(times.filter((at) => at > lostAt + 5_000 && at < backAt).length).toBeGreaterThan(0);
    for (const error of result.errors) expect(error).toEqual({ code: 'RATE_LIMITED', retryAfter: true });

    for (const url of urls) {
      expect(await (await fetch(url.replace('/graphql', '/ready'))).json()).not.toHaveProperty('degraded');
    }
    const after = await post(urls[2]!, VERIFY, { id: ids[0], p: 'a-guess' });
    expect(after.body.data.verifyPassword.__typename).toBe('VerifyPasswordPayload');
  }, 60_000);
});
