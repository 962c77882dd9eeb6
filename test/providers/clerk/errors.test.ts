import { beforeEach, describe, expect, it } from 'vitest';
import { createClerkProvider } from '../../../src/providers/clerk/index.js';
import type { ProviderError } from '../../../src/providers/errors.js';
import { DEMO_PASSWORD, failure, useClerk } from './helpers.js';

describe('Clerk provider: errors', () => {
  const { emulator, clerk, raw, seededUser, logged } = useClerk();

  let aborter = new AbortController();
  const controller = () => aborter;
  beforeEach(() => {
    aborter = new AbortController();
  });

  /** Everything an error could leak through: its fields, message and stack. */
  const everything = (error: ProviderError) =>
    JSON.stringify({ ...error, message: error.message, stack: error.stack });

  it('maps a missing user to NOT_FOUND with Clerk’s code, message and trace id', async () => {
    const error = await failure(clerk().updateUser('user_nobody', { firstName: 'X' }));
    expect(error).toMatchObject({
      provider: 'clerk',
      code: 'NOT_FOUND',
      status: 404,
      upstreamCode: 'resource_not_found',
      message: 'No user was found with id user_nobody',
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('maps a duplicate e-mail to CONFLICT naming the field', async () => {
    const wire = await seededUser(() => true);
    const taken = wire.email_addresses[0].email_address;
    const error = await failure(clerk().createUser({ email: taken, password: 'a-long-enough-password' }));
    expect(error).toMatchObject({
      code: 'CONFLICT',
      status: 422,
      upstreamCode: 'form_identifier_exists',
      fields: [{ field: 'email_address', message: 'That email address is taken. Please try another.' }],
    });
    expect(logged()).toHaveLength(1); // a create is never retried
  });

  it('maps a refused body to INVALID_INPUT with every field Clerk named', async () => {
    const error = await failure(clerk().createUser({ email: 'someone@example.com' }));
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      upstreamCode: 'form_param_missing',
      fields: [{ field: 'password', message: 'password must be included.' }],
    });
  });

  it('maps a wrong key to UNAUTHORIZED without echoing it', async () => {
    const secretKey = 'sk_live_this_key_must_never_be_echoed';
    const wrong = createClerkProvider({ secretKey, apiUrl: emulator().clerkUrl });
    try {
      const error = await failure(wrong.getUsers(['user_a']));
      expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401, upstreamCode: 'clerk_key_invalid' });
      expect(everything(error)).not.toContain(secretKey);
    } finally {
      await wrong.close();
    }
  });

  it('maps a 429 to RATE_LIMITED with Retry-After, after retrying what it may', async () => {
    emulator().control.addFaults({ kind: 'status', status: 429, retryAfter: 30 });
    const error = await failure(clerk().listUsers({}, { offset: 0, limit: 10 }, undefined));
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      retryAfterSeconds: 30,
      upstreamCode: 'too_many_requests',
    });
  });

  it.each([
    [402, 'UNSUPPORTED'],
    [403, 'UNSUPPORTED'],
    [409, 'CONFLICT'],
    [500, 'UNAVAILABLE'],
  ] as const)('maps an injected %i to %s', async (status, code) => {
    emulator().control.addFaults({ kind: 'status', status, method: 'POST' });
    const { id } = await seededUser(() => true);
    expect((await failure(clerk().banUser!(id))).code).toBe(code);
  });

  it('maps a body that is not JSON to UPSTREAM_INVALID', async () => {
    emulator().control.addFaults({ kind: 'garbage', times: 1 });
    expect(await failure(clerk().getUsers(['user_a']))).toMatchObject({
      code: 'UPSTREAM_INVALID',
      status: 200,
    });
  });

  it.each(['../x', 'a/b', 'user_../..', '..', 'user_a?banned=true'])(
    'keeps the hostile id %j inside its segment',
    async (id) => {
      expect((await failure(clerk().listDevices(id))).code).toBe('NOT_FOUND');
      expect((await failure(clerk().deleteDevice(id, '..'))).code).toBe('NOT_FOUND');
      expect(logged().map((r) => r.route)).toEqual([
        '/users/{user_id}',
        '/users/{user_id}/passkeys/{passkey_identification_id}',
      ]);
    },
  );

  it.each([
    ['getUsers', () => clerk().getUsers(['user_a'], { signal: controller().signal })],
    [
      'listUsers with its total',
      () =>
        clerk().listUsers({}, { offset: 0, limit: 10 }, undefined, {
          withTotal: true,
          signal: controller().signal,
        }),
    ],
    ['banUser', () => clerk().banUser!('user_a', { signal: controller().signal })],
    [
      'verifyPassword',
      () => clerk().verifyPassword!('user_a', DEMO_PASSWORD, { signal: controller().signal }),
    ],
  ])('passes the caller’s signal through: %s is ABORTED', async (_, start) => {
    emulator().control.addFaults({ kind: 'timeout' });
    const pending = failure(start());
    setTimeout(() => controller().abort(), 50);
    expect((await pending).code).toBe('ABORTED');
  });

  it('refuses an empty id before any call', async () => {
    expect((await failure(clerk().deleteUser(''))).code).toBe('INVALID_INPUT');
    expect(logged()).toHaveLength(0);
  });

  it('puts no secret in any error: key, password, TOTP code or OAuth token', async () => {
    const key = emulator().keys.clerkSecretKey;
    const wire = await seededUser((u) => u.password_enabled && !u.totp_enabled);
    const password = 'Sup3r-secret-password-never-logged';
    const token = await seededUser((u) => u.external_accounts.length > 0).then((u) =>
      raw('GET', `/users/${u.id}/oauth_access_tokens/${u.external_accounts[0].provider}`),
    );
    emulator().control.addFaults({ kind: 'status', status: 500, times: 2 });
    const errors = [
      await failure(clerk().createUser({ email: 'x@example.com', password })),
      await failure(clerk().verifyPassword!(wire.id, password)),
      await failure(clerk().verifyTotp!(wire.id, '654321')),
      await failure(clerk().updateUser(wire.id, { password: 'tiny-pw' })),
    ];
    emulator().control.addFaults({ kind: 'garbage', times: 1 });
    errors.push(await failure(clerk().getOAuthAccessTokens!(wire.id, 'google')));
    expect(errors.map((e) => e.code)).toEqual([
      'UNAVAILABLE',
      'UNAVAILABLE',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'UPSTREAM_INVALID',
    ]);
    for (const error of errors) {
      const text = everything(error);
      for (const secret of [key, password, DEMO_PASSWORD, '654321', 'tiny-pw', token[0]?.token ?? key]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});
