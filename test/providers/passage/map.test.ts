import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors.js';
import { decodePassageError } from '../../../src/providers/passage/errors.js';
import { toDevices, toUser, toUserPage } from '../../../src/providers/passage/map.js';

/** A `UserInfo` exactly as the spec writes it, plus a field Passage might add later. */
function userInfo(overrides: Record<string, unknown> = {}) {
  return {
    id: 'FXmduAG55lEsueAiKqZ4Kjfy',
    email: 'ann@example.com',
    email_verified: true,
    phone: '',
    phone_verified: false,
    external_id: '',
    status: 'pending',
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-02-01T10:20:30.123456789Z',
    last_login_at: '0001-01-01T00:00:00Z',
    login_count: 0,
    user_metadata: null,
    webauthn: false,
    webauthn_devices: [],
    webauthn_types: [],
    recent_events: [],
    social_connections: {},
    some_future_field: { nested: true },
    ...overrides,
  };
}

function thrown(run: () => unknown): ProviderError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected a ProviderError');
}

describe('passage map: wire → domain', () => {
  it('reads a spec-shaped user, ignoring unknown fields', () => {
    const user = toUser({ user: userInfo() });
    expect(user).toMatchObject({
      email: 'ann@example.com',
      phone: null,
      externalId: null,
      phoneNumbers: [],
      status: 'PENDING',
      createdAt: new Date('2024-01-01T00:00:00Z'),
      updatedAt: new Date('2024-02-01T10:20:30.123Z'),
      lastSignInAt: null, // Go's zero time: never logged in
      publicMetadata: null,
      devices: [],
      externalAccounts: [],
    });
  });

  it('keeps a "__proto__" metadata key as data, not as a prototype', () => {
    const body = JSON.parse(
      JSON.stringify({ user: userInfo() }).replace(
        '"user_metadata":null',
        '"user_metadata":{"__proto__":{"admin":true}}',
      ),
    );
    const metadata = toUser(body).publicMetadata!;
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(Object.hasOwn(metadata, '__proto__')).toBe(true);
  });

  it.each([
    [
      'an undocumented status',
      { status: 'ann@secret-status.example' },
      'user.status',
      'not one of the documented values',
    ],
    ['a missing id', { id: undefined }, 'user.id', 'expected string'],
    ['a number for an e-mail', { email: 41_500_555_0100 }, 'user.email', 'expected string'],
    [
      'a timestamp that is not RFC 3339',
      { created_at: 'Tue, 9 Jan 2024 secret' },
      'user.created_at',
      'not a valid datetime',
    ],
    [
      'metadata that is a list',
      { user_metadata: ['secret-token-123'] },
      'user.user_metadata',
      'not an object',
    ],
    [
      'a device of an unknown type',
      {
        webauthn_devices: [
          {
            id: 'd1',
            friendly_name: 'secret-name',
            type: 'hologram',
            usage_count: 1,
            created_at: '2024-01-01T00:00:00Z',
            updated_at: '2024-01-01T00:00:00Z',
            last_login_at: '2024-01-01T00:00:00Z',
          },
        ],
      },
      'user.webauthn_devices[0].type',
      'not one of the documented values',
    ],
  ])('%s is UPSTREAM_INVALID naming the field, never the value', (_, overrides, field, problem) => {
    const body = { user: userInfo(overrides) };
    const error = thrown(() => toUser(body));
    expect(error).toMatchObject({ code: 'UPSTREAM_INVALID', provider: 'passage' });
    expect(error.message).toContain(field);
    expect(error.message).toContain(problem);
    for (const value of Object.values(overrides)) {
      if (value !== undefined) expect(error.message).not.toContain(JSON.stringify(value).slice(1, 12));
    }
  });

  it('a body that is not an object at all is UPSTREAM_INVALID', () => {
    expect(thrown(() => toUser(undefined)).message).toContain('the body');
    expect(thrown(() => toUserPage({ users: 'nope' })).code).toBe('UPSTREAM_INVALID');
    expect(thrown(() => toDevices('u1', { devices: [{ id: 1 }] })).message).toContain('devices[0].id');
  });
});

describe('passage map: error bodies', () => {
  it.each([
    [
      404,
      { code: 'user_not_found', error: 'User not found' },
      { code: 'NOT_FOUND', upstreamCode: 'user_not_found' },
    ],
    [404, { code: 'device_not_found', error: 'Device not found' }, { code: 'NOT_FOUND' }],
    [404, { code: 'app_not_found', error: 'App not found' }, { code: 'UNAUTHORIZED' }],
    [401, { code: 'invalid_access_token', error: 'Invalid access token' }, { code: 'UNAUTHORIZED' }],
    [409, { code: 'identifier_already_exists', error: 'identifier: taken' }, { code: 'CONFLICT' }],
    [
      400,
      { code: 'invalid_request', error: 'identifier: must be a valid E164 number.' },
      { code: 'INVALID_INPUT', fields: [{ field: 'identifier', message: 'must be a valid E164 number.' }] },
    ],
    [
      400,
      { code: 'invalid_request', error: 'limit: must be an integer from 1 to 500, got "0"' },
      {
        code: 'INVALID_INPUT',
        fields: [{ field: 'limit', message: 'must be an integer from 1 to 500, got "0"' }],
      },
    ],
    [
      400,
      { code: 'invalid_request', error: 'request body is not valid JSON' },
      { code: 'INVALID_INPUT', fields: undefined },
    ],
    [429, { code: 'too_many_requests', error: 'Too many requests' }, { code: 'RATE_LIMITED' }],
    [429, undefined, { code: 'RATE_LIMITED' }],
    [400, { code: 'constructor', error: 'odd' }, { code: undefined, upstreamCode: 'constructor' }],
    [403, { code: 'operation_not_allowed', error: 'Operation not allowed' }, { code: undefined }],
    [500, { code: 'internal_server_error', error: 'Internal server error' }, { code: undefined }],
    [502, '<html>bad gateway</html>', { code: undefined, upstreamCode: undefined }],
  ])('%i %j → %j', (status, body, expected) => {
    const decoded: Record<string, unknown> = { ...decodePassageError(status, body) };
    const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, decoded[key]]));
    expect(picked).toEqual(expected);
  });
});
