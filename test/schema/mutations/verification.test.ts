import { describe, expect, it } from 'vitest';
import { UNKNOWN_IDS, useMutations } from './helpers.js';

describe('verifyPassword, and both verifications’ input', () => {
  const { mutate, emulator, userIds, routes, upstream, writes } = useMutations();
  const DEMO_PASSWORD = 'correct-horse-battery-staple';

  it.each([
    [DEMO_PASSWORD, true],
    ['wrong-horse-battery-staple', false],
  ])('checks %j against the seeded password: %s', async (password, verified) => {
    const { clerk: userId } = await userIds((u) => u.password_enabled);
    emulator().control.clearRequests();
    const { result, body } = await mutate('verifyPassword', { userId, password }, 'verified');
    expect(result).toEqual({ __typename: 'VerifyPasswordPayload', verified });
    expect(routes()).toEqual(['POST /users/{user_id}/verify_password']);
    expect(JSON.stringify(body)).not.toContain(password);
    expect(JSON.stringify(upstream())).not.toContain(password);
  });

  it('is InvalidInputError for a user with no password', async () => {
    const { clerk: userId } = await userIds((u) => !u.password_enabled);
    const { result } = await mutate('verifyPassword', { userId, password: DEMO_PASSWORD });
    expect(result).toMatchObject({ __typename: 'InvalidInputError', provider: 'clerk' });
  });

  it('is UnsupportedError on Passage with no upstream call, NotFoundError for an unknown user', async () => {
    const { passage } = await userIds();
    emulator().control.clearRequests();
    const { result } = await mutate('verifyPassword', { userId: passage, password: DEMO_PASSWORD });
    expect(result).toMatchObject({ __typename: 'UnsupportedError', provider: 'passage' });
    expect(emulator().control.requests()).toEqual([]);
    const unknown = await mutate('verifyPassword', { userId: UNKNOWN_IDS.clerk, password: DEMO_PASSWORD });
    expect(unknown.result.__typename).toBe('NotFoundError');
    expect(JSON.stringify(unknown.body)).not.toContain(DEMO_PASSWORD);
  });

  it.each(['verifyPassword', 'verifyTotp'])(
    '%s with a blank secret is refused before any call, without echoing',
    async (name) => {
      const { clerk: userId } = await userIds();
      emulator().control.clearRequests();
      const secretField = name === 'verifyPassword' ? 'password' : 'code';
      const { result } = await mutate(name, { userId, [secretField]: '  ' });
      expect(result).toEqual({
        __typename: 'InvalidInputError',
        provider: 'usergraph',
        message: `${secretField}: must not be blank`,
        fields: [{ field: secretField, message: 'must not be blank' }],
      });
      expect(writes()).toEqual([]);
    },
  );
});
