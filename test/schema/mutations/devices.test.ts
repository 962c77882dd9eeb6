import { describe, expect, it } from 'vitest';
import { UNKNOWN_IDS, useMutations } from './helpers.js';

describe('deleteDevice', () => {
  const { mutate, gql, emulator, passage, passageUsers, clerkUsers, routes, upstream } = useMutations();

  /** A seeded user of each provider with at least one device, and that device's id. */
  async function withDevice(provider: 'clerk' | 'passage'): Promise<{ userId: string; deviceId: string }> {
    if (provider === 'clerk') {
      const user = (await clerkUsers()).find((u) => u.passkeys.length > 0);
      return { userId: user.id, deviceId: user.passkeys[0].id };
    }
    for (const user of await passageUsers()) {
      const { body } = await passage('GET', `/users/${user.id}/devices`);
      if (body.devices.length > 0) return { userId: user.id, deviceId: body.devices[0].id };
    }
    throw new Error('no seeded Passage user has a device');
  }

  const routeOf = {
    clerk: 'DELETE /users/{user_id}/passkeys/{passkey_identification_id}',
    passage: 'DELETE /apps/{app_id}/users/{user_id}/devices/{device_id}',
  };

  it.each(['clerk', 'passage'] as const)(
    'removes a %s device; the payload’s user no longer has it',
    async (provider) => {
      const { userId, deviceId } = await withDevice(provider);
      const devices = emulator().control.stats().passage.devices!;
      emulator().control.clearRequests();
      const { result, errors } = await mutate(
        'deleteDevice',
        { userId, deviceId },
        'userId deletedDeviceId user { devices { id } }',
      );
      expect(errors).toBeUndefined();
      expect(result).toMatchObject({ __typename: 'DeleteDevicePayload', userId, deletedDeviceId: deviceId });
      expect(result.user.devices.map((d: { id: string }) => d.id)).not.toContain(deviceId);
      expect(routes()[0]).toBe(routeOf[provider]);
      expect(upstream().filter((r) => r.method === 'DELETE')).toHaveLength(1);
      if (provider === 'passage') expect(emulator().control.stats().passage.devices).toBe(devices - 1);
    },
  );

  it('two deletions in one operation: each payload reads the devices as the one before left them', async () => {
    let found: { userId: string; devices: string[] } | undefined;
    for (const user of await passageUsers()) {
      const { body } = await passage('GET', `/users/${user.id}/devices`);
      if (body.devices.length >= 3) found = { userId: user.id, devices: body.devices.map((d: any) => d.id) };
    }
    if (!found) throw new Error('no seeded Passage user has three devices');
    const [first, second] = found.devices as [string, string];
    const { body } = await gql(
      `mutation($u: ID!, $a: ID!, $b: ID!) {
        a: deleteDevice(input: { userId: $u, deviceId: $a }) { ... on DeleteDevicePayload { user { devices { id } } } }
        b: deleteDevice(input: { userId: $u, deviceId: $b }) { ... on DeleteDevicePayload { user { devices { id } } } }
      }`,
      { u: found.userId, a: first, b: second },
    );
    expect(body.errors).toBeUndefined();
    const ids = (alias: 'a' | 'b') => body.data[alias].user.devices.map((d: { id: string }) => d.id);
    expect(ids('a')).toEqual(found.devices.filter((id) => id !== first));
    expect(ids('b')).toEqual(found.devices.filter((id) => id !== first && id !== second));
  });

  it.each(['clerk', 'passage'] as const)('an unknown %s device is NotFoundError', async (provider) => {
    const { userId } = await withDevice(provider);
    const { result } = await mutate('deleteDevice', { userId, deviceId: 'no_such_device' });
    expect(result).toMatchObject({ __typename: 'NotFoundError', provider });
  });

  it.each(['clerk', 'passage'] as const)('an unknown %s user is NotFoundError', async (provider) => {
    const { result } = await mutate('deleteDevice', { userId: UNKNOWN_IDS[provider], deviceId: 'd' });
    expect(result).toMatchObject({ __typename: 'NotFoundError', provider });
  });

  it('a blank device id is InvalidInputError before any upstream call', async () => {
    const { userId } = await withDevice('passage');
    emulator().control.clearRequests();
    const { result } = await mutate('deleteDevice', { userId, deviceId: ' ' });
    expect(result).toMatchObject({
      __typename: 'InvalidInputError',
      fields: [{ field: 'deviceId', message: 'must be a non-blank id, got " "' }],
    });
    expect(upstream()).toEqual([]);
  });
});
