import { describe, expect, it } from 'vitest';
import { failure, usePassageProvider } from './helpers.js';

const DEVICES_ROUTE = '/apps/{app_id}/users/{user_id}/devices';
const DEVICE_ROUTE = '/apps/{app_id}/users/{user_id}/devices/{device_id}';

describe('passage provider: devices', () => {
  const { emulator, provider, upstream, api, seededUsers, arranged } = usePassageProvider({ users: 20 });

  /** A seeded user holding at least `count` devices, with the raw devices Passage lists. */
  async function userWithDevices(count = 1) {
    return arranged(
      (async () => {
        for (const user of await seededUsers()) {
          const devices = (await api(`/users/${user.id}/devices`)).body.devices;
          if (devices.length >= count) return { user, devices };
        }
        throw new Error(`no seeded user has ${count} devices`);
      })(),
    );
  }

  it('lists a user’s devices with one GET, mapped to domain devices', async () => {
    const { user, devices } = await userWithDevices(2);

    const listed = await provider().listDevices(user.id);

    expect(listed).toEqual(
      devices.map((device: any) => ({
        provider: 'passage',
        id: device.id,
        userId: user.id,
        name: device.friendly_name,
        kind: device.type.toUpperCase(),
        createdAt: new Date(device.created_at),
        updatedAt: new Date(device.updated_at),
        lastUsedAt: new Date(device.last_login_at),
        usageCount: device.usage_count,
      })),
    );
    expect(upstream()).toEqual([
      expect.objectContaining({ method: 'GET', route: DEVICES_ROUTE, status: 200 }),
    ]);
  });

  it('lists no devices for a user without any', async () => {
    const created = await provider().createUser({ email: 'fresh@example.com' });
    emulator().control.clearRequests();
    expect(await provider().listDevices(created.id)).toEqual([]);
    expect(upstream()).toHaveLength(1);
  });

  it('deletes one device with one DELETE; the others stay', async () => {
    const { user, devices } = await userWithDevices(2);

    await provider().deleteDevice(user.id, devices[0].id);

    expect(upstream()).toEqual([
      expect.objectContaining({ method: 'DELETE', route: DEVICE_ROUTE, status: 200 }),
    ]);
    const left = await provider().listDevices(user.id);
    expect(left.map((device) => device.id)).toEqual(devices.slice(1).map((device: any) => device.id));
  });

  it('answers NOT_FOUND for an unknown device or user', async () => {
    const { user } = await userWithDevices();
    expect(await failure(provider().deleteDevice(user.id, 'NoSuchDevice'))).toMatchObject({
      code: 'NOT_FOUND',
      upstreamCode: 'device_not_found',
      status: 404,
    });
    expect(await failure(provider().listDevices('NoSuchUser'))).toMatchObject({
      code: 'NOT_FOUND',
      upstreamCode: 'user_not_found',
    });
    expect(upstream()).toHaveLength(2);
  });

  it.each(['../x', 'a/b', '..'])('keeps the device id %j inside its segment', async (deviceId) => {
    const { user, devices } = await userWithDevices();
    const error = await failure(provider().deleteDevice(user.id, deviceId));
    expect(error.code).toBe('NOT_FOUND');
    expect(upstream()).toEqual([expect.objectContaining({ route: DEVICE_ROUTE })]);
    expect(await provider().listDevices(user.id)).toHaveLength(devices.length);
  });

  it('refuses an empty device id before any call', async () => {
    const { user } = await userWithDevices();
    expect(await failure(provider().deleteDevice(user.id, ''))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(upstream()).toHaveLength(0);
  });
});
