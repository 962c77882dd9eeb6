import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/providers/errors.js';
import type { LoggedRequest } from '../../src/emulator/index.js';
import { HttpClient, path, type HttpClientOptions } from '../../src/providers/http.js';
import { useEmulator } from '../helpers/emulator.js';

describe('path``', () => {
  it.each([
    ['../x', '/users/..%2Fx'],
    ['a/b', '/users/a%2Fb'],
    ['a?b', '/users/a%3Fb'],
    ['a#b', '/users/a%23b'],
    ['..', '/users/%2E%2E'],
    ['.', '/users/%2E'],
    ['%2F', '/users/%252F'],
    ['ünï', '/users/%C3%BCn%C3%AF'],
  ])('keeps %j inside one segment', (id, expected) => {
    expect(path`/users/${id}`).toBe(expected);
  });

  it.each(['', '   '])('refuses the empty id %j', (id) => {
    expect(() => path`/users/${id}/devices`).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('HttpClient against the emulator', () => {
  const emulator = useEmulator();

  function client(overrides: Partial<HttpClientOptions> = {}) {
    return new HttpClient({
      provider: 'clerk',
      baseUrl: emulator().clerkUrl,
      headers: { authorization: `Bearer ${emulator().keys.clerkSecretKey}` },
      decodeError: (_status, body) => {
        const first = (body as { errors?: { code?: string; message?: string }[] } | undefined)?.errors?.[0];
        return { upstreamCode: first?.code, message: first?.message };
      },
      retry: { minDelayMs: 5, maxDelayMs: 20 },
      ...overrides,
    });
  }
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: unknown) => error as ProviderError,
    );
  const logged = () => emulator().control.requests({ provider: 'clerk' });

  it('retries a read through a reset and a 503, then succeeds', async () => {
    emulator().control.addFaults([
      { kind: 'reset', times: 1 },
      { kind: 'status', status: 503, times: 1 },
    ]);
    const response = await client().request({ method: 'GET', path: '/users', query: { limit: 2 } });
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(2);
    expect(logged().map((r) => r.status)).toEqual([0, 503, 200]);
  });

  it('stops retrying after maxRetries and reports UNAVAILABLE with the status', async () => {
    emulator().control.addFaults({ kind: 'status', status: 503 });
    const error = await failure(client().request({ method: 'GET', path: '/users' }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', status: 503, provider: 'clerk' });
    expect(logged()).toHaveLength(4); // 1 + 3 retries
  });

  it('does not retry a 500 or a 4xx', async () => {
    emulator().control.addFaults({ kind: 'status', status: 500, times: 1 });
    expect(await failure(client().request({ method: 'GET', path: '/users' }))).toMatchObject({
      code: 'UNAVAILABLE',
      status: 500,
    });
    const missing = await failure(client().request({ method: 'GET', path: path`/users/${'user_missing'}` }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', status: 404, upstreamCode: 'resource_not_found' });
    expect(logged()).toHaveLength(2);
  });

  it('honours Retry-After on 429', async () => {
    emulator().control.addFaults({ kind: 'status', status: 429, retryAfter: 1, times: 1 });
    const started = performance.now();
    const response = await client().request({ method: 'GET', path: '/users', query: { limit: 1 } });
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(logged().map((r) => r.status)).toEqual([429, 200]);
  });

  it('fails RATE_LIMITED at once when Retry-After is longer than it will wait', async () => {
    emulator().control.addFaults({ kind: 'status', status: 429, retryAfter: 30 });
    const started = performance.now();
    const error = await failure(client().request({ method: 'GET', path: '/users' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(logged()).toHaveLength(1);
  });

  it.each([
    ['a 503', { kind: 'status' as const, status: 503, times: 1 }, 'UNAVAILABLE'],
    ['a reset', { kind: 'reset' as const, times: 1 }, 'UNAVAILABLE'],
  ])('never sends a create twice, even after %s', async (_, fault, code) => {
    emulator().control.addFaults({ ...fault, method: 'POST' });
    const before = emulator().control.stats().clerk.users;
    const error = await failure(
      client().request({
        method: 'POST',
        path: '/users',
        json: { email_address: ['once@example.com'], skip_password_requirement: true },
      }),
    );
    expect(error.code).toBe(code);
    expect(logged()).toHaveLength(1);
    expect(emulator().control.stats().clerk.users).toBe(before);
  });

  it('retries a POST the caller marked idempotent', async () => {
    emulator().control.addFaults({ kind: 'status', status: 503, times: 1, method: 'POST' });
    const users = (await client().request({ method: 'GET', path: '/users', query: { limit: 1 } })).body as {
      id: string;
    }[];
    const response = await client().request({
      method: 'POST',
      path: path`/users/${users[0]!.id}/ban`,
      idempotent: true,
    });
    expect(response.body).toMatchObject({ banned: true });
  });

  it('times out a call that gets no answer', async () => {
    emulator().control.addFaults({ kind: 'timeout', times: 1 });
    const started = performance.now();
    const error = await failure(
      client({ timeouts: { headersMs: 200 } }).request({ method: 'POST', path: '/users', json: {} }),
    );
    expect(error.code).toBe('TIMEOUT');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('aborts the upstream call when the caller goes away', async () => {
    emulator().control.addFaults({ kind: 'timeout', times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(
      client().request({ method: 'GET', path: '/users', signal: controller.signal }),
    );
    expect(error.code).toBe('ABORTED');
  });

  // With a rate budget, calls wait in a queue before they are sent; without one they go straight
  // to the pool. Cancellation must mean the same on both paths.
  it.each([
    ['with a rate budget', { rateLimit: { requests: 1, intervalMs: 60_000 } }],
    ['without one', { rateLimit: undefined }],
  ] as const)('sends nothing for a caller already gone, %s', async (_, overrides) => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(
      client(overrides).request({ method: 'GET', path: '/users', signal: controller.signal }),
    );
    expect(error.code).toBe('ABORTED');
    expect(logged()).toEqual([]);
  });

  it('drops a call still waiting for the rate budget when its caller goes away', async () => {
    // Allowed to wait the whole window, so the call is still queued when its caller leaves.
    const limited = client({ rateLimit: { requests: 1, intervalMs: 60_000 }, maxQueueMs: 120_000 });
    await limited.request({ method: 'GET', path: '/users', query: { limit: 1 } });
    const controller = new AbortController();
    const waiting = failure(limited.request({ method: 'GET', path: '/users', signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect((await waiting).code).toBe('ABORTED');
    expect(logged()).toHaveLength(1);
    await limited.close();
  });

  it('aborts while waiting out a Retry-After', async () => {
    emulator().control.addFaults({ kind: 'status', status: 429, retryAfter: 5 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    const error = await failure(
      client().request({ method: 'GET', path: '/users', signal: controller.signal }),
    );
    expect(error.code).toBe('ABORTED');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reports a body that is not JSON as UPSTREAM_INVALID', async () => {
    emulator().control.addFaults({ kind: 'garbage', times: 1 });
    expect(await failure(client().request({ method: 'GET', path: '/users' }))).toMatchObject({
      code: 'UPSTREAM_INVALID',
      status: 200,
    });
  });

  it('reports wrong credentials as UNAUTHORIZED without echoing them', async () => {
    const secret = 'sk_test_this_must_never_be_echoed';
    const error = await failure(
      client({ headers: { authorization: `Bearer ${secret}` } }).request({ method: 'GET', path: '/users' }),
    );
    expect(error.code).toBe('UNAUTHORIZED');
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(emulator().clerkUrl);
  });

  it.each(['../x', 'a/b', 'a?b', '..', '%2F'])('keeps the hostile id %j inside its segment', async (id) => {
    const error = await failure(client().request({ method: 'GET', path: path`/users/${id}` }));
    expect(error.code).toBe('NOT_FOUND');
    expect(logged()[0]).toMatchObject({ route: '/users/{user_id}', status: 404 });
  });

  it('sends arrays as repeated keys', async () => {
    const listed = (await client().request({ method: 'GET', path: '/users', query: { limit: 3 } })).body as {
      id: string;
    }[];
    const ids = listed.map((user) => user.id);
    const response = await client().request({
      method: 'GET',
      path: '/users',
      query: { user_id: ids, limit: 100 },
    });
    expect((response.body as { id: string }[]).map((user) => user.id).sort()).toEqual([...ids].sort());
    expect(logged()[1]!.query).toBe(`${ids.map((id) => `user_id=${id}`).join('&')}&limit=100`);
  });

  it('sends the per-user calls of a 50-user page at once with the default pool, not in waves', async () => {
    // Passage has no batch read: a page of 50 users with their devices is 50 calls side by side.
    emulator().control.addFaults({ kind: 'latency', ms: 100 });
    const pooled = client();
    await Promise.all(
      Array.from({ length: 50 }, () =>
        pooled.request({ method: 'GET', path: '/users', query: { limit: 1 } }),
      ),
    );
    expect(mostAtOnce(logged())).toBe(50);
  });

  it('queues requests within the client-side rate budget instead of bursting', async () => {
    const limited = client({ rateLimit: { requests: 5, intervalMs: 300 } });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 12 }, () =>
        limited.request({ method: 'GET', path: '/users', query: { limit: 1 } }),
      ),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(550); // three windows: 5 + 5 + 2
    expect(logged()).toHaveLength(12);
  });

  it('fails RATE_LIMITED at once, with the wait, a call whose turn is further off than maxQueueMs', async () => {
    const limited = client({ rateLimit: { requests: 2, intervalMs: 10_000 }, maxQueueMs: 200 });
    await Promise.all(
      [1, 2].map(() => limited.request({ method: 'GET', path: '/users', query: { limit: 1 } })),
    );
    const started = performance.now();
    const error = await failure(limited.request({ method: 'GET', path: '/users', query: { limit: 1 } }));
    expect(performance.now() - started).toBeLessThan(100);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', provider: 'usergraph' });
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(10);
    expect(logged()).toHaveLength(2);
    await limited.close();
  });

  it('waits for a turn within maxQueueMs rather than refusing it', async () => {
    const limited = client({ rateLimit: { requests: 2, intervalMs: 300 }, maxQueueMs: 1_000 });
    const started = performance.now();
    await Promise.all(
      [1, 2, 3].map(() => limited.request({ method: 'GET', path: '/users', query: { limit: 1 } })),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(logged()).toHaveLength(3);
    await limited.close();
  });

  it('takes a turn in the rate budget for a retry, as for any call', async () => {
    emulator().control.addFaults({ kind: 'status', status: 503, times: 1 });
    const limited = client({ rateLimit: { requests: 2, intervalMs: 1_000 }, maxQueueMs: 5_000 });
    await limited.request({ method: 'GET', path: '/users', query: { limit: 1 } }); // a 503, then a retry
    const started = performance.now();
    await limited.request({ method: 'GET', path: '/users', query: { limit: 1 } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(logged().map((request) => request.status)).toEqual([503, 200, 200]);
    await limited.close();
  });

  it('spends a bounded retry budget when the provider is down', async () => {
    emulator().control.addFaults({ kind: 'status', status: 503 });
    const down = client({ retry: { minDelayMs: 1, maxDelayMs: 2, budgetBurst: 3, budgetRatio: 0 } });
    for (let i = 0; i < 4; i++) await failure(down.request({ method: 'GET', path: '/users' }));
    expect(logged()).toHaveLength(4 + 3); // four calls, three retries in all
  });
});

/** The most requests the emulator was serving at one moment, from each one's end and duration. */
function mostAtOnce(requests: readonly LoggedRequest[]): number {
  const events = requests.flatMap((request) => {
    const end = Date.parse(request.at);
    return [
      { at: end - request.durationMs, change: 1 },
      { at: end, change: -1 },
    ];
  });
  // An end and a start at the same millisecond are one connection handing over, not two at once.
  events.sort((a, b) => a.at - b.at || a.change - b.change);
  let serving = 0;
  let most = 0;
  for (const { change } of events) {
    serving += change;
    most = Math.max(most, serving);
  }
  return most;
}
