import { describe, expect, it } from 'vitest';
import { useMutations } from './helpers.js';

const DEVICE = 'id userId platform appIdentifier name status createdAt updatedAt lastUsedAt revokedAt';

describe('trusted devices', () => {
  const { mutate, clerk, clerkUsers, userIds, emulator, routes, gql } = useMutations({ users: 60 });

  /** Seeded Clerk users with active trusted devices, and those devices as Clerk lists them. */
  async function usersWithDevices(): Promise<{ id: string; devices: any[] }[]> {
    const out = [];
    for (const user of await clerkUsers()) {
      const { body } = await clerk('GET', `/users/${user.id}/trusted_devices`);
      if (body.data.length > 0) out.push({ id: user.id as string, devices: body.data as any[] });
    }
    if (out.length < 2) throw new Error('fewer than two seeded users have trusted devices: seed more users');
    return out;
  }

  it('User.trustedDevices answers what Clerk lists, one call per distinct user', async () => {
    const [a, b] = await usersWithDevices();
    emulator().control.clearRequests();
    const { body } = await gql(
      `query($a: ID!, $b: ID!) {
        a: user(id: $a) { trustedDevices { ${DEVICE} } }
        again: user(id: $a) { trustedDevices { id } }
        b: user(id: $b) { trustedDevices { id } }
      }`,
      { a: a!.id, b: b!.id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.a.trustedDevices).toEqual(
      a!.devices.map((d) => ({
        id: d.id,
        userId: a!.id,
        platform: d.platform.toUpperCase(),
        appIdentifier: d.app_identifier,
        name: d.name,
        status: 'ACTIVE',
        createdAt: new Date(d.created_at).toISOString(),
        updatedAt: new Date(d.updated_at).toISOString(),
        lastUsedAt: d.last_used_at === null ? null : new Date(d.last_used_at).toISOString(),
        revokedAt: null,
      })),
    );
    expect(body.data.b.trustedDevices.map((d: any) => d.id)).toEqual(b!.devices.map((d) => d.id));
    expect(
      routes()
        .filter((r) => r.includes('trusted_devices'))
        .sort(),
    ).toEqual(['GET /users/{user_id}/trusted_devices', 'GET /users/{user_id}/trusted_devices']);
  });

  it('User.trustedDevices is null for a Passage user, with no upstream call', async () => {
    const { passage } = await userIds();
    emulator().control.clearRequests();
    const { body } = await gql(`query($id: ID!) { user(id: $id) { trustedDevices { id } } }`, {
      id: passage,
    });
    expect(body.data.user.trustedDevices).toBeNull();
    expect(routes()).toEqual(['GET /apps/{app_id}/users/{user_id}']);
  });

  it('revokeTrustedDevice revokes exactly that device in one call; the payload’s user reads the rest', async () => {
    const [{ id, devices }] = (await usersWithDevices()) as [{ id: string; devices: any[] }];
    const [target, ...rest] = devices;
    emulator().control.clearRequests();
    const { result, errors } = await mutate(
      'revokeTrustedDevice',
      { userId: id, trustedDeviceId: target.id },
      'userId trustedDevice { id status revokedAt } user { trustedDevices { id } }',
    );
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({
      __typename: 'RevokeTrustedDevicePayload',
      userId: id,
      trustedDevice: { id: target.id, status: 'REVOKED', revokedAt: expect.any(String) },
    });
    expect(result.user.trustedDevices.map((d: any) => d.id)).toEqual(rest.map((d: any) => d.id));
    expect(routes().filter((r) => r.startsWith('DELETE'))).toEqual([
      'DELETE /users/{user_id}/trusted_devices/{trusted_device_id}',
    ]);
    const listed = (await clerk('GET', `/users/${id}/trusted_devices`)).body.data.map((d: any) => d.id);
    expect(listed).toEqual(rest.map((d: any) => d.id));
  });

  it('answers typed errors: another user’s device is NotFoundError, a Passage user UnsupportedError, blanks InvalidInputError', async () => {
    const [a, b] = await usersWithDevices();
    const { passage } = await userIds();
    const wrongUser = await mutate('revokeTrustedDevice', {
      userId: b!.id,
      trustedDeviceId: a!.devices[0].id,
    });
    expect(wrongUser.result).toMatchObject({ __typename: 'NotFoundError', provider: 'clerk' });
    emulator().control.clearRequests();
    const onPassage = await mutate('revokeTrustedDevice', { userId: passage, trustedDeviceId: 'td_x' });
    expect(onPassage.result).toMatchObject({ __typename: 'UnsupportedError', provider: 'passage' });
    const blank = await mutate('revokeTrustedDevice', { userId: a!.id, trustedDeviceId: ' ' });
    expect(blank.result).toMatchObject({
      __typename: 'InvalidInputError',
      fields: [{ field: 'trustedDeviceId' }],
    });
    expect(routes()).toEqual([]);
  });
});
