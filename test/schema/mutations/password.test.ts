import { describe, expect, it } from 'vitest';
import { useMutations } from './helpers.js';

const SECURITY =
  'user { id passwordEnabled passwordCompromised mfa { enabled totp backupCodes } locked lockedUntil }';

describe('password and security state', () => {
  const { mutate, clerk, clerkUsers, userIds, emulator, routes, gql } = useMutations();

  it('User shows MFA, password, compromise and lock as Clerk has them, with no extra call', async () => {
    const users = await clerkUsers();
    const withTotp = users.find((u) => u.totp_enabled)!;
    emulator().control.clearRequests();
    const { body } = await gql(`query($id: ID!) { user(id: $id) { ${SECURITY.slice(7, -2)} } }`, {
      id: withTotp.id,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.user).toEqual({
      id: withTotp.id,
      passwordEnabled: withTotp.password_enabled,
      passwordCompromised: false,
      mfa: { enabled: true, totp: true, backupCodes: withTotp.backup_code_enabled },
      locked: withTotp.locked,
      lockedUntil: null,
    });
    expect(routes()).toEqual(['GET /users']);
  });

  it('a lock with an end reads lockedUntil about an hour ahead; Passage users read null', async () => {
    const ids = await userIds((u) => !u.locked);
    await mutate('lockUser', { userId: ids.clerk });
    const { body } = await gql(
      `query($c: ID!, $p: ID!) {
      c: user(id: $c) { locked lockedUntil }
      p: user(id: $p) { passwordEnabled passwordCompromised mfa { enabled } lockedUntil }
    }`,
      { c: ids.clerk, p: ids.passage },
    );
    const until = Date.parse(body.data.c.lockedUntil) - Date.now();
    expect(body.data.c.locked).toBe(true);
    expect(until).toBeGreaterThan(3500_000);
    expect(until).toBeLessThanOrEqual(3601_000);
    expect(body.data.p).toEqual({
      passwordEnabled: null,
      passwordCompromised: null,
      mfa: null,
      lockedUntil: null,
    });
  });

  it('setPasswordCompromised and unsetPasswordCompromised flip the flag, one call each', async () => {
    const { clerk: id } = await userIds((u) => u.password_enabled);
    emulator().control.clearRequests();
    const set = await mutate('setPasswordCompromised', { userId: id }, SECURITY);
    expect(set.result.user.passwordCompromised).toBe(true);
    const unset = await mutate('unsetPasswordCompromised', { userId: id }, SECURITY);
    expect(unset.result.user.passwordCompromised).toBe(false);
    expect(routes()).toEqual([
      'POST /users/{user_id}/password/set_compromised',
      'POST /users/{user_id}/password/unset_compromised',
    ]);
  });

  it('removePassword with signOut takes the password away and revokes the active sessions', async () => {
    const users = await clerkUsers();
    let id = '';
    for (const user of users.filter((u) => u.password_enabled)) {
      const { body } = await clerk('GET', `/sessions?user_id=${user.id}&status=active`);
      if (body.length > 0) {
        id = user.id;
        break;
      }
    }
    expect(id).not.toBe('');
    emulator().control.clearRequests();
    const { result, errors } = await mutate('removePassword', { userId: id, signOut: true }, SECURITY);
    expect(errors).toBeUndefined();
    expect(result.user.passwordEnabled).toBe(false);
    expect(routes()).toEqual(['POST /users/{user_id}/remove_password']);
    expect(emulator().control.requests()[0]!.body).toEqual({ sign_out_of_other_sessions: true });
    expect((await clerk('GET', `/sessions?user_id=${id}&status=active`)).body).toEqual([]);
  });

  it.each(['removePassword', 'setPasswordCompromised', 'unsetPasswordCompromised'])(
    '%s on a Passage user is UnsupportedError with no upstream call',
    async (name) => {
      const { passage } = await userIds();
      emulator().control.clearRequests();
      const { result } = await mutate(name, { userId: passage });
      expect(result).toMatchObject({ __typename: 'UnsupportedError', provider: 'passage' });
      expect(emulator().control.requests()).toEqual([]);
    },
  );
});
