import { describe, expect, it } from 'vitest';
import type { CreateUserInput, UpdateUserInput } from '../../../src/providers/types.js';
import { failure, USER_ROUTE, USERS_ROUTE, usePassageProvider } from './helpers.js';

describe('passage provider: users', () => {
  const { emulator, provider, upstream, api, seededUsers, arranged } = usePassageProvider({ users: 30 });

  it('tells of no instance cap, without a call: its Management API has none to read', async () => {
    expect(await provider().instanceLimits()).toEqual({ environment: null, maxUsers: null });
    expect(upstream()).toHaveLength(0);
  });

  it('names itself, owns every id that is not a Clerk id, and reads one user per call', () => {
    expect(provider().name).toBe('passage');
    expect(provider().limits.maxUsersPerCall).toBe(1);
    // One value per filter parameter, so a lookup of many values is one call per value.
    expect(provider().limits.maxFilterValuesPerCall).toBe(1);
    expect(provider().limits.maxPageSize).toBe(500);
    expect(provider().ownsUserId('FXmduAG55lEsueAiKqZ4Kjfy')).toBe(true);
    expect(provider().ownsUserId('user_2abc')).toBe(false);
    expect(provider().ownsUserId('')).toBe(false);
  });

  it('has the optional operations Passage offers and none of the Clerk-only ones', () => {
    expect(typeof provider().activateUser).toBe('function');
    expect(typeof provider().deactivateUser).toBe('function');
    expect(typeof provider().signOutUser).toBe('function');
    for (const clerkOnly of [
      'banUser',
      'lockUser',
      'createTotp',
      'setProfileImage',
      'listMemberships',
    ] as const) {
      expect(provider()[clerkOnly]).toBeUndefined();
    }
  });

  describe('getUsers', () => {
    it('sends one GET per distinct id, concurrently, and leaves unknown ids out', async () => {
      const seeded = await arranged(seededUsers());
      const known = seeded.slice(0, 4).map((user) => user.id);
      const ids = [...known, known[0]!, 'UnknownUserId0000000000x'];

      const users = await provider().getUsers(ids);

      expect([...users.keys()].sort()).toEqual([...known].sort());
      expect(users.has('UnknownUserId0000000000x')).toBe(false);
      const calls = upstream();
      expect(calls).toHaveLength(5);
      expect(calls.every((call) => call.method === 'GET' && call.route === USER_ROUTE)).toBe(true);
      expect(calls.map((call) => decodeURIComponent(call.path.split('/').pop()!)).sort()).toEqual(
        [...known, 'UnknownUserId0000000000x'].sort(),
      );
    });

    it('maps a full user: identifiers, never-logged-in, metadata, devices and social connections', async () => {
      const seeded = await arranged(seededUsers());
      const full = await Promise.all(seeded.map(async (user) => (await api(`/users/${user.id}`)).body.user));
      const social = full.find((user) => Object.keys(user.social_connections).length > 0);
      const emailOnly = full.find((user) => user.phone === '' && user.webauthn_devices.length > 0);
      const never = full.find((user) => user.last_login_at.startsWith('0001'));
      emulator().control.clearRequests();

      const users = await provider().getUsers([social.id, emailOnly.id, never.id]);

      const socialUser = users.get(social.id)!;
      const [provider0, connection] = Object.entries<any>(social.social_connections)[0]!;
      expect(socialUser.externalAccounts).toContainEqual({
        id: null,
        provider: provider0,
        providerUserId: connection.provider_id,
        emailAddress: connection.provider_identifier,
        username: null,
        createdAt: new Date(connection.created_at),
        lastSignInAt: new Date(connection.last_login_at),
      });

      const emailUser = users.get(emailOnly.id)!;
      expect(emailUser).toMatchObject({
        provider: 'passage',
        id: emailOnly.id,
        email: emailOnly.email,
        phone: null,
        externalId: null,
        emailAddresses: [
          { id: null, address: emailOnly.email, verified: emailOnly.email_verified, primary: true },
        ],
        phoneNumbers: [],
        status: emailOnly.status.toUpperCase(),
        createdAt: new Date(emailOnly.created_at),
        updatedAt: new Date(emailOnly.updated_at),
        loginCount: emailOnly.login_count,
        publicMetadata: emailOnly.user_metadata,
        banned: null,
        locked: null,
        mfa: null,
        lastActiveAt: null,
        privateMetadata: null,
        unsafeMetadata: null,
        web3Wallets: [],
      });
      expect(emailUser.devices).toHaveLength(emailOnly.webauthn_devices.length);
      expect(emailUser.devices![0]).toMatchObject({
        provider: 'passage',
        id: emailOnly.webauthn_devices[0].id,
        userId: emailOnly.id,
        name: emailOnly.webauthn_devices[0].friendly_name,
      });

      expect(users.get(never.id)!.lastSignInAt).toBeNull();
    });

    it('rejects the whole batch on a failure that is not a 404', async () => {
      const [first, second] = await arranged(seededUsers());
      emulator().control.addFaults({
        kind: 'status',
        status: 500,
        path: `/apps/${emulator().keys.passageAppId}/users/${second!.id}`,
      });
      const error = await failure(provider().getUsers([first!.id, second!.id]));
      expect(error).toMatchObject({ code: 'UNAVAILABLE', status: 500 });
    });

    it('makes no call for no ids or blank ids', async () => {
      expect((await provider().getUsers([])).size).toBe(0);
      expect((await provider().getUsers(['', '  '])).size).toBe(0);
      expect(upstream()).toHaveLength(0);
    });
  });

  describe('findUserByIdentifier', () => {
    it('finds a user by e-mail in any case with one list call, as a slim user', async () => {
      const user = (await arranged(seededUsers())).find((u) => u.email)!;

      const found = await provider().findUserByIdentifier(user.email.toUpperCase());

      expect(found).toMatchObject({ id: user.id, email: user.email, devices: undefined });
      expect(upstream()).toEqual([
        expect.objectContaining({
          method: 'GET',
          route: USERS_ROUTE,
          query: { identifier: user.email.toLowerCase(), page: '1', limit: '1' },
        }),
      ]);
    });

    it('finds a user by phone', async () => {
      const user = (await arranged(seededUsers())).find((u) => u.phone)!;
      expect((await provider().findUserByIdentifier(user.phone))?.id).toBe(user.id);
      expect(upstream()).toHaveLength(1);
    });

    it('answers null for an unknown identifier (one call) and for a blank one (no call)', async () => {
      expect(await provider().findUserByIdentifier('nobody@example.com')).toBeNull();
      expect(upstream()).toHaveLength(1);
      expect(await provider().findUserByIdentifier('  ')).toBeNull();
      expect(upstream()).toHaveLength(1);
    });
  });

  describe('createUser', () => {
    it('creates with e-mail, phone and metadata in one POST', async () => {
      const user = await provider().createUser({
        email: 'New.Person@Example.com',
        phone: '+15005550199',
        publicMetadata: { plan: 'pro' },
        emailVerified: false,
      });

      expect(user).toMatchObject({
        provider: 'passage',
        email: 'new.person@example.com',
        phone: '+15005550199',
        status: 'ACTIVE',
        publicMetadata: { plan: 'pro' },
        loginCount: 0,
        lastSignInAt: null,
        devices: [],
        emailAddresses: [{ id: null, address: 'new.person@example.com', verified: false, primary: true }],
      });
      expect(upstream()).toEqual([
        expect.objectContaining({
          method: 'POST',
          route: USERS_ROUTE,
          status: 201,
          body: { email: 'New.Person@Example.com', phone: '+15005550199', user_metadata: { plan: 'pro' } },
        }),
      ]);
      expect((await provider().getUsers([user.id])).get(user.id)?.email).toBe('new.person@example.com');
    });

    it('creates with a phone alone', async () => {
      const user = await provider().createUser({ phone: '+15005550198' });
      expect(user).toMatchObject({
        email: null,
        phone: '+15005550198',
        emailAddresses: [],
        publicMetadata: null,
      });
      expect(upstream()[0]?.body).toEqual({ phone: '+15005550198' });
    });

    it.each<[string, CreateUserInput, string]>([
      ['no e-mail or phone', { publicMetadata: { a: 1 } }, 'email'],
      ['empty e-mail and phone', { email: '', phone: '' }, 'email'],
      ['a username', { email: 'a@example.com', username: 'ann' }, 'username'],
      ['a first name', { email: 'a@example.com', firstName: 'Ann' }, 'firstName'],
      ['a last name', { email: 'a@example.com', lastName: 'Lee' }, 'lastName'],
      ['a password', { email: 'a@example.com', password: 'hunter2-hunter2' }, 'password'],
      ['an external id', { email: 'a@example.com', externalId: 'ext-1' }, 'externalId'],
      ['private metadata', { email: 'a@example.com', privateMetadata: {} }, 'privateMetadata'],
      ['unsafe metadata', { email: 'a@example.com', unsafeMetadata: {} }, 'unsafeMetadata'],
      ['a creation date', { email: 'a@example.com', createdAt: new Date() }, 'createdAt'],
      ['a verified e-mail', { email: 'a@example.com', emailVerified: true }, 'emailVerified'],
      ['a verified phone', { phone: '+15005550197', phoneVerified: true }, 'phoneVerified'],
    ])('refuses %s with INVALID_INPUT and no call', async (_, input, field) => {
      const before = emulator().control.stats().passage.users;
      const error = await failure(provider().createUser(input));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', provider: 'passage', fields: [{ field }] });
      expect(error.message).toContain(field);
      expect(error.message).not.toContain('hunter2');
      expect(upstream()).toHaveLength(0);
      expect(emulator().control.stats().passage.users).toBe(before);
    });
  });

  describe('updateUser and updateUserMetadata', () => {
    it('changes the e-mail with a PATCH, which un-verifies it', async () => {
      const user = (await arranged(seededUsers())).find((u) => u.email)!;
      const updated = await provider().updateUser(user.id, { email: 'changed@example.com' });
      expect(updated).toMatchObject({ id: user.id, email: 'changed@example.com' });
      expect(updated.emailAddresses[0]?.verified).toBe(false);
      expect(upstream()).toEqual([
        expect.objectContaining({
          method: 'PATCH',
          route: USER_ROUTE,
          body: { email: 'changed@example.com' },
        }),
      ]);
    });

    it.each<[string, UpdateUserInput, string]>([
      ['a username', { username: 'ann' }, 'username'],
      ['a removed external id', { externalId: null }, 'externalId'],
      ['a password', { password: 'x' }, 'password'],
      ['a primary e-mail id', { primaryEmailAddressId: 'idn_1' }, 'primaryEmailAddressId'],
      ['an empty e-mail', { email: '' }, 'email'],
      ['a blank phone', { phone: ' ' }, 'phone'],
    ])('refuses %s with INVALID_INPUT and no call', async (_, input, field) => {
      const error = await failure(provider().updateUser('AnyUserId', input));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ field }] });
      expect(upstream()).toHaveLength(0);
    });

    it('merges public metadata key by key; null removes a key', async () => {
      const user = (await arranged(seededUsers())).find((u) => u.user_metadata?.plan)!;
      const updated = await provider().updateUserMetadata(user.id, {
        publicMetadata: { plan: 'enterprise', newsletter: null, seats: 5 },
      });
      const { newsletter: _removed, ...kept } = user.user_metadata;
      expect(updated.publicMetadata).toEqual({ ...kept, plan: 'enterprise', seats: 5 });
      expect(upstream()).toEqual([
        expect.objectContaining({
          method: 'PATCH',
          route: USER_ROUTE,
          body: { user_metadata: { plan: 'enterprise', newsletter: null, seats: 5 } },
        }),
      ]);
    });

    it.each(['privateMetadata', 'unsafeMetadata'] as const)('refuses %s with no call', async (field) => {
      const error = await failure(provider().updateUserMetadata('AnyUserId', { [field]: { a: 1 } }));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ field }] });
      expect(upstream()).toHaveLength(0);
    });

    it('retries a metadata PATCH through a 503, since merging the same patch twice is harmless', async () => {
      const user = (await arranged(seededUsers()))[0]!;
      emulator().control.addFaults({ kind: 'status', status: 503, times: 1, method: 'PATCH' });
      const updated = await provider().updateUserMetadata(user.id, { publicMetadata: { tier: 'gold' } });
      expect(updated.publicMetadata).toMatchObject({ tier: 'gold' });
      expect(upstream().map((call) => call.status)).toEqual([503, 200]);
    });
  });

  describe('delete, activate, deactivate, sign out', () => {
    it('deletes a user with one DELETE', async () => {
      const user = (await arranged(seededUsers()))[0]!;
      await provider().deleteUser(user.id);
      expect(upstream()).toEqual([
        expect.objectContaining({ method: 'DELETE', route: USER_ROUTE, status: 200 }),
      ]);
      expect((await provider().getUsers([user.id])).size).toBe(0);
    });

    it('deactivates and activates a user', async () => {
      const user = (await arranged(seededUsers())).find((u) => u.status === 'active')!;
      expect((await provider().deactivateUser!(user.id)).status).toBe('INACTIVE');
      expect((await provider().activateUser!(user.id)).status).toBe('ACTIVE');
      expect(upstream().map((call) => [call.method, call.route])).toEqual([
        ['PATCH', '/apps/{app_id}/users/{user_id}/deactivate'],
        ['PATCH', '/apps/{app_id}/users/{user_id}/activate'],
      ]);
    });

    it('signs a user out by revoking their refresh tokens', async () => {
      const user = (await arranged(seededUsers()))[0]!;
      await provider().signOutUser!(user.id);
      expect(upstream()).toEqual([
        expect.objectContaining({
          method: 'DELETE',
          route: '/apps/{app_id}/users/{user_id}/tokens',
          status: 200,
        }),
      ]);
      expect(emulator().control.stats().passage.refreshTokenRevocations).toBe(1);
    });
  });

  it('passes the caller’s signal through: an aborted request is ABORTED', async () => {
    const user = (await arranged(seededUsers()))[0]!;
    emulator().control.addFaults({ kind: 'timeout', times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(provider().getUsers([user.id], { signal: controller.signal }));
    expect(error.code).toBe('ABORTED');
  });
});
