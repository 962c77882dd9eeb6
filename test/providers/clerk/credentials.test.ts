import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, failure, queryOf, useClerk } from './helpers.js';

describe('Clerk provider: devices and other credentials', () => {
  const { emulator, clerk, raw, seededUser, logged } = useClerk();

  describe('devices (passkeys)', () => {
    it('lists a user’s passkeys from GET /users/{id}', async () => {
      const wire = await seededUser((u) => u.passkeys.length === 2);
      const devices = await clerk().listDevices(wire.id);
      expect(devices.map((d) => [d.id, d.name, d.kind, d.userId])).toEqual(
        wire.passkeys.map((p: any) => [p.id, p.name, 'PASSKEY', wire.id]),
      );
      expect(logged()).toMatchObject([{ method: 'GET', route: '/users/{user_id}' }]);
    });

    it('answers an empty list for a user without passkeys', async () => {
      const wire = await seededUser((u) => u.passkeys.length === 0);
      expect(await clerk().listDevices(wire.id)).toEqual([]);
    });

    it('answers NOT_FOUND when there is no such user', async () => {
      expect(await failure(clerk().listDevices('user_nobody'))).toMatchObject({
        code: 'NOT_FOUND',
        status: 404,
      });
    });

    it('deletes a passkey', async () => {
      const wire = await seededUser((u) => u.passkeys.length > 0);
      await clerk().deleteDevice(wire.id, wire.passkeys[0].id);
      expect(logged()).toMatchObject([
        { method: 'DELETE', route: '/users/{user_id}/passkeys/{passkey_identification_id}', status: 200 },
      ]);
      const left = await clerk().listDevices(wire.id);
      expect(left.map((d) => d.id)).not.toContain(wire.passkeys[0].id);
      expect(await failure(clerk().deleteDevice(wire.id, wire.passkeys[0].id))).toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  it('deletes an external account', async () => {
    const wire = await seededUser((u) => u.external_accounts.length > 0);
    const account = wire.external_accounts[0];
    const before = (await clerk().getUsers([wire.id])).get(wire.id)!;
    expect(before.externalAccounts[0]).toMatchObject({
      id: account.id,
      provider: account.provider.replace('oauth_', ''),
      providerUserId: account.provider_user_id,
      emailAddress: account.email_address,
      createdAt: new Date(account.created_at),
    });
    await clerk().deleteExternalAccount!(wire.id, account.id);
    expect(logged()[1]).toMatchObject({
      method: 'DELETE',
      route: '/users/{user_id}/external_accounts/{external_account_id}',
      status: 200,
    });
    expect((await clerk().getUsers([wire.id])).get(wire.id)!.externalAccounts).toEqual([]);
  });

  it('deletes a Web3 wallet', async () => {
    const created = await raw('POST', '/users', {
      web3_wallet: ['0x52908400098527886e0f7030069857d2e4169ee7'],
      skip_password_requirement: true,
    });
    const user = (await clerk().getUsers([created.id])).get(created.id)!;
    expect(user.web3Wallets).toEqual([
      {
        id: created.web3_wallets[0].id,
        address: created.web3_wallets[0].web3_wallet,
        verified: true,
        primary: true,
      },
    ]);
    await clerk().deleteWeb3Wallet!(created.id, created.web3_wallets[0].id);
    expect(logged()[1]).toMatchObject({
      method: 'DELETE',
      route: '/users/{user_id}/web3_wallets/{web3_wallet_identification_id}',
      status: 200,
    });
  });

  describe('OAuth access tokens', () => {
    it('asks for oauth_<provider> with paginated=true and reads the page', async () => {
      const wire = await seededUser((u) =>
        u.external_accounts.some((a: any) => a.provider === 'oauth_google'),
      );
      const tokens = await clerk().getOAuthAccessTokens!(wire.id, 'google');
      expect(tokens).toEqual([
        {
          provider: 'google',
          externalAccountId: wire.external_accounts[0].id,
          token: expect.stringMatching(/^ya29\./),
          expiresAt: expect.any(Date),
          scopes: expect.arrayContaining(['openid', 'email']),
          label: null,
        },
      ]);
      expect(logged()).toHaveLength(1);
      expect(logged()[0]).toMatchObject({
        route: '/users/{user_id}/oauth_access_tokens/{provider}',
        path: `/users/${wire.id}/oauth_access_tokens/oauth_google`,
      });
      expect(queryOf(logged()[0])).toEqual({ paginated: 'true', limit: '500' });
    });

    it('answers an empty list for a provider the user never used', async () => {
      const wire = await seededUser((u) => u.external_accounts.length === 0);
      expect(await clerk().getOAuthAccessTokens!(wire.id, 'github')).toEqual([]);
    });

    it.each(['', 'Google!', '../x'])('refuses the provider %j before any call', async (provider) => {
      const error = await failure(clerk().getOAuthAccessTokens!('user_any', provider));
      expect(error.code).toBe('INVALID_INPUT');
      expect(logged()).toHaveLength(0);
    });
  });

  describe('verifyPassword', () => {
    it('answers true for the right password, false for a wrong one', async () => {
      const wire = await seededUser((u) => u.password_enabled);
      expect(await clerk().verifyPassword!(wire.id, DEMO_PASSWORD)).toBe(true);
      expect(await clerk().verifyPassword!(wire.id, 'not-the-password')).toBe(false);
      expect(logged().map((r) => [r.method, r.route, r.status, r.body])).toEqual([
        ['POST', '/users/{user_id}/verify_password', 200, { password: '[redacted]' }],
        ['POST', '/users/{user_id}/verify_password', 422, { password: '[redacted]' }],
      ]);
    });

    it('keeps a user without a password, or no user, an error', async () => {
      const wire = await seededUser((u) => !u.password_enabled);
      expect(await failure(clerk().verifyPassword!(wire.id, DEMO_PASSWORD))).toMatchObject({
        code: 'INVALID_INPUT',
        status: 400,
        upstreamCode: 'no_password_set',
      });
      expect(await failure(clerk().verifyPassword!('user_nobody', DEMO_PASSWORD))).toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('never sends a verification twice', async () => {
      const wire = await seededUser((u) => u.password_enabled);
      emulator().control.addFaults({
        kind: 'status',
        status: 503,
        times: 1,
        route: '/users/{user_id}/verify_password',
      });
      expect(await failure(clerk().verifyPassword!(wire.id, DEMO_PASSWORD))).toMatchObject({
        code: 'UNAVAILABLE',
      });
      expect(logged()).toHaveLength(1);
    });
  });
});
