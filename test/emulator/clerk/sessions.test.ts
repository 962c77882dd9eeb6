import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi } from './helpers.js';
import { expectShape } from './spec-shapes.js';

describe('Clerk emulator: sessions', () => {
  const emulator = useEmulator({ users: 30 });
  const api = clerkApi(emulator);

  async function sessionsOf(userId: string, query = ''): Promise<any[]> {
    const { status, body } = await api.get(`/sessions?user_id=${userId}&limit=500${query}`);
    expect(status).toBe(200);
    return body;
  }

  it('seeds active and ended sessions, each shaped as the spec’s Session', async () => {
    const statuses = new Set<string>();
    for (const user of await api.allUsers()) {
      for (const session of await sessionsOf(user.id)) {
        expectShape('Session', session);
        expectShape('SessionActivityResponse', session.latest_activity);
        expect(session.user_id).toBe(user.id);
        statuses.add(session.status);
      }
    }
    expect(statuses).toContain('active');
    expect([...statuses].some((status) => status !== 'active')).toBe(true);
  });

  it('lists newest first, filters by status, pages, and answers the envelope with paginated=true', async () => {
    const users = await api.allUsers();
    const counts = await Promise.all(
      users.map(async (u) => [u.id, (await sessionsOf(u.id)).length] as const),
    );
    const [userId] = counts.find(([, count]) => count >= 2)!;
    const all = await sessionsOf(userId);
    expect(all.map((s) => s.created_at)).toEqual([...all.map((s) => s.created_at)].sort((a, b) => b - a));
    expect((await sessionsOf(userId, '&status=active')).every((s) => s.status === 'active')).toBe(true);
    const { body: page } = await api.get(`/sessions?user_id=${userId}&limit=1&offset=1`);
    expect(page).toEqual([all[1]]);
    const { body: envelope } = await api.get(`/sessions?user_id=${userId}&paginated=true&limit=1`);
    expect(envelope).toEqual({ data: [all[0]], total_count: all.length });
  });

  it('revokes a session, gets it by id, and 404s an unknown one', async () => {
    const users = await api.allUsers();
    let active: any;
    for (const user of users) {
      active ??= (await sessionsOf(user.id, '&status=active'))[0];
    }
    const { status, body } = await api.post(`/sessions/${active.id}/revoke`);
    expect(status).toBe(200);
    expectShape('Session', body);
    expect(body.status).toBe('revoked');
    expect((await api.get(`/sessions/${active.id}`)).body.status).toBe('revoked');
    const missing = await api.post('/sessions/sess_missing/revoke');
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].code).toBe('resource_not_found');
  });

  it('refuses an unknown status with a 422 naming it', async () => {
    const { status, body } = await api.get('/sessions?user_id=user_x&status=sleeping');
    expect(status).toBe(422);
    expect(body.errors[0].meta.param_name).toBe('status');
  });
});
