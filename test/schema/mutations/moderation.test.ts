import { describe, expect, it } from 'vitest';
import { UNKNOWN_IDS, useMutations } from './helpers.js';

const USER = 'user { id provider status banned locked }';

describe('moderation mutations', () => {
  const { mutate, userIds, emulator, routes, gql } = useMutations();

  // [mutation, provider that has it, upstream call, what the user looks like after]
  const actions = [
    ['banUser', 'clerk', 'POST /users/{user_id}/ban', { banned: true, status: 'BANNED' }],
    ['unbanUser', 'clerk', 'POST /users/{user_id}/unban', { banned: false, status: 'ACTIVE' }],
    ['lockUser', 'clerk', 'POST /users/{user_id}/lock', { locked: true, status: 'LOCKED' }],
    ['unlockUser', 'clerk', 'POST /users/{user_id}/unlock', { locked: false, status: 'ACTIVE' }],
    ['deactivateUser', 'passage', 'PATCH /apps/{app_id}/users/{user_id}/deactivate', { status: 'INACTIVE' }],
    ['activateUser', 'passage', 'PATCH /apps/{app_id}/users/{user_id}/activate', { status: 'ACTIVE' }],
  ] as const;

  it.each(actions)('%s works on a %s user with one upstream call', async (name, provider, route, after) => {
    const ids = await userIds();
    emulator().control.clearRequests();
    const { result, errors } = await mutate(name, { userId: ids[provider] }, USER);
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ __typename: `${name[0]!.toUpperCase()}${name.slice(1)}Payload` });
    expect(result.user).toMatchObject({ id: ids[provider], provider: provider.toUpperCase(), ...after });
    expect(routes()).toEqual([route]);
  });

  it.each(actions)(
    '%s on the provider without it is UnsupportedError, with no upstream call',
    async (name, provider) => {
      const other = provider === 'clerk' ? 'passage' : 'clerk';
      const ids = await userIds();
      emulator().control.clearRequests();
      const { result, errors } = await mutate(name, { userId: ids[other] });
      expect(errors).toBeUndefined();
      expect(result).toMatchObject({ __typename: 'UnsupportedError', provider: other });
      expect(result.message).toContain(name);
      expect(emulator().control.requests()).toEqual([]);
    },
  );

  it('bans, and a follow-up query in a new request sees the ban', async () => {
    const { clerk } = await userIds((u) => !u.banned);
    await mutate('banUser', { userId: clerk });
    const { body } = await gql(`query($id: ID!) { user(id: $id) { banned } }`, {
      id: clerk,
    });
    expect(body.data.user.banned).toBe(true);
  });

  it('a payload reads the changed user from the mutation, not from a second call', async () => {
    const { clerk } = await userIds();
    emulator().control.clearRequests();
    await mutate('lockUser', { userId: clerk }, 'user { id locked devices { id } }');
    expect(routes()).toEqual(['POST /users/{user_id}/lock']);
  });

  // On a Clerk user it revokes each active session: test/schema/mutations/sessions.test.ts.
  it('signOutUser revokes a Passage user’s refresh tokens', async () => {
    const ids = await userIds();
    const before = emulator().control.stats().passage.refreshTokenRevocations!;
    emulator().control.clearRequests();
    const { result } = await mutate('signOutUser', { userId: ids.passage }, 'userId');
    expect(result).toEqual({ __typename: 'SignOutUserPayload', userId: ids.passage });
    expect(routes()).toEqual(['DELETE /apps/{app_id}/users/{user_id}/tokens']);
    expect(emulator().control.stats().passage.refreshTokenRevocations).toBe(before + 1);
  });

  it.each([
    ...actions.map(([name, provider]) => [name, provider] as const),
    ['signOutUser', 'passage'] as const,
  ])('%s on an unknown %s user is NotFoundError', async (name, provider) => {
    const { result, errors } = await mutate(name, { userId: UNKNOWN_IDS[provider] });
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ __typename: 'NotFoundError', provider });
  });

  it.each(['', '   '])(
    'a blank user id (%j) is InvalidInputError before any upstream call',
    async (userId) => {
      emulator().control.clearRequests();
      const { result } = await mutate('banUser', { userId });
      expect(result).toMatchObject({
        __typename: 'InvalidInputError',
        provider: 'usergraph',
        fields: [{ field: 'userId', message: `must be a non-blank id, got ${JSON.stringify(userId)}` }],
      });
      expect(emulator().control.requests()).toEqual([]);
    },
  );

  it('a 429 with a long Retry-After is RateLimitedError at once, and nothing changed', async () => {
    const { clerk } = await userIds((u) => !u.banned);
    emulator().control.addFaults({ kind: 'status', status: 429, retryAfter: 3600, provider: 'clerk' });
    emulator().control.clearRequests();
    const { result, errors } = await mutate('banUser', { userId: clerk });
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({
      __typename: 'RateLimitedError',
      provider: 'clerk',
      retryAfterSeconds: 3600,
    });
    expect(emulator().control.requests()).toHaveLength(1);
    emulator().control.clearFaults();
    const { body } = await gql(`query($id: ID!) { user(id: $id) { banned } }`, {
      id: clerk,
    });
    expect(body.data.user.banned).toBe(false);
  });
});
