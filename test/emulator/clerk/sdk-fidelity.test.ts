/**
 * The official SDK against the emulator: if @clerk/backend reads our answers as it reads Clerk's,
 * code written against the real API works against the emulator unchanged. The SDK appends `/v1`
 * to `apiUrl` itself, so it is given the `/clerk` mount.
 */
import { createClerkClient } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/emulator/clerk/seed.js';
import { useEmulator } from '../../helpers/emulator.js';

describe('@clerk/backend against the Clerk emulator', () => {
  const emulator = useEmulator({ users: 30 });
  const clerk = () =>
    createClerkClient({ secretKey: emulator().keys.clerkSecretKey, apiUrl: `${emulator().url}/clerk` });

  it('getUserList returns users and the total from /users/count, with filters', async () => {
    const { data, totalCount } = await clerk().users.getUserList({ limit: 5, orderBy: '-created_at' });
    expect(data).toHaveLength(5);
    expect(totalCount).toBe(30);
    expect(data[0]!.id).toMatch(/^user_/);
    expect(data[0]!.emailAddresses[0]!.emailAddress).toContain('@');

    const ids = data.slice(0, 3).map((u) => u.id);
    const filtered = await clerk().users.getUserList({ userId: ids, limit: 100 });
    expect(filtered.data.map((u) => u.id).sort()).toEqual([...ids].sort());
    expect(filtered.totalCount).toBe(3);

    const routes = emulator()
      .control.requests({ provider: 'clerk' })
      .map((r) => r.route);
    expect(routes).toContain('/users/count');
    const listCall = emulator().control.requests({ route: '/users' }).at(-1)!;
    expect(listCall.query).toBe(ids.map((id) => `user_id=${id}`).join('&') + '&limit=100');
  });

  it('getUser, createUser and updateUser round-trip through the SDK classes', async () => {
    const created = await clerk().users.createUser({
      emailAddress: ['sdk.user@example.com'],
      password: 'sdk-password-long-enough',
      firstName: 'Sdk',
      lastName: 'User',
      externalId: 'sdk-1',
      publicMetadata: { plan: 'pro' },
    });
    expect(created.id).toMatch(/^user_/);
    expect(created.primaryEmailAddress?.emailAddress).toBe('sdk.user@example.com');
    expect(created.externalId).toBe('sdk-1');
    expect(created.passwordEnabled).toBe(true);
    expect(created.publicMetadata).toEqual({ plan: 'pro' });

    const fetched = await clerk().users.getUser(created.id);
    expect(fetched.fullName).toBe('Sdk User');

    const updated = await clerk().users.updateUser(created.id, { firstName: 'Renamed' });
    expect(updated.firstName).toBe('Renamed');
    expect(updated.updatedAt).toBeGreaterThanOrEqual(created.updatedAt);
  });

  it('updateUserMetadata merges deeply and removes null keys', async () => {
    const [user] = (await clerk().users.getUserList({ limit: 1 })).data;
    await clerk().users.replaceUserMetadata(user!.id, { publicMetadata: { a: 1, nested: { b: 2, c: 3 } } });
    const merged = await clerk().users.updateUserMetadata(user!.id, {
      publicMetadata: { a: null, nested: { c: null, d: 4 } } as never,
    });
    expect(merged.publicMetadata).toEqual({ nested: { b: 2, d: 4 } });
  });

  it('banUser/unbanUser and lockUser/unlockUser', async () => {
    const [user] = (await clerk().users.getUserList({ limit: 1, banned: false } as never)).data;
    expect((await clerk().users.banUser(user!.id)).banned).toBe(true);
    expect((await clerk().users.unbanUser(user!.id)).banned).toBe(false);
    const locked = await clerk().users.lockUser(user!.id);
    expect(locked.locked).toBe(true);
    // The SDK's User class does not map lockout_expires_in_seconds; `raw` keeps it.
    expect(locked.raw?.lockout_expires_in_seconds).toBeGreaterThan(0);
    expect((await clerk().users.unlockUser(user!.id)).locked).toBe(false);
  });

  it('deleteUser returns the DeletedObject', async () => {
    const [user] = (await clerk().users.getUserList({ limit: 1 })).data;
    const deleted = await clerk().users.deleteUser(user!.id);
    expect(deleted).toMatchObject({ id: user!.id, deleted: true, object: 'user' });
  });

  it('getOrganizationMembershipList returns memberships with their organization', async () => {
    const { data: users } = await clerk().users.getUserList({ limit: 30 });
    for (const user of users) {
      const { data, totalCount } = await clerk().users.getOrganizationMembershipList({
        userId: user.id,
        limit: 10,
      });
      expect(data).toHaveLength(totalCount);
      for (const membership of data) {
        expect(membership.organization.id).toMatch(/^org_/);
        expect(membership.publicUserData?.userId).toBe(user.id);
        expect(['org:admin', 'org:member']).toContain(membership.role);
      }
    }
  });

  it('verifyPassword accepts the seeded demo password', async () => {
    const { data } = await clerk().users.getUserList({ limit: 30 });
    const user = data.find((u) => u.passwordEnabled)!;
    expect(await clerk().users.verifyPassword({ userId: user.id, password: DEMO_PASSWORD })).toEqual({
      verified: true,
    });
  });

  it('surfaces a 404 as ClerkAPIResponseError with status, code and trace id', async () => {
    const error = await clerk()
      .users.getUser('user_doesnotexist')
      .catch((e: unknown) => e);
    expect(isClerkAPIResponseError(error)).toBe(true);
    if (!isClerkAPIResponseError(error)) return;
    expect(error.status).toBe(404);
    expect(error.errors[0]).toMatchObject({
      code: 'resource_not_found',
      longMessage: 'No user was found with id user_doesnotexist',
    });
    expect(error.clerkTraceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('surfaces a 422 with the parameter name, and a 429 with retryAfter', async () => {
    const invalid = await clerk()
      .users.createUser({ emailAddress: ['nope'], password: 'long-enough-pw' })
      .catch((e: unknown) => e);
    expect(isClerkAPIResponseError(invalid) && invalid.status).toBe(422);
    if (isClerkAPIResponseError(invalid)) expect(invalid.errors[0]!.meta?.paramName).toBe('email_address');

    emulator().control.addFaults({ kind: 'status', status: 429, retryAfter: 3, provider: 'clerk', times: 1 });
    const limited = await clerk()
      .users.getUser('user_x')
      .catch((e: unknown) => e);
    expect(isClerkAPIResponseError(limited) && limited.retryAfter).toBe(3);
  });
});
