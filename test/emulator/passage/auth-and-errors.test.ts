import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/emulator.js';
import { usePassageApi } from './passage-api.js';

describe('passage: authentication', () => {
  const { emulator, appUrl, api, stats } = usePassageApi();

  it.each([
    ['no Authorization header', {}],
    ['a wrong key', { authorization: 'Bearer passage_wrong_key' }],
    ['the key without the Bearer scheme', 'raw-key'],
    ['a Basic scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
  ])('answers 401 invalid_access_token for %s', async (_name, headers) => {
    const resolved =
      headers === 'raw-key'
        ? { authorization: emulator().keys.passageApiKey }
        : (headers as Record<string, string>);
    const response = await call(`${appUrl()}/users`, { headers: resolved });
    expect(response.status).toBe(401);
    expect(response.body).toMatchInlineSnapshot(`
      {
        "code": "invalid_access_token",
        "error": "Invalid access token",
      }
    `);
  });

  it('checks the key before anything else, even on a write to an unknown user', async () => {
    const response = await call(`${appUrl()}/users/nobody`, { method: 'DELETE' });
    expect(response.status).toBe(401);
  });

  it('answers 404 app_not_found for the right key on another app id', async () => {
    expect((await api('/users?limit=1')).status).toBe(200);
    const other = await call(`${emulator().passageUrl}/apps/other-app/users`, {
      headers: { authorization: `Bearer ${emulator().keys.passageApiKey}` },
    });
    expect(other.status).toBe(404);
    expect(other.body).toMatchInlineSnapshot(`
      {
        "code": "app_not_found",
        "error": "App not found",
      }
    `);
  });

  it('refuses a write to another app id without changing anything', async () => {
    const before = stats();
    const response = await call(`${emulator().passageUrl}/apps/other-app/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator().keys.passageApiKey}` },
      body: { email: 'intruder@example.com' },
    });
    expect(response.status).toBe(404);
    expect(stats()).toEqual(before);
  });
});

describe('passage: paths it does not serve', () => {
  const { emulator, api } = usePassageApi();

  it.each([
    ['GET', '/users/'],
    ['GET', '/magic-links'],
    ['PUT', '/users/someone'],
    ['POST', '/users/someone/activate'],
  ])('answers %s %s with the 404 envelope', async (method, path) => {
    const response = await api(path, { method });
    expect(response.status).toBe(404);
    const fullPath = `/apps/${emulator().keys.passageAppId}${path}`;
    expect(response.body).toEqual({ code: 'not_found', error: `no route ${method} ${fullPath}` });
  });

  it('answers a path outside /apps with the 404 envelope once authenticated', async () => {
    const response = await call(`${emulator().passageUrl}/users`, {
      headers: { authorization: `Bearer ${emulator().keys.passageApiKey}` },
    });
    expect(response.body).toMatchInlineSnapshot(`
      {
        "code": "not_found",
        "error": "no route GET /users",
      }
    `);
  });
});

describe('passage: error envelopes for injected and unexpected failures', () => {
  const { emulator, api } = usePassageApi();

  it.each([
    [500, 'internal_server_error', 'Internal server error'],
    [502, 'bad_gateway', 'Bad gateway'],
    [503, 'service_unavailable', 'Service unavailable'],
    [504, 'gateway_timeout', 'Gateway timeout'],
    [403, 'operation_not_allowed', 'Operation not allowed'],
    [404, 'user_not_found', 'User not found'],
  ])('answers an injected %i as {code: %s}', async (status, code, error) => {
    emulator().control.addFaults({ kind: 'status', status, provider: 'passage', times: 1 });
    const response = await api('/users');
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ code, error });
  });

  it('answers an injected 429 with Retry-After when the fault gives one', async () => {
    emulator().control.addFaults({
      kind: 'status',
      status: 429,
      retryAfter: 7,
      provider: 'passage',
      times: 1,
    });
    const response = await api('/users');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.body).toMatchInlineSnapshot(`
      {
        "code": "too_many_requests",
        "error": "Too many requests",
      }
    `);
  });

  it('answers the rate limit with 429 and Retry-After', async () => {
    emulator().control.setRateLimit('passage', { limit: 1, windowMs: 60_000 });
    expect((await api('/users?limit=1')).status).toBe(200);
    const limited = await api('/users?limit=1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.code).toBe('too_many_requests');
  });

  it('answers a malformed JSON body with 400 invalid_request and creates nothing', async () => {
    const before = emulator().control.stats().passage.users;
    const response = await api('/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      rawBody: '{"email": "half',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchInlineSnapshot(`
      {
        "code": "invalid_request",
        "error": "request body is not valid JSON",
      }
    `);
    expect(emulator().control.stats().passage.users).toBe(before);
  });
});
