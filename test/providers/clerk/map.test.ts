/** map.ts alone: bodies of the wrong shape and Clerk's error envelope, no HTTP. */
import { describe, expect, it } from 'vitest';
import { decodeClerkError } from '../../../src/providers/clerk/errors.js';
import { toOAuthAccessTokens, toUser, toUsers } from '../../../src/providers/clerk/map.js';
import { ProviderError } from '../../../src/providers/errors.js';

const USER = {
  id: 'user_1',
  object: 'user',
  external_id: null,
  primary_email_address_id: 'idn_1',
  primary_phone_number_id: null,
  primary_web3_wallet_id: null,
  username: null,
  first_name: 'Ada',
  last_name: null,
  image_url: 'https://img.clerk.com/x',
  has_image: false,
  public_metadata: {},
  private_metadata: {},
  unsafe_metadata: {},
  email_addresses: [
    {
      id: 'idn_1',
      object: 'email_address',
      email_address: 'ada@example.com',
      reserved: false,
      verification: { status: 'verified', strategy: 'admin' },
      linked_to: [],
      created_at: 1,
      updated_at: 1,
    },
  ],
  phone_numbers: [],
  web3_wallets: [],
  passkeys: [],
  external_accounts: [],
  password_enabled: false,
  two_factor_enabled: false,
  totp_enabled: false,
  backup_code_enabled: false,
  banned: false,
  locked: false,
  lockout_expires_in_seconds: null,
  last_sign_in_at: null,
  last_active_at: 1700690400000,
  created_at: 1700000000000,
  updated_at: 1700000000000,
  a_field_clerk_adds_next_year: { anything: true },
};

function thrown(fn: () => unknown): ProviderError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}

describe('Clerk map: wire → domain', () => {
  it('maps a user, ignoring fields it does not know', () => {
    expect(toUser(USER)).toMatchObject({
      id: 'user_1',
      email: 'ada@example.com',
      emailAddresses: [{ id: 'idn_1', address: 'ada@example.com', verified: true, primary: true }],
      lastActiveAt: new Date(1700690400000),
      createdAt: new Date(1700000000000),
      status: 'ACTIVE',
    });
  });

  it.each([
    [{ banned: true, locked: true }, 'BANNED'],
    [{ banned: false, locked: true }, 'LOCKED'],
    [{ banned: false, locked: false }, 'ACTIVE'],
  ])('derives the status of %j: %s', (flags, status) => {
    expect(toUser({ ...USER, ...flags }).status).toBe(status);
  });

  it('reports a wrong-shaped user as UPSTREAM_INVALID naming the field, never its value', () => {
    const secretLooking = 'sk_live_value_that_must_not_be_echoed';
    const wrong = {
      ...USER,
      email_addresses: [{ ...USER.email_addresses[0], email_address: 42 }],
      created_at: secretLooking,
    };
    const error = thrown(() => toUsers([USER, wrong]));
    expect(error).toMatchObject({ code: 'UPSTREAM_INVALID', provider: 'clerk' });
    expect(error.message).toBe(
      'clerk answered a user list that does not match its API: [1].email_addresses[0].email_address (expected string), [1].created_at (expected number)',
    );
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(secretLooking);
    expect(error.message).not.toContain('42');
  });

  it('keeps metadata as Clerk sent it, a "__proto__" key as data, and names metadata that is not an object', () => {
    const body = JSON.parse(
      JSON.stringify({ ...USER, private_metadata: { deep: { list: [1, 'two', null] } } }).replace(
        '"public_metadata":{}',
        '"public_metadata":{"__proto__":{"admin":true}}',
      ),
    );
    const user = toUser(body);
    expect(Object.getPrototypeOf(user.publicMetadata)).toBe(Object.prototype);
    expect(Object.hasOwn(user.publicMetadata!, '__proto__')).toBe(true);
    expect(user.privateMetadata).toEqual({ deep: { list: [1, 'two', null] } });
    const error = thrown(() => toUser({ ...USER, unsafe_metadata: ['sk_live_in_a_list'] }));
    expect(error.message).toBe(
      'clerk answered a user that does not match its API: unsafe_metadata (not an object)',
    );
  });

  it.each([null, 'text', [], { errors: [] }])('reports the body %j where a user belongs', (body) => {
    expect(thrown(() => toUser(body)).code).toBe('UPSTREAM_INVALID');
  });

  it('reads OAuth tokens both as the documented array and as the paginated envelope', () => {
    const token = {
      object: 'oauth_access_token',
      external_account_id: 'eac_1',
      provider_user_id: '1',
      token: 'ya29.secret',
      expires_at: null,
      provider: 'oauth_google',
      public_metadata: {},
      label: null,
    };
    const expected = [
      {
        provider: 'google',
        externalAccountId: 'eac_1',
        token: 'ya29.secret',
        expiresAt: null,
        scopes: [],
        label: null,
      },
    ];
    expect(toOAuthAccessTokens([token])).toEqual(expected);
    expect(toOAuthAccessTokens({ data: [token], total_count: 1 })).toEqual(expected);
    const error = thrown(() => toOAuthAccessTokens([{ ...token, external_account_id: 7 }]));
    expect(error.code).toBe('UPSTREAM_INVALID');
    expect(error.message).not.toContain('ya29.secret');
  });
});

