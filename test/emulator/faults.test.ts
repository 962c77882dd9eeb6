import { describe, expect, it } from 'vitest';
import { FaultInjector, type FaultTarget } from '../../src/emulator/faults.js';
import { Random } from '../../src/emulator/random.js';
import { call, useEmulator } from '../helpers/emulator.js';

const target = (overrides: Partial<FaultTarget> = {}): FaultTarget => ({
  provider: 'clerk',
  method: 'GET',
  route: '/users',
  path: '/users',
  ...overrides,
});

describe('FaultInjector', () => {
  it('scripts a sequence: the first matching fault decides and is used up', () => {
    const faults = new FaultInjector(new Random(1));
    faults.add([
      { kind: 'reset', times: 1 },
      { kind: 'status', status: 500, times: 1 },
    ]);
    expect(faults.decide(target()).outcome?.kind).toBe('reset');
    expect(faults.decide(target()).outcome).toMatchObject({ kind: 'status', status: 500 });
    expect(faults.decide(target()).outcome).toBeUndefined();
    expect(faults.list()).toEqual([]);
  });

  it('lets the first `after` matching requests through, then applies', () => {
    const faults = new FaultInjector(new Random(1));
    faults.add([{ kind: 'status', status: 401, route: '/users', after: 2, times: 1 }]);
    expect(faults.decide(target({ route: '/users/{user_id}' })).outcome).toBeUndefined();
    expect(faults.decide(target()).outcome).toBeUndefined();
    expect(faults.decide(target()).outcome).toBeUndefined();
    expect(faults.decide(target()).outcome).toMatchObject({ status: 401 });
    expect(faults.decide(target()).outcome).toBeUndefined();
  });

  it('adds up every matching latency and still applies one outcome', () => {
    const faults = new FaultInjector(new Random(1));
    faults.add([
      { kind: 'latency', ms: 20 },
      { kind: 'latency', ms: 5, provider: 'clerk' },
      { kind: 'status', status: 503 },
    ]);
    const decision = faults.decide(target());
    expect(decision.delayMs).toBe(25);
    expect(decision.outcome).toMatchObject({ status: 503 });
  });

  it.each([
    ['provider', { provider: 'passage' as const }, { provider: 'passage' as const }],
    ['method', { method: 'post' }, { method: 'POST' }],
    ['route', { route: '/users/{user_id}' }, { route: '/users/{user_id}' }],
    ['path', { path: '/users/user_2' }, { path: '/users/user_2' }],
  ])('matches only requests with the same %s', (_, spec, hit) => {
    const faults = new FaultInjector(new Random(1));
    faults.add([{ kind: 'status', status: 500, ...spec }]);
    expect(faults.decide(target()).outcome).toBeUndefined();
    expect(faults.decide(target(hit)).outcome).toBeDefined();
  });

  it('applies a probability deterministically for a given seed', () => {
    const run = () => {
      const faults = new FaultInjector(new Random(42));
      faults.add([{ kind: 'status', status: 500, probability: 0.3 }]);
      return Array.from({ length: 1000 }, () => faults.decide(target()).outcome !== undefined);
    };
    const first = run();
    expect(run()).toEqual(first);
    const hits = first.filter(Boolean).length;
    expect(hits).toBeGreaterThan(240);
    expect(hits).toBeLessThan(360);
  });

  it.each([
    [{ kind: 'lag', ms: 1 }, /kind/],
    [{ kind: 'status', status: 200 }, /status/],
    [{ kind: 'latency', ms: -1 }, /ms/],
    [{ kind: 'status', status: 500, probability: 2 }, /probability/],
    [{ kind: 'status', status: 500, times: 0 }, /times/],
    [{ kind: 'timeout', surprise: true }, /surprise/],
  ])('rejects the invalid spec %j naming the field', (spec, field) => {
    const faults = new FaultInjector(new Random(1));
    expect(() => faults.add([spec as never])).toThrow(field);
    expect(faults.list()).toEqual([]);
  });
});

