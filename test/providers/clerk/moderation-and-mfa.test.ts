import { describe, expect, it } from 'vitest';
import { totpCode } from '../../../src/emulator/clerk/totp.js';
import { failure, useClerk } from './helpers.js';

/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const BACKUP_CODES = ['backup-one', 'backup-two'];

describe('Clerk provider: moderation, profile image and MFA', () => {
  const { emulator, clerk, raw, seededUser, logged } = useClerk();
  const anyUser = () => seededUser((u) => !u.banned && !u.locked);
  const userWithTotp = () =>
    raw('POST', '/users', {
      email_address: ['totp@example.com'],
      skip_password_requirement: true,
      totp_secret: TOTP_SECRET,
      backup_codes: BACKUP_CODES,
    });

  it('bans and unbans: status BANNED, then ACTIVE', async () => {
    const { id } = await anyUser();
    expect(await clerk().banUser!(id)).toMatchObject({ id, banned: true, status: 'BANNED' });
    expect(await clerk().unbanUser!(id)).toMatchObject({ id, banned: false, status: 'ACTIVE' });
    expect(logged().map((r) => [r.method, r.route, r.status])).toEqual([
      ['POST', '/users/{user_id}/ban', 200],
      ['POST', '/users/{user_id}/unban', 200],
    ]);
  });

  it('locks and unlocks: status LOCKED with the time left, then ACTIVE', async () => {
    const { id } = await anyUser();
    const locked = await clerk().lockUser!(id);
    expect(locked).toMatchObject({ locked: true, status: 'LOCKED' });
    expect(locked.lockoutExpiresInSeconds).toBeGreaterThan(3500);
    expect(await clerk().unlockUser!(id)).toMatchObject({
      locked: false,
      status: 'ACTIVE',
      lockoutExpiresInSeconds: null,
    });
    expect(logged().map((r) => r.route)).toEqual(['/users/{user_id}/lock', '/users/{user_id}/unlock']);
  });

  it('retries a ban through a 503, since banning twice is harmless', async () => {
    const { id } = await anyUser();
    emulator().control.addFaults({ kind: 'status', status: 503, times: 1, route: '/users/{user_id}/ban' });
    expect(await clerk().banUser!(id)).toMatchObject({ banned: true });
    expect(logged().map((r) => r.status)).toEqual([503, 200]);
  });

  it('never repeats a TOTP enrolment, which would hand out a second secret', async () => {
    const { id } = await anyUser();
    emulator().control.addFaults({ kind: 'status', status: 503, times: 1, route: '/users/{user_id}/totp' });
    expect((await failure(clerk().createTotp!(id))).code).toBe('UNAVAILABLE');
    expect(logged()).toHaveLength(1);
  });

  it('uploads a profile image as multipart field `file`, and deletes it', async () => {
    const { id } = await anyUser();
    const withImage = await clerk().setProfileImage!(id, {
      data: PNG,
      filename: 'me.png',
      contentType: 'image/png',
    });
    expect(withImage).toMatchObject({ hasImage: true });
    const withoutImage = await clerk().deleteProfileImage!(id);
    expect(withoutImage).toMatchObject({ hasImage: false });
    expect(logged().map((r) => [r.method, r.route, r.status])).toEqual([
      ['POST', '/users/{user_id}/profile_image', 200],
      ['DELETE', '/users/{user_id}/profile_image', 200],
    ]);
  });

  it('passes Clerk’s refusal of a file that is not an image on as INVALID_INPUT', async () => {
    const { id } = await anyUser();
    const error = await failure(
      clerk().setProfileImage!(id, {
        data: Buffer.from('not an image'),
        filename: 'x.txt',
        contentType: 'text/plain',
      }),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', status: 400, upstreamCode: 'request_body_invalid' });
  });

  it('enrols TOTP once (never retried) and the enrolment verifies', async () => {
    const { id } = await anyUser();
    const enrolment = await clerk().createTotp!(id);
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.backupCodes).toHaveLength(10);
    expect(logged()).toMatchObject([{ method: 'POST', route: '/users/{user_id}/totp', status: 200 }]);

    const result = await clerk().verifyTotp!(id, totpCode(enrolment.secret, Date.now()));
    expect(result).toEqual({ verified: true, codeType: 'TOTP' });
  });

  it('verifies a TOTP code, a backup code once, and calls a wrong code unverified', async () => {
    const { id } = await userWithTotp();
    expect(await clerk().verifyTotp!(id, totpCode(TOTP_SECRET, Date.now()))).toEqual({
      verified: true,
      codeType: 'TOTP',
    });
    expect(await clerk().verifyTotp!(id, BACKUP_CODES[0]!)).toEqual({
      verified: true,
      codeType: 'BACKUP_CODE',
    });
    expect(await clerk().verifyTotp!(id, BACKUP_CODES[0]!)).toEqual({ verified: false, codeType: null });
    expect(await clerk().verifyTotp!(id, '000000')).toEqual({ verified: false, codeType: null });
    expect(logged().map((r) => [r.route, r.status, r.body])).toEqual([
      ['/users/{user_id}/verify_totp', 200, { code: '[redacted]' }],
      ['/users/{user_id}/verify_totp', 200, { code: '[redacted]' }],
      ['/users/{user_id}/verify_totp', 422, { code: '[redacted]' }],
      ['/users/{user_id}/verify_totp', 422, { code: '[redacted]' }],
    ]);
  });

  it('keeps "no TOTP configured" an error', async () => {
    const user = await seededUser((u) => !u.totp_enabled);
    const error = await failure(clerk().verifyTotp!(user.id, '123456'));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', status: 400, upstreamCode: 'totp_disabled' });
    expect(error.message).not.toContain('123456');
  });

  it.each([
    ['deleteTotp', '/users/{user_id}/totp', { totpEnabled: false, backupCodesEnabled: true }],
    ['deleteBackupCodes', '/users/{user_id}/backup_code', { totpEnabled: true, backupCodesEnabled: false }],
    ['disableMfa', '/users/{user_id}/mfa', { totpEnabled: false, backupCodesEnabled: false }],
  ] as const)('%s calls DELETE %s', async (operation, route, mfa) => {
    const { id } = await userWithTotp();
    await clerk()[operation]!(id);
    expect(logged()).toMatchObject([{ method: 'DELETE', route, status: 200 }]);
    const user = (await clerk().getUsers([id])).get(id)!;
    expect(user.mfa).toMatchObject(mfa);
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    const error = await failure(clerk().banUser!('user_nobody'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', upstreamCode: 'resource_not_found' });
    expect(logged()).toHaveLength(1);
  });
});
