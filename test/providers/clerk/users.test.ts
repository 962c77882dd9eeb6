import { describe, expect, it } from 'vitest';
import { failure, queryOf, useClerk } from './helpers.js';

describe('Clerk provider: users', () => {
  const { emulator, clerk, raw, seeded, seededUser, logged } = useClerk();

  it('owns user_ ids and takes 100 ids or filter values per call, 500 users a page', () => {
    expect(clerk()).toMatchObject({
      name: 'clerk',
      limits: { maxUsersPerCall: 100, maxFilterValuesPerCall: 100, maxPageSize: 500 },
    });
    expect(clerk().ownsUserId('user_2abc')).toBe(true);
    expect(clerk().ownsUserId('9Xk2pQ7vL0aB3cD4eF5gH6iJ')).toBe(false);
  });

  describe('getUsers', () => {
    it('fetches 250 ids in exactly 3 calls of at most 100, run concurrently', async () => {
      const known = (await seeded()).map((user) => user.id as string);
      const ids = [...known, ...Array.from({ length: 250 - known.length }, (_, i) => `user_missing${i}`)];
      const users = await clerk().getUsers(ids);

      expect([...users.keys()].sort()).toEqual([...known].sort());
      const calls = logged();
      expect(calls).toHaveLength(3);
      expect(calls.every((call) => call.route === '/users' && call.method === 'GET')).toBe(true);
      const sent = calls.map((call) => queryOf(call));
      expect(sent.map((query) => query.user_id!.length).sort()).toEqual([100, 100, 50]);
      expect(sent.map((query) => query.limit).sort()).toEqual(['100', '100', '50']);
      expect(sent.flatMap((query) => query.user_id).sort()).toEqual([...ids].sort());
    });

    it('runs the chunks concurrently', async () => {
      emulator().control.addFaults({ kind: 'latency', ms: 300, route: '/users' });
      const started = performance.now();
      await clerk().getUsers(Array.from({ length: 300 }, (_, i) => `user_missing${i}`));
      expect(logged()).toHaveLength(3);
      expect(performance.now() - started).toBeLessThan(800);
    });

    it('fetches a duplicate id once and leaves unknown ids out', async () => {
      const [first] = await seeded();
      const users = await clerk().getUsers([first.id, first.id, 'user_nobody']);
      expect([...users.keys()]).toEqual([first.id]);
      expect(users.get(first.id)).toMatchObject({ provider: 'clerk', id: first.id });
      expect(logged()).toHaveLength(1);
      expect(queryOf(logged()[0])).toEqual({ user_id: [first.id, 'user_nobody'], limit: '2' });
    });

    it('makes no call for ids that cannot be Clerk ids', async () => {
      const users = await clerk().getUsers(['9Xk2pQ7vL0aB3cD4eF5gH6iJ', '../x', '']);
      expect(users.size).toBe(0);
      expect(logged()).toHaveLength(0);
    });
  });

  it('maps every field of a Clerk user', async () => {
    const wire = await seededUser((u) => u.phone_numbers.length > 0 && u.passkeys.length > 0);
    const user = (await clerk().getUsers([wire.id])).get(wire.id)!;
    const primaryEmail = wire.email_addresses.find((e: any) => e.id === wire.primary_email_address_id);
    expect(user).toMatchObject({
      provider: 'clerk',
      id: wire.id,
      externalId: wire.external_id,
      email: primaryEmail.email_address,
      phone: wire.phone_numbers[0].phone_number,
      username: wire.username,
      firstName: wire.first_name,
      lastName: wire.last_name,
      imageUrl: wire.image_url,
      hasImage: false,
      status: 'ACTIVE',
      banned: false,
      locked: false,
      lockoutExpiresInSeconds: null,
      createdAt: new Date(wire.created_at),
      updatedAt: new Date(wire.updated_at),
      lastSignInAt: wire.last_sign_in_at === null ? null : new Date(wire.last_sign_in_at),
      loginCount: null,
      publicMetadata: wire.public_metadata,
      privateMetadata: wire.private_metadata,
      unsafeMetadata: wire.unsafe_metadata,
      mfa: {
        passwordEnabled: wire.password_enabled,
        totpEnabled: wire.totp_enabled,
        backupCodesEnabled: wire.backup_code_enabled,
        twoFactorEnabled: wire.two_factor_enabled,
      },
    });
    expect(user.emailAddresses[0]).toEqual({
      id: primaryEmail.id,
      address: primaryEmail.email_address,
      verified: primaryEmail.verification.status === 'verified',
      primary: true,
    });
    expect(user.devices).toEqual(
      wire.passkeys.map((p: any) => ({
        provider: 'clerk',
        id: p.id,
        userId: wire.id,
        name: p.name,
        kind: 'PASSKEY',
        createdAt: null,
        updatedAt: null,
        lastUsedAt: new Date(p.last_used_at),
        usageCount: null,
      })),
    );
  });

  describe('findUserByIdentifier', () => {
    it('looks an e-mail up by email_address, one user at most', async () => {
      const wire = await seededUser(() => true);
      const address = wire.email_addresses[0].email_address;
      expect(await clerk().findUserByIdentifier(address)).toMatchObject({ id: wire.id });
      expect(logged()).toHaveLength(1);
      expect(logged()[0]!.route).toBe('/users');
      expect(queryOf(logged()[0])).toEqual({ email_address: address, limit: '1' });
    });

    it('looks anything else up by phone_number', async () => {
      const wire = await seededUser((u) => u.phone_numbers.length > 0);
      const number = wire.phone_numbers[0].phone_number;
      expect(await clerk().findUserByIdentifier(number)).toMatchObject({ id: wire.id });
      expect(queryOf(logged()[0])).toEqual({ phone_number: number, limit: '1' });
    });

    it('answers null when nobody has the identifier', async () => {
      expect(await clerk().findUserByIdentifier('nobody@nowhere.test')).toBeNull();
      expect(logged()).toHaveLength(1);
    });

    it('answers null for an empty identifier without asking Clerk, which would ignore it', async () => {
      expect(await clerk().findUserByIdentifier(' ')).toBeNull();
      expect(logged()).toHaveLength(0);
    });
  });

  describe('createUser', () => {
    it('sends Clerk’s body and answers the new user', async () => {
      const user = await clerk().createUser({
        email: 'ada@example.com',
        phone: '+15005550006',
        externalId: 'ext-1',
        username: 'ada_l',
        firstName: 'Ada',
        lastName: 'Lovelace',
        password: 'a-long-enough-password',
        publicMetadata: { plan: 'pro' },
        privateMetadata: { crm: 1 },
        unsafeMetadata: { theme: 'dark' },
        createdAt: new Date('2025-01-02T03:04:05.000Z'),
      });
      expect(user).toMatchObject({
        email: 'ada@example.com',
        phone: '+15005550006',
        externalId: 'ext-1',
        username: 'ada_l',
        firstName: 'Ada',
        publicMetadata: { plan: 'pro' },
        privateMetadata: { crm: 1 },
        unsafeMetadata: { theme: 'dark' },
        createdAt: new Date('2025-01-02T03:04:05.000Z'),
        mfa: { passwordEnabled: true },
      });
      expect(user.emailAddresses[0]).toMatchObject({ verified: true, primary: true });
      expect(logged()).toHaveLength(1);
      expect(logged()[0]).toMatchObject({
        method: 'POST',
        route: '/users',
        body: {
          email_address: ['ada@example.com'],
          phone_number: ['+15005550006'],
          external_id: 'ext-1',
          username: 'ada_l',
          first_name: 'Ada',
          last_name: 'Lovelace',
          password: '[redacted]',
          public_metadata: { plan: 'pro' },
          private_metadata: { crm: 1 },
          unsafe_metadata: { theme: 'dark' },
          created_at: '2025-01-02T03:04:05.000Z',
        },
      });
    });

    it('creates unverified identifiers as reserved and can skip the password', async () => {
      const user = await clerk().createUser({
        email: 'unverified@example.com',
        phone: '+15005550007',
        emailVerified: false,
        phoneVerified: false,
        skipPasswordRequirement: true,
      });
      expect(user.emailAddresses[0]).toMatchObject({ verified: false });
      expect(user.phoneNumbers[0]).toMatchObject({ verified: false });
      expect(user.mfa?.passwordEnabled).toBe(false);
      expect(logged()[0]!.body).toEqual({
        email_address: ['unverified@example.com'],
        email_address_identification_status: ['reserved'],
        phone_number: ['+15005550007'],
        phone_number_identification_status: ['reserved'],
        skip_password_requirement: true,
      });
    });
  });

  describe('updateUser', () => {
    it('patches names, clears with null and switches the primary e-mail', async () => {
      const wire = await seededUser((u) => u.email_addresses.length > 1 && u.username !== null);
      const other = wire.email_addresses.find((e: any) => e.id !== wire.primary_email_address_id);
      const user = await clerk().updateUser(wire.id, {
        firstName: 'Renamed',
        username: null,
        primaryEmailAddressId: other.id,
      });
      expect(user).toMatchObject({ firstName: 'Renamed', username: null, email: other.email_address });
      expect(logged()).toHaveLength(1);
      expect(logged()[0]).toMatchObject({
        method: 'PATCH',
        route: '/users/{user_id}',
        body: { first_name: 'Renamed', username: null, primary_email_address_id: other.id },
      });
    });

    it.each([
      ['email', { email: 'new@example.com' }, 'primaryEmailAddressId'],
      ['phone', { phone: '+15005550008' }, 'primaryPhoneNumberId'],
    ])('refuses a new %s before any call, pointing at %s', async (_, input, hint) => {
      const error = await failure(clerk().updateUser('user_any', input));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', provider: 'clerk' });
      expect(error.message).toContain(hint);
      expect(logged()).toHaveLength(0);
    });
  });

  it('deletes a user', async () => {
    const wire = await seededUser(() => true);
    await clerk().deleteUser(wire.id);
    expect(logged()).toMatchObject([{ method: 'DELETE', route: '/users/{user_id}', status: 200 }]);
    expect((await failure(clerk().deleteUser(wire.id))).code).toBe('NOT_FOUND');
  });

  it('deep-merges metadata with PATCH /users/{id}/metadata, null removing a key', async () => {
    const created = await raw('POST', '/users', {
      email_address: ['meta@example.com'],
      skip_password_requirement: true,
      public_metadata: { plan: 'free', flags: { beta: true, old: 1 } },
      private_metadata: { crm: 'x' },
    });
    const user = await clerk().updateUserMetadata(created.id, {
      publicMetadata: { flags: { old: null, new: 2 } },
      unsafeMetadata: { theme: 'dark' },
    });
    expect(user.publicMetadata).toEqual({ plan: 'free', flags: { beta: true, new: 2 } });
    expect(user.privateMetadata).toEqual({ crm: 'x' });
    expect(user.unsafeMetadata).toEqual({ theme: 'dark' });
    expect(logged()).toMatchObject([
      {
        method: 'PATCH',
        route: '/users/{user_id}/metadata',
        body: { public_metadata: { flags: { old: null, new: 2 } }, unsafe_metadata: { theme: 'dark' } },
      },
    ]);
  });
});

describe('Clerk provider: instanceLimits', () => {
  const { emulator, clerk, logged } = useClerk();

  it('reads GET /instance: a production instance has no user cap', async () => {
    expect(await clerk().instanceLimits()).toEqual({ environment: 'production', maxUsers: null });
    expect(logged().map((call) => `${call.method} ${call.route}`)).toEqual(['GET /instance']);
  });

  it('answers UPSTREAM_INVALID, naming the instance, for a body that is not one', async () => {
    emulator().control.addFaults({ kind: 'garbage', provider: 'clerk', route: '/instance' });
    const error = await failure(clerk().instanceLimits());
    expect(error.code).toBe('UPSTREAM_INVALID');
  });
});