describe('Clerk map: decodeClerkError', () => {
  const envelope = (code: string, meta: Record<string, unknown> = {}) => ({
    errors: [{ code, message: 'short', long_message: `long ${code}`, meta }],
    meta: {},
    clerk_trace_id: 'trace-1',
  });

  it.each([
    [404, 'resource_not_found', 'NOT_FOUND'],
    [404, 'external_account_not_found', 'NOT_FOUND'],
    [422, 'form_identifier_exists', 'CONFLICT'],
    [409, 'resource_locked', 'CONFLICT'],
    [409, 'conflict', 'CONFLICT'],
    [422, 'form_param_format_invalid', 'INVALID_INPUT'],
    [422, 'form_password_pwned', 'INVALID_INPUT'],
    [400, 'request_body_invalid', 'INVALID_INPUT'],
    [400, 'malformed_request_parameters', 'INVALID_INPUT'],
    [401, 'clerk_key_invalid', 'UNAUTHORIZED'],
    [401, 'authorization_header_format_invalid', 'UNAUTHORIZED'],
    [402, 'unsupported_subscription_plan_features', 'UNSUPPORTED'],
    [403, 'feature_not_enabled', 'UNSUPPORTED'],
    [403, 'user_quota_exceeded', 'UNSUPPORTED'],
    [429, 'too_many_requests', 'RATE_LIMITED'],
    [500, 'internal_clerk_error', 'UNAVAILABLE'],
    [418, 'something_new', 'UNEXPECTED'],
  ])('maps %i %s to %s', (status, code, expected) => {
    expect(decodeClerkError(status, envelope(code))).toMatchObject({
      code: expected,
      upstreamCode: code,
      message: `long ${code}`,
      traceId: 'trace-1',
    });
  });

  it('names every field Clerk named', () => {
    const body = {
      errors: [
        {
          code: 'form_param_missing',
          message: 'missing',
          long_message: 'password must be included.',
          meta: { param_name: 'password' },
        },
        {
          code: 'form_param_format_invalid',
          message: 'is invalid',
          long_message: 'bad e-mail',
          meta: { param_name: 'email_address' },
        },
      ],
    };
    expect(decodeClerkError(422, body)).toEqual({
      code: 'INVALID_INPUT',
      upstreamCode: 'form_param_missing',
      message: 'password must be included.',
      fields: [
        { field: 'password', message: 'password must be included.' },
        { field: 'email_address', message: 'bad e-mail' },
      ],
      traceId: undefined,
    });
  });

  it.each([undefined, 'not json', { unexpected: true }])(
    'falls back on the status for the body %j',
    (body) => {
      expect(decodeClerkError(404, body)).toMatchObject({
        code: 'NOT_FOUND',
        upstreamCode: undefined,
        message: undefined,
      });
      expect(decodeClerkError(503, body).code).toBe('UNAVAILABLE');
    },
  );
});
