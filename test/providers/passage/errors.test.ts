import { describe, expect, it } from 'vitest';
import type { ProviderError } from '../../../src/providers/errors.js';
import { failure, USER_ROUTE, USERS_ROUTE, usePassageProvider } from './helpers.js';

describe('passage provider: errors', () => {
  const { emulator, provider, connect, upstream, seededUsers, arranged } = usePassageProvider({ users: 10 });

  /** Nothing an error carries (message, fields, cause, own properties) may hold a key. */
  function expectNoSecret(error: ProviderError, ...secrets: string[]) {
    const seen = JSON.stringify({
      ...error,
      message: error.message,
      stack: error.stack,
      cause: String(error.cause),
    });
    for (const secret of secrets) expect(seen).not.toContain(secret);
  }

  it('an unknown user is NOT_FOUND with Passage’s code', async () => {
    const error = await failure(
      provider().updateUser('NoSuchUser000000000000000', { email: 'x@example.com' }),
    );
    expect(error).toMatchObject({
      provider: 'passage',
      code: 'NOT_FOUND',
      status: 404,
      upstreamCode: 'user_not_found',
      message: 'User not found',
    });
  });

  it('a wrong app id is UNAUTHORIZED (the operator’s configuration), not a missing user', async () => {
    const [user] = await arranged(seededUsers());
    const wrongApp = connect({ appId: 'not-our-app' });
    for (const call of [
      wrongApp.getUsers([user!.id]),
      wrongApp.listUsers({}, { offset: 0, limit: 5 }, undefined),
    ]) {
      const error = await failure(call);
      expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 404, upstreamCode: 'app_not_found' });
      expect(error.message).toContain('PASSAGE_APP_ID');
    }
  });

  it('a wrong base URL is UNEXPECTED naming PASSAGE_API_URL, not every user missing', async () => {
    const [user] = await arranged(seededUsers());
    const wrongUrl = connect({ apiUrl: `${emulator().passageUrl}/v9` });
    const error = await failure(wrongUrl.getUsers([user!.id]));
    expect(error).toMatchObject({ code: 'UNEXPECTED', status: 404 });
    expect(error.message).toContain('PASSAGE_API_URL');
  });

  it('a wrong API key is UNAUTHORIZED and the key appears nowhere in the error', async () => {
    const apiKey = 'passage_wrong_key_5f1c9e0b7a';
    const error = await failure(connect({ apiKey }).findUserByIdentifier('someone@example.com'));
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401, upstreamCode: 'invalid_access_token' });
    expect(error.message).toContain('PASSAGE_API_KEY');
    expectNoSecret(error, apiKey, emulator().keys.passageApiKey);
  });

  it('a duplicate e-mail is CONFLICT', async () => {
    const taken = (await arranged(seededUsers())).find((user) => user.email)!;
    const error = await failure(provider().createUser({ email: taken.email }));
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, upstreamCode: 'identifier_already_exists' });
    expect(upstream()).toHaveLength(1);
  });

  it('an e-mail Passage refuses is INVALID_INPUT naming the field', async () => {
    const error = await failure(provider().createUser({ email: 'not-an-email' }));
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      status: 400,
      upstreamCode: 'invalid_request',
      fields: [{ field: 'identifier', message: 'must be a valid email address.' }],
    });
  });

  it('a 503 on a read is retried, then UNAVAILABLE', async () => {
    const [user] = await arranged(seededUsers());
    emulator().control.addFaults({ kind: 'status', status: 503, route: USER_ROUTE });
    const error = await failure(provider().getUsers([user!.id]));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', status: 503, upstreamCode: 'service_unavailable' });
    expect(upstream()).toHaveLength(4); // 1 + 3 retries
  });

  it('a 503 on create is not retried: one attempt, no user created', async () => {
    emulator().control.addFaults({ kind: 'status', status: 503, method: 'POST', route: USERS_ROUTE });
    const before = emulator().control.stats().passage.users;
    const error = await failure(provider().createUser({ email: 'once@example.com' }));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    expect(upstream()).toHaveLength(1);
    expect(emulator().control.stats().passage.users).toBe(before);
  });

  it('a 429 with a long Retry-After is RATE_LIMITED at once', async () => {
    emulator().control.addFaults({ kind: 'status', status: 429, retryAfter: 60 });
    const error = await failure(provider().countUsers({}));
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 60,
      upstreamCode: 'too_many_requests',
    });
    expect(upstream()).toHaveLength(1);
  });

  it.each([
    ['a user', (p: ReturnType<typeof provider>, id: string) => p.getUsers([id])],
    ['a list', (p: ReturnType<typeof provider>) => p.listUsers({}, { offset: 0, limit: 5 }, undefined)],
    ['devices', (p: ReturnType<typeof provider>, id: string) => p.listDevices(id)],
  ])('a garbage body for %s is UPSTREAM_INVALID', async (_, run) => {
    const [user] = await arranged(seededUsers());
    emulator().control.addFaults({ kind: 'garbage', times: 1 });
    const error = await failure(run(provider(), user!.id));
    expect(error).toMatchObject({ code: 'UPSTREAM_INVALID', provider: 'passage' });
  });

  it.each(['../x', 'a/b', '..', 'a?b=c', '%2F'])(
    'the hostile id %j stays in its segment and is NOT_FOUND',
    async (id) => {
      const before = emulator().control.stats().passage.users;
      const error = await failure(provider().deleteUser(id));
      expect(error).toMatchObject({ code: 'NOT_FOUND', upstreamCode: 'user_not_found' });
      expect(upstream()).toEqual([expect.objectContaining({ method: 'DELETE', route: USER_ROUTE })]);
      expect((await provider().getUsers([id])).size).toBe(0);
      expect(emulator().control.stats().passage.users).toBe(before);
    },
  );

  it('no error of any kind carries the API key', async () => {
    const apiKey = emulator().keys.passageApiKey;
    const [user] = await arranged(seededUsers());
    emulator().control.addFaults([
      { kind: 'status', status: 500, times: 1 },
      { kind: 'garbage', times: 1 },
      { kind: 'reset', times: 4 },
    ]);
    const errors = [
      await failure(provider().listDevices(user!.id)),
      await failure(provider().listDevices(user!.id)),
      await failure(provider().listDevices(user!.id)),
      await failure(provider().deleteUser('NoSuchUser')),
      await failure(provider().createUser({ email: 'bad' })),
      await failure(connect({ appId: 'other-app' }).listDevices(user!.id)),
    ];
    expect(errors.map((error) => error.code)).toEqual([
      'UNAVAILABLE',
      'UPSTREAM_INVALID',
      'UNAVAILABLE',
      'NOT_FOUND',
      'INVALID_INPUT',
      'UNAUTHORIZED',
    ]);
    for (const error of errors) expectNoSecret(error, apiKey);
  });
});
