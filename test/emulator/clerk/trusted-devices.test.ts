import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi } from './helpers.js';
import { expectShape } from './spec-shapes.js';

describe('Clerk emulator: trusted devices', () => {
  const emulator = useEmulator({ users: 60 });
  const api = clerkApi(emulator);

  /** Every seeded user's active trusted devices, by user id. */
  async function devicesByUser(): Promise<Map<string, any[]>> {
    const out = new Map<string, any[]>();
    for (const user of await api.allUsers()) {
      const { status, body } = await api.get(`/users/${user.id}/trusted_devices`);
      expect(status).toBe(200);
      expect(body.total_count).toBe(body.data.length);
      if (body.data.length > 0) out.set(user.id, body.data);
    }
    return out;
  }

  it('lists a user’s active trusted devices in the spec’s shape', async () => {
    const byUser = await devicesByUser();
    expect(byUser.size).toBeGreaterThan(2);
    for (const device of [...byUser.values()].flat()) {
      expectShape('TrustedDevice', device);
      expect(device).toMatchObject({ object: 'trusted_device', status: 'active', algorithm: 'ES256' });
      expect(['ios', 'android']).toContain(device.platform);
    }
  });

  it('revokes one: answered revoked, gone from the list, the same on a repeat; 404 for another user’s', async () => {
    const [[userId, [device, ...rest]], [otherId]] = [...(await devicesByUser()).entries()] as any;
    const first = await api.delete(`/users/${userId}/trusted_devices/${device.id}`);
    expect(first.status).toBe(200);
    expectShape('TrustedDevice', first.body);
    expect(first.body).toMatchObject({ id: device.id, status: 'revoked', revoked_at: expect.any(Number) });
    const listed = (await api.get(`/users/${userId}/trusted_devices`)).body.data;
    expect(listed.map((d: any) => d.id)).toEqual(rest.map((d: any) => d.id));
    expect((await api.delete(`/users/${userId}/trusted_devices/${device.id}`)).body).toEqual(first.body);
    expect((await api.delete(`/users/${otherId}/trusted_devices/${device.id}`)).status).toBe(404);
    expect((await api.get('/users/user_missing/trusted_devices')).status).toBe(404);
  });
});
