import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/emulator/clerk/seed.js';
import { totpCode } from '../../../src/emulator/clerk/totp.js';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi, NEW_USER } from './helpers.js';
import { expectShape } from './spec-shapes.js';

describe('TOTP codes', () => {
  it('match the RFC 6238 SHA-1 test vectors (last 6 digits)', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of "12345678901234567890"
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(secret, 2_000_000_000_000)).toBe('279037');
  });
});

describe('Clerk emulator: second factors and credentials', () => {
  const emulator = useEmulator();
  const api = clerkApi(emulator);
  const find = async (predicate: (user: any) => boolean) => (await api.allUsers()).find(predicate);
  /** A user holding at least one `field`; Web3 wallets are rare in a small seed, so one is made. */
  async function userWith(field: string) {
    const seeded = await find((u) => u[field].length > 0);
    if (seeded || field !== 'web3_wallets') return seeded;
    const wallet = '0x52908400098527886E0F7030069857D2E4169EE7';
    return (await api.post('/users', { web3_wallet: [wallet], skip_password_requirement: true })).body;
  }

  it('creates TOTP for a user (FAPI-style object) and verifies a real code from its secret', async () => {
    const user = await find((u) => !u.totp_enabled);
    const res = await api.post(`/users/${user.id}/totp`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'totp', verified: true });
    expect(Object.keys(res.body).sort()).toEqual([
      'backup_codes',
      'created_at',
      'id',
      'object',
      'secret',
      'updated_at',
      'uri',
      'verified',
    ]);
    expect(res.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(res.body.uri).toMatch(new RegExp(`^otpauth://totp/.+secret=${res.body.secret}`));
    expect(res.body.backup_codes).toHaveLength(10);
    expect((await api.get(`/users/${user.id}`)).body).toMatchObject({
      totp_enabled: true,
      backup_code_enabled: true,
      two_factor_enabled: true,
    });

    const verified = await api.post(`/users/${user.id}/verify_totp`, {
      code: totpCode(res.body.secret, Date.now()),
    });
    expect(verified.body).toEqual({ verified: true, code_type: 'totp' });
    const previousStep = await api.post(`/users/${user.id}/verify_totp`, {
      code: totpCode(res.body.secret, Date.now() - 30_000),
    });
    expect(previousStep.body.verified).toBe(true);
    const stale = await api.post(`/users/${user.id}/verify_totp`, {
      code: totpCode(res.body.secret, Date.now() - 120_000),
    });
    expect(stale.status).toBe(422);
    expect(stale.body.errors[0].code).toBe('totp_incorrect_code');
  });

  it('accepts a backup code once', async () => {
    const user = await find((u) => !u.totp_enabled);
    const { body: totp } = await api.post(`/users/${user.id}/totp`);
    const code = totp.backup_codes[0];
    expect((await api.post(`/users/${user.id}/verify_totp`, { code })).body).toEqual({
      verified: true,
      code_type: 'backup_code',
    });
    expect((await api.post(`/users/${user.id}/verify_totp`, { code })).status).toBe(422);
  });

  it('answers verify_totp without TOTP with 400 totp_disabled, and a missing code with 422', async () => {
    const user = await find((u) => !u.totp_enabled);
    const res = await api.post(`/users/${user.id}/verify_totp`, { code: '123456' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('totp_disabled');
    const missing = await api.post(`/users/${user.id}/verify_totp`, {});
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({
      code: 'form_param_missing',
      meta: { param_name: 'code' },
    });
  });

  it('deletes TOTP, backup codes and all MFA, answering {user_id}', async () => {
    const user = await find((u) => u.totp_enabled && u.backup_code_enabled);
    expect((await api.delete(`/users/${user.id}/totp`)).body).toEqual({ user_id: user.id });
    expect((await api.get(`/users/${user.id}`)).body).toMatchObject({
      totp_enabled: false,
      backup_code_enabled: true,
      two_factor_enabled: true,
    });
    expect((await api.delete(`/users/${user.id}/backup_code`)).body).toEqual({ user_id: user.id });
    const after = (await api.get(`/users/${user.id}`)).body;
    expect(after).toMatchObject({
      totp_enabled: false,
      backup_code_enabled: false,
      two_factor_enabled: false,
    });
    expect(after.mfa_disabled_at).toBeTypeOf('number');

    await api.post(`/users/${user.id}/totp`);
    expect((await api.delete(`/users/${user.id}/mfa`)).body).toEqual({ user_id: user.id });
    expect((await api.get(`/users/${user.id}`)).body.two_factor_enabled).toBe(false);
  });

  it.each(['totp', 'backup_code', 'mfa'])(
    'answers DELETE /users/{id}/%s for an unknown user with 404',
    async (suffix) => {
      expect((await api.delete(`/users/user_nobody/${suffix}`)).status).toBe(404);
    },
  );

  it.each([
    ['external_accounts', 'external_accounts', 'external_account'],
    ['passkeys', 'passkeys', 'passkey'],
    ['web3_wallets', 'web3_wallets', 'web3_wallet'],
  ])("deletes one of a user's %s with a DeletedObject", async (path, field, object) => {
    const user = await userWith(field);
    const target = user[field][0];
    const res = await api.delete(`/users/${user.id}/${path}/${target.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object, id: target.id, deleted: true });
    expectShape('DeletedObject', res.body);
    const after = (await api.get(`/users/${user.id}`)).body;
    expect(after[field].map((x: any) => x.id)).not.toContain(target.id);
    expect((await api.delete(`/users/${user.id}/${path}/${target.id}`)).status).toBe(404);
  });

  it.each(['external_accounts', 'passkeys', 'web3_wallets'])(
    "answers another user's %s id with 404 and deletes nothing",
    async (field) => {
      const owner = await userWith(field);
      const other = await find((u) => u.id !== owner.id);
      const res = await api.delete(`/users/${other.id}/${field}/${owner[field][0].id}`);
      expect(res.status).toBe(404);
      expect(res.body.errors[0].code).toBe('resource_not_found');
      expect((await api.get(`/users/${owner.id}`)).body[field]).toEqual(owner[field]);
    },
  );

  it('verifies the seeded demo password, refuses a wrong one with 422 and a password-less user with 400', async () => {
    const withPassword = await find((u) => u.password_enabled);
    expect(
      (await api.post(`/users/${withPassword.id}/verify_password`, { password: DEMO_PASSWORD })).body,
    ).toEqual({ verified: true });
    const wrong = await api.post(`/users/${withPassword.id}/verify_password`, { password: 'not-it-at-all' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).not.toContain('not-it-at-all');
    const { body: created } = await api.post('/users', {
      ...NEW_USER,
      password: undefined,
      skip_password_requirement: true,
    });
    const none = await api.post(`/users/${created.id}/verify_password`, { password: DEMO_PASSWORD });
    expect(none.status).toBe(400);
  });

  it('verifies a password imported as a sha256 digest', async () => {
    const digest = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'; // sha256("test")
    const { body: user } = await api.post('/users', {
      email_address: ['digest@example.com'],
      password_digest: digest,
      password_hasher: 'sha256',
    });
    expect(user.password_enabled).toBe(true);
    expect((await api.post(`/users/${user.id}/verify_password`, { password: 'test' })).body).toEqual({
      verified: true,
    });
  });

  it('reads OAuth access tokens as an array, or paginated as @clerk/backend asks', async () => {
    const user = await find((u) => u.external_accounts.length > 0);
    const provider = user.external_accounts[0].provider;
    const list = await api.get(`/users/${user.id}/oauth_access_tokens/${provider}`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expectShape('OAuthAccessToken', list.body[0]);
    expect(list.body[0]).toMatchObject({
      object: 'oauth_access_token',
      external_account_id: user.external_accounts[0].id,
      provider,
    });
    const paged = await api.get(`/users/${user.id}/oauth_access_tokens/${provider}?paginated=true`);
    expect(paged.body).toEqual({ data: list.body, total_count: 1 });
    expect((await api.get(`/users/${user.id}/oauth_access_tokens/oauth_facebook`)).body).toEqual([]);
    expect((await api.get(`/users/${user.id}/oauth_access_tokens/google`)).status).toBe(422);
    expect((await api.get(`/users/user_nobody/oauth_access_tokens/${provider}`)).status).toBe(404);
  });
});
