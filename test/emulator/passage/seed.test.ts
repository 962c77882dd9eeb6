import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import { createPassageEmulator } from '../../../src/emulator/passage/index.js';
import { call } from '../../helpers/emulator.js';
import { usePassageApi } from './passage-api.js';

const USER_INFO_FIELDS = [
  'created_at',
  'email',
  'email_verified',
  'external_id',
  'id',
  'last_login_at',
  'login_count',
  'phone',
  'phone_verified',
  'recent_events',
  'social_connections',
  'status',
  'updated_at',
  'user_metadata',
  'webauthn',
  'webauthn_devices',
  'webauthn_types',
];
const EVENT_FIELDS = [
  'action',
  'completed_at',
  'created_at',
  'id',
  'ip_addr',
  'social_login_type',
  'status',
  'type',
  'user_agent',
  'user_agent_display',
];
const SOCIAL_CONNECTION_FIELDS = ['created_at', 'last_login_at', 'provider_id', 'provider_identifier'];
const WINDOW_START = '2023-01-15T00:00:00.000Z';
const WINDOW_END = '2026-01-15T00:00:00.000Z';
const ZERO_TIME = '0001-01-01T00:00:00.000Z';

/** Every user of a running emulator, in full (`GET /users/{id}` each). */
async function fullUsers(emulator: RunningEmulator): Promise<any[]> {
  const base = `${emulator.passageUrl}/apps/${emulator.keys.passageAppId}`;
  const headers = { authorization: `Bearer ${emulator.keys.passageApiKey}` };
  const list = await call(`${base}/users?limit=500&order_by=id:ASC`, { headers });
  const one = async (id: string) => (await call(`${base}/users/${id}`, { headers })).body.user;
  return Promise.all(list.body.users.map((u: { id: string }) => one(u.id)));
}

describe('passage: seeding is deterministic', () => {
  const started: RunningEmulator[] = [];
  const start = async (seed: number) => {
    const emulator = await startEmulator({ users: 30, seed });
    started.push(emulator);
    return emulator;
  };
  afterAll(() => Promise.all(started.map((e) => e.stop())));

  it('gives the same users, devices and events for the same seed, and others for another', async () => {
    const [a, b, c] = await Promise.all([start(7), start(7), start(8)]);
    const usersA = await fullUsers(a);
    expect(usersA).toHaveLength(30);
    expect(await fullUsers(b)).toEqual(usersA);
    expect((await fullUsers(c)).map((u) => u.id)).not.toEqual(usersA.map((u) => u.id));
    a.control.reset();
    expect(await fullUsers(a)).toEqual(usersA);
  });

  it('gives the same ids to users created after the same seed', async () => {
    const [a, b] = await Promise.all([start(3), start(3)]);
    const create = async (emulator: RunningEmulator) =>
      (
        await call(`${emulator.passageUrl}/apps/${emulator.keys.passageAppId}/users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${emulator.keys.passageApiKey}` },
          body: { email: 'same@example.com' },
        })
      ).body.user.id;
    expect(await create(a)).toBe(await create(b));
  });

  // How fast is the benchmark's business; this only catches a step that grows out of proportion
  // (~0.1-0.3 s here; a quadratic one would take ~100× that), with room for a busy CI machine.
  it('seeds the 10,000 users of a benchmark in seconds, not minutes', () => {
    const passage = createPassageEmulator({ appId: 'app', apiKey: 'key' });
    passage.reset(100, 1); // warm up the code paths
    const startedAt = performance.now();
    passage.reset(10_000, 1);
    expect(performance.now() - startedAt).toBeLessThan(5_000);
    expect(passage.stats().users).toBe(10_000);
  });
});

describe('passage: seeded users look real', () => {
  const { emulator } = usePassageApi({ users: 200 });

  it('have every UserInfo field, in range, with a realistic mix', async () => {
    const users = await fullUsers(emulator());
    expect(users).toHaveLength(200);
    const count = (test: (u: any) => boolean) => users.filter(test).length;
    for (const user of users) {
      expect(Object.keys(user).sort()).toEqual(USER_INFO_FIELDS);
      expect(user.id).toMatch(/^[A-Za-z0-9]{24}$/);
      expect(user.email || user.phone).toBeTruthy();
      if (user.email) expect(user.email).toMatch(/^[a-z.]+\d+@[a-z.]+$/);
      if (user.phone) expect(user.phone).toMatch(/^\+[1-9]\d{1,14}$/);
      expect(user.created_at >= WINDOW_START && user.created_at < WINDOW_END).toBe(true);
      expect(user.updated_at >= user.created_at && user.updated_at < WINDOW_END).toBe(true);
      if (user.login_count === 0) expect(user.last_login_at).toBe(ZERO_TIME);
      else expect(user.last_login_at >= user.created_at).toBe(true);
      expect(user.webauthn_devices.length).toBeLessThanOrEqual(3);
      expect(user.webauthn).toBe(user.webauthn_devices.length > 0);
      expect(user.webauthn_types).toEqual([...new Set(user.webauthn_devices.map((d: any) => d.type))]);
      for (const event of user.recent_events) {
        expect(Object.keys(event).sort()).toEqual(EVENT_FIELDS);
        expect(event.completed_at === null).toBe(event.status === 'incomplete');
      }
      for (const connection of Object.values(user.social_connections) as any[]) {
        expect(Object.keys(connection).sort()).toEqual(SOCIAL_CONNECTION_FIELDS);
        expect(connection.provider_identifier).toBe(user.email);
      }
      if (user.status === 'pending') expect(user).toMatchObject({ login_count: 0, webauthn_devices: [] });
    }
    expect(count((u) => u.email && !u.phone)).toBeGreaterThan(60);
    expect(count((u) => !u.email && u.phone)).toBeGreaterThan(10);
    expect(count((u) => u.email && u.phone)).toBeGreaterThan(30);
    expect(count((u) => u.email_verified)).toBeGreaterThan(count((u) => u.email && !u.email_verified));
    expect(count((u) => u.status === 'active')).toBeGreaterThan(140);
    expect(count((u) => u.status === 'inactive')).toBeGreaterThan(5);
    expect(count((u) => u.status === 'pending')).toBeGreaterThan(0);
    for (let devices = 0; devices <= 3; devices++) {
      expect(count((u) => u.webauthn_devices.length === devices)).toBeGreaterThan(0);
    }
    expect(count((u) => u.webauthn_types.includes('security_key'))).toBeGreaterThan(0);
    expect(count((u) => Object.keys(u.social_connections).length > 0)).toBeGreaterThan(10);
    expect(count((u) => u.user_metadata !== null)).toBeGreaterThan(40);
    expect(count((u) => u.recent_events.length > 0)).toBeGreaterThan(50);
  });
});
