import { describe, expect, it } from 'vitest';
import { usePassageApi } from './passage-api.js';

const DEVICE_FIELDS = [
  'created_at',
  'cred_id',
  'friendly_name',
  'icons',
  'id',
  'last_login_at',
  'type',
  'updated_at',
  'usage_count',
];

describe('passage: devices', () => {
  const { api, allUsers, stats } = usePassageApi();

  /** A seeded user holding at least `count` devices, with them. */
  async function userWithDevices(count: number) {
    for (const user of await allUsers()) {
      const { devices } = (await api(`/users/${user.id}/devices`)).body;
      if (devices.length >= count) return { user, devices };
    }
    throw new Error(`no seeded user holds ${count} devices`);
  }

  it("lists a user's devices as {devices} in the 9-field WebAuthnDevices shape", async () => {
    const { user, devices } = await userWithDevices(1);
    for (const device of devices) {
      expect(Object.keys(device).sort()).toEqual(DEVICE_FIELDS);
      expect(['passkey', 'platform', 'security_key']).toContain(device.type);
      expect(Object.keys(device.icons).sort()).toEqual(['dark', 'light']);
    }
    const { user: full } = (await api(`/users/${user.id}`)).body;
    expect(full.webauthn_devices).toEqual(devices);
    expect(full.webauthn).toBe(true);
  });

  it('answers an empty list for a user without devices', async () => {
    const { user } = (await api('/users', { method: 'POST', body: { email: 'bare@example.com' } })).body;
    const response = await api(`/users/${user.id}/devices`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ devices: [] });
  });

  it("deletes a device: 200 empty, gone from devices and from the user's webauthn fields", async () => {
    const { user, devices } = await userWithDevices(1);
    const before = stats().devices ?? 0;
    for (const device of devices) {
      const response = await api(`/users/${user.id}/devices/${device.id}`, { method: 'DELETE' });
      expect(response.status).toBe(200);
      expect(response.text).toBe('');
    }
    expect((await api(`/users/${user.id}/devices`)).body.devices).toEqual([]);
    const { user: full } = (await api(`/users/${user.id}`)).body;
    expect(full).toMatchObject({ webauthn: false, webauthn_devices: [], webauthn_types: [] });
    expect(stats().devices).toBe(before - devices.length);
  });

  it("answers 404 device_not_found for an unknown device or another user's device", async () => {
    const { user, devices } = await userWithDevices(1);
    const other = (await allUsers()).find((u) => u.id !== user.id);
    const before = stats();
    for (const [owner, deviceId] of [
      [user.id, 'no-such-device'],
      [other.id, devices[0].id],
      [user.id, '..%2F..%2Fx'],
    ]) {
      const response = await api(`/users/${owner}/devices/${deviceId}`, { method: 'DELETE' });
      expect(response.status).toBe(404);
      expect(response.body).toMatchInlineSnapshot(`
        {
          "code": "device_not_found",
          "error": "Device not found",
        }
      `);
    }
    expect(stats()).toEqual(before);
  });
});

describe('passage: revoke refresh tokens', () => {
  const { api, allUsers, stats } = usePassageApi();

  it('answers 200 with an empty body and counts the revocation', async () => {
    const [first, second] = await allUsers();
    expect(stats().refreshTokenRevocations).toBe(0);
    const response = await api(`/users/${first.id}/tokens`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    await api(`/users/${first.id}/tokens`, { method: 'DELETE' });
    await api(`/users/${second.id}/tokens`, { method: 'DELETE' });
    expect(stats().refreshTokenRevocations).toBe(3);
  });

  it('changes nothing a user read shows', async () => {
    const [first] = await allUsers();
    const before = (await api(`/users/${first.id}`)).body;
    await api(`/users/${first.id}/tokens`, { method: 'DELETE' });
    expect((await api(`/users/${first.id}`)).body).toEqual(before);
  });
});
