import { describe, expect, it } from 'vitest';
import { call, useEmulator } from '../helpers/emulator.js';

describe('control plane over HTTP', () => {
  const emulator = useEmulator();
  const control = (path: string, init?: Parameters<typeof call>[1]) =>
    call(`${emulator().url}/__emulator${path}`, init);
  const passageUsers = () => `${emulator().passageUrl}/apps/${emulator().keys.passageAppId}/users`;
  const passageAuth = () => ({ authorization: `Bearer ${emulator().keys.passageApiKey}` });

  it('describes the providers it serves', async () => {
    const info = await control('');
    expect(info.status).toBe(200);
    expect(info.body.providers).toEqual([
      { name: 'clerk', mount: '/clerk/v1' },
      { name: 'passage', mount: '/passage/v1' },
    ]);
    expect(info.body.seededUsers).toBe(20);
  });

  it('reseeds with another number of users, and reset goes back to the start', async () => {
    expect((await control('/seed', { method: 'POST', body: { users: 7 } })).status).toBe(200);
    expect((await control('')).body.stats.passage.users).toBe(7);
    expect((await control('')).body.stats.clerk.users).toBe(7);
    await control('/reset', { method: 'POST' });
    expect((await control('')).body.stats.passage.users).toBe(7); // a reset keeps the last seeding size
    await control('/reset', { method: 'POST', body: { users: 20 } });
    expect((await control('')).body.stats.clerk.users).toBe(20);
  });

  it('seeds each provider with its own count when asked, and refuses an unknown provider', async () => {
    expect(
      (await control('/seed', { method: 'POST', body: { users: { passage: 9, clerk: 0 } } })).status,
    ).toBe(200);
    const { stats } = (await control('')).body;
    expect([stats.passage.users, stats.clerk.users]).toEqual([9, 0]);
    const bad = await control('/seed', { method: 'POST', body: { users: { auth0: 3 } } });
    expect(bad.status).toBe(400);
    expect((await control('')).body.stats.passage.users).toBe(9);
    await control('/reset', { method: 'POST', body: { users: 20 } }); // the size later tests expect
  });

  it('rejects a bad seeding request without changing anything', async () => {
    const bad = await control('/seed', { method: 'POST', body: { users: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/users/);
    expect((await control('')).body.stats.passage.users).toBe(20);
  });

  it('logs each provider request without credentials and with secrets redacted', async () => {
    await call(`${passageUsers()}?limit=2&status=active`, { headers: passageAuth() });
    await call(`${emulator().clerkUrl}/users/user_missing/verify_password`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator().keys.clerkSecretKey}` },
      body: { password: 'hunter2-hunter2' },
    });
    const log = await control('/requests');
    expect(log.body.count).toBe(2);
    expect(log.body.requests[0]).toMatchObject({
      seq: 1,
      provider: 'passage',
      method: 'GET',
      route: '/apps/{app_id}/users',
      query: 'limit=2&status=active',
      status: 200,
    });
    expect(log.body.requests[1]).toMatchObject({
      provider: 'clerk',
      route: '/users/{user_id}/verify_password',
      body: { password: '[redacted]' },
      status: 404,
    });
    const text = JSON.stringify(log.body);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain(emulator().keys.clerkSecretKey);
    expect(text).not.toContain(emulator().keys.passageApiKey);

    const filtered = await control('/requests?provider=clerk');
    expect(filtered.body.count).toBe(1);
  });

  it('counts requests per route and clears the log', async () => {
    for (let i = 0; i < 3; i++) await call(`${passageUsers()}?limit=1`, { headers: passageAuth() });
    const counters = await control('/counters');
    expect(counters.body).toEqual({ total: 3, byRoute: { 'passage GET /apps/{app_id}/users': 3 } });
    await control('/requests', { method: 'DELETE' });
    expect((await control('/counters')).body).toEqual({ total: 0, byRoute: {} });
  });

  it('installs, lists and removes faults', async () => {
    const created = await control('/faults', {
      method: 'POST',
      body: [
        { kind: 'status', status: 503, provider: 'passage', times: 2 },
        { kind: 'latency', ms: 5 },
      ],
    });
    expect(created.status).toBe(201);
    const [statusFault, latencyFault] = created.body.faults;
    expect((await call(passageUsers(), { headers: passageAuth() })).status).toBe(503);
    expect((await control('/faults')).body.faults).toMatchObject([
      { id: statusFault.id, times: 1 },
      { id: latencyFault.id },
    ]);
    expect((await control(`/faults/${statusFault.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await control(`/faults/${statusFault.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await call(passageUsers(), { headers: passageAuth() })).status).toBe(200);
    await control('/faults', { method: 'DELETE' });
    expect((await control('/faults')).body.faults).toEqual([]);
  });

  it.each([
    [{ kind: 'status', status: 700 }, /status/],
    [{ kind: 'explode' }, /kind/],
    [{ kind: 'latency' }, /ms/],
  ])('refuses the fault %j with a message naming the field', async (spec, field) => {
    const refused = await control('/faults', { method: 'POST', body: spec });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(field);
    expect((await control('/faults')).body.faults).toEqual([]);
  });

  it('refuses a body that is not JSON', async () => {
    const refused = await control('/faults', {
      method: 'POST',
      rawBody: '{"kind":',
      headers: { 'content-type': 'application/json' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/JSON/);
  });

  it('sets and removes a rate limit at run time', async () => {
    const set = await control('/rate-limits/passage', {
      method: 'PUT',
      body: { limit: 1, windowMs: 60_000 },
    });
    expect(set.body.rateLimits).toEqual({ passage: { limit: 1, windowMs: 60_000 } });
    expect((await call(passageUsers(), { headers: passageAuth() })).status).toBe(200);
    expect((await call(passageUsers(), { headers: passageAuth() })).status).toBe(429);
    await control('/rate-limits/passage', { method: 'DELETE' });
    expect((await call(passageUsers(), { headers: passageAuth() })).status).toBe(200);
    expect(
      (await control('/rate-limits/nobody', { method: 'PUT', body: { limit: 1, windowMs: 1 } })).status,
    ).toBe(400);
    expect(
      (await control('/rate-limits/clerk', { method: 'PUT', body: { limit: 0, windowMs: 1 } })).status,
    ).toBe(400);
  });

  it('answers 404 to unknown control operations and unknown mounts', async () => {
    expect((await control('/explode', { method: 'POST' })).status).toBe(404);
    const elsewhere = await call(`${emulator().url}/stripe/v1/customers`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error).toMatch(/clerk\/v1/);
  });

  it('resets clear the log and runtime faults', async () => {
    await control('/faults', { method: 'POST', body: { kind: 'status', status: 500 } });
    await call(passageUsers(), { headers: passageAuth() });
    await control('/reset', { method: 'POST' });
    expect((await control('/faults')).body.faults).toEqual([]);
    expect((await control('/requests')).body.count).toBe(0);
  });
});
