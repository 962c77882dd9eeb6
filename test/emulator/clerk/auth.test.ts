import { describe, expect, it } from 'vitest';
import { call, useEmulator } from '../../helpers/emulator.js';
import { clerkApi, stableEnvelope } from './helpers.js';

describe('Clerk emulator: authentication, versions and error envelopes', () => {
  const emulator = useEmulator();
  const api = clerkApi(emulator);
  const raw = (path: string, headers: Record<string, string>) =>
    call(`${emulator().clerkUrl}${path}`, { headers });

  it('answers a missing Authorization header with authorization_header_format_invalid', async () => {
    const res = await raw('/users', {});
    expect(res.status).toBe(401);
    expect(stableEnvelope(res.body)).toMatchInlineSnapshot(`
      {
        "clerk_trace_id": "<trace id>",
        "errors": [
          {
            "code": "authorization_header_format_invalid",
            "long_message": "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'",
            "message": "Invalid Authorization header format",
            "meta": {},
          },
        ],
        "meta": {},
      }
    `);
  });

  it.each([['Basic abc'], ['Bearer'], ['Bearer two words'], ['bearer-less-token']])(
    'rejects a malformed header %j',
    async (value) => {
      const res = await raw('/users', { authorization: value });
      expect(res.status).toBe(401);
      expect(res.body.errors[0].code).toBe('authorization_header_format_invalid');
    },
  );

  it('answers a wrong secret key with clerk_key_invalid and never echoes the key', async () => {
    const res = await raw('/users', { authorization: 'Bearer sk_test_not_the_right_key' });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('sk_test_not_the_right_key');
    expect(stableEnvelope(res.body)).toMatchInlineSnapshot(`
      {
        "clerk_trace_id": "<trace id>",
        "errors": [
          {
            "code": "clerk_key_invalid",
            "long_message": "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
            "message": "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
            "meta": {},
          },
        ],
        "meta": {},
      }
    `);
  });

  it('checks the key before the path: an unknown path without a key is still a 401', async () => {
    expect((await raw('/no/such/path', {})).status).toBe(401);
  });

  it.each(['2021-02-05', '2024-10-01', '2025-04-10', '2025-11-10', '2026-05-12'])(
    'accepts API version %s',
    async (version) => {
      expect((await api.get('/users/count', { headers: { 'clerk-api-version': version } })).status).toBe(200);
    },
  );

  it('treats a request without a version as the newest version', async () => {
    const res = await raw('/users/count', { authorization: `Bearer ${emulator().keys.clerkSecretKey}` });
    expect(res.status).toBe(200);
  });

  it('rejects an unknown API version with api_version_invalid', async () => {
    const res = await api.get('/users', { headers: { 'clerk-api-version': '2020-01-01' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: 'api_version_invalid', message: 'invalid API version' });
    expect(res.body.errors[0].long_message).toMatch(/^Invalid Clerk API version: "2020-01-01"/);
  });

  it('accepts the version as a query parameter, but not together with the header', async () => {
    const headers = { authorization: `Bearer ${emulator().keys.clerkSecretKey}` };
    expect((await raw('/users/count?__clerk_api_version=2025-11-10', headers)).status).toBe(200);
    const both = await api.get('/users/count?__clerk_api_version=2025-11-10');
    expect(both.status).toBe(400);
    expect(both.body.errors[0].code).toBe('api_version_invalid');
  });

  it("answers an unknown path with Clerk's own 404", async () => {
    const res = await api.get('/no/such/path');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(stableEnvelope(res.body)).toMatchInlineSnapshot(`
      {
        "clerk_trace_id": "<trace id>",
        "errors": [
          {
            "code": "resource_not_found",
            "long_message": "The requested resource was not found.",
            "message": "not found",
            "meta": {},
          },
        ],
        "meta": {},
      }
    `);
  });

  it('answers malformed JSON with request_body_invalid', async () => {
    const res = await api.post('/users', undefined, {
      rawBody: '{"email_address": [',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('request_body_invalid');
  });

  it('answers a JSON body that is not an object with request_body_invalid', async () => {
    const res = await api.post('/users', ['not', 'an', 'object']);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('request_body_invalid');
  });

  it.each([
    [429, 'too_many_requests'],
    [500, 'internal_clerk_error'],
    [502, 'bad_gateway'],
    [503, 'service_unavailable'],
    [504, 'gateway_timeout'],
  ])('wraps an injected %i in the Clerk envelope (%s)', async (status, code) => {
    emulator().control.addFaults({
      kind: 'status',
      status,
      provider: 'clerk',
      times: 1,
      ...(status === 429 ? { retryAfter: 7 } : {}),
    });
    const res = await api.get('/users');
    expect(res.status).toBe(status);
    expect(res.body.errors[0].code).toBe(code);
    expect(typeof res.body.clerk_trace_id).toBe('string');
    if (status === 429) expect(res.headers.get('retry-after')).toBe('7');
  });

  it('answers with 429 and Retry-After when the rate limit is spent', async () => {
    emulator().control.setRateLimit('clerk', { limit: 1, windowMs: 60_000 });
    expect((await api.get('/users/count')).status).toBe(200);
    const limited = await api.get('/users/count');
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].code).toBe('too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
