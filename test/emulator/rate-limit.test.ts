import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from '../../src/emulator/rate-limit.js';
import { call, useEmulator } from '../helpers/emulator.js';

describe('FixedWindowLimiter', () => {
  it('refuses past the budget until the window ends, with the seconds left', () => {
    let now = 1_000_000;
    const limiter = new FixedWindowLimiter({ limit: 2, windowMs: 10_000 }, () => now);
    expect(limiter.take()).toEqual({ allowed: true });
    expect(limiter.take()).toEqual({ allowed: true });
    expect(limiter.take()).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 8_500;
    expect(limiter.take()).toEqual({ allowed: false, retryAfterSeconds: 2 });
    now += 1_500;
    expect(limiter.take()).toEqual({ allowed: true });
  });
});

describe('rate limits over HTTP', () => {
  const emulator = useEmulator({ rateLimits: { clerk: { limit: 3, windowMs: 10_000 } } });

  it('answers 429 with Retry-After in Clerk’s envelope once the window’s budget is spent', async () => {
    const { clerkUrl, keys, control } = emulator();
    const get = () =>
      call(`${clerkUrl}/users?limit=1`, { headers: { authorization: `Bearer ${keys.clerkSecretKey}` } });
    for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    expect(refused.body.errors[0].code).toBe('too_many_requests');
    expect(control.requests().at(-1)).toMatchObject({ status: 429, rateLimited: true });
  });

  it('leaves other providers alone and can be changed at run time', async () => {
    const { passageUrl, clerkUrl, keys, control } = emulator();
    const passage = () =>
      call(`${passageUrl}/apps/${keys.passageAppId}/users?limit=1`, {
        headers: { authorization: `Bearer ${keys.passageApiKey}` },
      });
    for (let i = 0; i < 5; i++) expect((await passage()).status).toBe(200);
    control.setRateLimit('passage', { limit: 1, windowMs: 60_000 });
    expect((await passage()).status).toBe(200);
    const refused = await passage();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: expect.any(String), error: expect.any(String) });
    control.setRateLimit('clerk', null);
    const clerk = () =>
      call(`${clerkUrl}/users?limit=1`, { headers: { authorization: `Bearer ${keys.clerkSecretKey}` } });
    for (let i = 0; i < 5; i++) expect((await clerk()).status).toBe(200);
  });

  it('does not spend the budget on requests with a wrong key', async () => {
    const { clerkUrl, keys } = emulator();
    for (let i = 0; i < 5; i++) {
      const wrong = await call(`${clerkUrl}/users`, { headers: { authorization: 'Bearer sk_test_wrong' } });
      expect(wrong.status).toBe(401);
    }
    const right = await call(`${clerkUrl}/users?limit=1`, {
      headers: { authorization: `Bearer ${keys.clerkSecretKey}` },
    });
    expect(right.status).toBe(200);
  });
});
