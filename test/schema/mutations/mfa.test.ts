import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UNKNOWN_IDS, useMutations } from './helpers.js';

/** RFC 6238: HMAC-SHA1 over the 30-second step, 6 digits, as any authenticator app computes it. */
function totp(base32Secret: string, atMs = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...base32Secret.replace(/=+$/, '').toUpperCase()]
    .map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0'))
    .join('');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 30_000)));
  const digest = createHmac('sha1', key).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

describe('TOTP, backup codes and verification', () => {
  const { mutate, emulator, userIds, clerk, routes, writes, upstream } = useMutations();
  const mfaOf = async (id: string) => {
    const { body } = await clerk('GET', `/users/${id}`);
    return { totp: body.totp_enabled, backupCodes: body.backup_code_enabled };
  };

  it('createTotp enrols a Clerk user; a code computed from its secret verifies, once as TOTP', async () => {
    const { clerk: userId } = await userIds();
    emulator().control.clearRequests();
    const { result } = await mutate('createTotp', { userId }, 'userId secret uri backupCodes');
    expect(result).toMatchObject({ __typename: 'CreateTotpPayload', userId });
    expect(result.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(result.uri).toContain(`secret=${result.secret}`);
    expect(result.backupCodes).toHaveLength(10);
    expect(routes()).toEqual(['POST /users/{user_id}/totp']);
    expect(await mfaOf(userId)).toEqual({ totp: true, backupCodes: true });

    const code = totp(result.secret);
    emulator().control.clearRequests();
    const verified = await mutate('verifyTotp', { userId, code }, 'verified codeType');
    expect(verified.result).toEqual({ __typename: 'VerifyTotpPayload', verified: true, codeType: 'TOTP' });
    expect(routes()).toEqual(['POST /users/{user_id}/verify_totp']);
    expect(JSON.stringify(verified.body)).not.toContain(code);
    expect(JSON.stringify(upstream())).not.toContain(code);

    const wrong = code === '000000' ? '111111' : '000000';
    expect((await mutate('verifyTotp', { userId, code: wrong }, 'verified codeType')).result).toEqual({
      __typename: 'VerifyTotpPayload',
      verified: false,
      codeType: null,
    });

    const [backup] = result.backupCodes;
    const first = await mutate('verifyTotp', { userId, code: backup }, 'verified codeType');
    expect(first.result).toMatchObject({ verified: true, codeType: 'BACKUP_CODE' });
    expect(JSON.stringify(first.body)).not.toContain(backup);
    expect((await mutate('verifyTotp', { userId, code: backup }, 'verified')).result.verified).toBe(false);
  });

  it('verifyTotp for a user without TOTP is InvalidInputError', async () => {
    const { clerk: userId } = await userIds((u) => !u.totp_enabled);
    const { result } = await mutate('verifyTotp', { userId, code: '123456' });
    expect(result).toMatchObject({ __typename: 'InvalidInputError', provider: 'clerk' });
  });

  it.each([
    ['deleteTotp', 'DELETE /users/{user_id}/totp', { totp: false, backupCodes: true }],
    ['deleteBackupCodes', 'DELETE /users/{user_id}/backup_code', { totp: true, backupCodes: false }],
    ['disableMfa', 'DELETE /users/{user_id}/mfa', { totp: false, backupCodes: false }],
  ])('%s removes it from a Clerk user', async (name, route, after) => {
    const { clerk: userId } = await userIds();
    await mutate('createTotp', { userId });
    emulator().control.clearRequests();
    const { result } = await mutate(name, { userId }, 'userId');
    expect(result).toMatchObject({ userId });
    expect(routes()).toEqual([route]);
    expect(await mfaOf(userId)).toEqual(after);
  });

  it.each(['createTotp', 'deleteTotp', 'deleteBackupCodes', 'disableMfa'])(
    '%s is UnsupportedError on Passage with no upstream call, NotFoundError for an unknown Clerk user',
    async (name) => {
      const { passage } = await userIds();
      emulator().control.clearRequests();
      expect((await mutate(name, { userId: passage })).result.__typename).toBe('UnsupportedError');
      expect(emulator().control.requests()).toEqual([]);
      expect((await mutate(name, { userId: UNKNOWN_IDS.clerk })).result.__typename).toBe('NotFoundError');
    },
  );
});