describe('faults over HTTP', () => {
  const emulator = useEmulator();
  const clerkUsers = () => `${emulator().clerkUrl}/users?limit=1`;
  const clerkAuth = () => ({ authorization: `Bearer ${emulator().keys.clerkSecretKey}` });

  it('answers a status fault in the provider envelope, with Retry-After on 429', async () => {
    emulator().control.addFaults({ kind: 'status', status: 429, retryAfter: 7, times: 1 });
    const limited = await call(clerkUsers(), { headers: clerkAuth() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body.errors[0].code).toBe('too_many_requests');
    expect((await call(clerkUsers(), { headers: clerkAuth() })).status).toBe(200);
  });

  it('drops the connection on a reset fault', async () => {
    emulator().control.addFaults({ kind: 'reset', times: 1 });
    await expect(fetch(clerkUsers(), { headers: clerkAuth() })).rejects.toThrow();
    expect(emulator().control.requests()[0]).toMatchObject({ status: 0, fault: 'reset' });
  });

  it('performs the request before dropping the response when resetting after the handler', async () => {
    const { passageUrl, keys, control } = emulator();
    control.addFaults({ kind: 'reset', afterHandler: true, method: 'POST', times: 1 });
    const usersBefore = control.stats().passage.users;
    await expect(
      fetch(`${passageUrl}/apps/${keys.passageAppId}/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.passageApiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'lost.response@example.com' }),
      }),
    ).rejects.toThrow();
    expect(control.stats().passage.users).toBe((usersBefore ?? 0) + 1);
  });

  it('never answers on a timeout fault', async () => {
    emulator().control.addFaults({ kind: 'timeout', times: 1 });
    await expect(
      fetch(clerkUsers(), { headers: clerkAuth(), signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow(/abort|timeout/i);
  });

  it('sends a body that is not JSON on a garbage fault', async () => {
    emulator().control.addFaults({ kind: 'garbage', times: 1 });
    const response = await call(clerkUsers(), { headers: clerkAuth() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(response.text)).toThrow();
  });

  it('trickles the body on a slow_body fault', async () => {
    emulator().control.addFaults({ kind: 'slow_body', chunkDelayMs: 30, times: 1 });
    const started = performance.now();
    const response = await call(clerkUsers(), { headers: clerkAuth() });
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('adds latency', async () => {
    emulator().control.addFaults({ kind: 'latency', ms: 120, times: 1 });
    const started = performance.now();
    await call(clerkUsers(), { headers: clerkAuth() });
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('scripts reset → 500 → 200 for one route only', async () => {
    const { control, passageUrl, keys } = emulator();
    control.addFaults([
      { kind: 'reset', provider: 'clerk', route: '/users', times: 1 },
      { kind: 'status', status: 500, provider: 'clerk', route: '/users', times: 1 },
    ]);
    const passage = await call(`${passageUrl}/apps/${keys.passageAppId}/users?limit=1`, {
      headers: { authorization: `Bearer ${keys.passageApiKey}` },
    });
    expect(passage.status).toBe(200);
    await expect(fetch(clerkUsers(), { headers: clerkAuth() })).rejects.toThrow();
    expect((await call(clerkUsers(), { headers: clerkAuth() })).status).toBe(500);
    expect((await call(clerkUsers(), { headers: clerkAuth() })).status).toBe(200);
  });
});

describe('faults configured at start', () => {
  const emulator = useEmulator({ faults: [{ kind: 'status', status: 503, provider: 'passage' }] });

  it('apply from the first request and come back after a reset', async () => {
    const { passageUrl, keys, control } = emulator();
    const get = () =>
      call(`${passageUrl}/apps/${keys.passageAppId}/users`, {
        headers: { authorization: `Bearer ${keys.passageApiKey}` },
      });
    expect((await get()).status).toBe(503);
    control.clearFaults();
    expect((await get()).status).toBe(200);
    control.reset();
    expect((await get()).status).toBe(503);
  });
});
