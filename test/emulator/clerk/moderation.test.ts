import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi } from './helpers.js';

describe('Clerk emulator: ban, unban, lock and unlock', () => {
  const emulator = useEmulator();
  const api = clerkApi(emulator);

  it('bans and unbans a user, answering the User', async () => {
    const user = (await api.allUsers()).find((u) => !u.banned);
    const banned = await api.post(`/users/${user.id}/ban`);
    expect(banned.status).toBe(200);
    expect(banned.body).toMatchObject({ id: user.id, object: 'user', banned: true });
    expect((await api.get(`/users?banned=true&user_id=${user.id}`)).body).toHaveLength(1);
    expect((await api.post(`/users/${user.id}/unban`)).body.banned).toBe(false);
    expect((await api.get(`/users/${user.id}`)).body.banned).toBe(false);
  });

  it('locks a user for the default lockout and unlocks it', async () => {
    const user = (await api.allUsers()).find((u) => !u.locked);
    const locked = await api.post(`/users/${user.id}/lock`);
    expect(locked.body).toMatchObject({ locked: true, verification_attempts_remaining: 0 });
    expect(locked.body.lockout_expires_in_seconds).toBeGreaterThan(3590);
    expect(locked.body.lockout_expires_in_seconds).toBeLessThanOrEqual(3600);
    const unlocked = await api.post(`/users/${user.id}/unlock`);
    expect(unlocked.body).toMatchObject({
      locked: false,
      lockout_expires_in_seconds: null,
      verification_attempts_remaining: 100,
    });
  });

  it.each(['ban', 'unban', 'lock', 'unlock'])(
    'answers POST /users/{id}/%s for an unknown user with 404',
    async (action) => {
      const res = await api.post(`/users/user_nobody/${action}`);
      expect(res.status).toBe(404);
      expect(res.body.errors[0].long_message).toBe('No user was found with id user_nobody');
    },
  );

  it('bans and unbans many users at once, answering User[]', async () => {
    const ids = (await api.allUsers()).slice(0, 5).map((u) => u.id);
    const res = await api.post('/users/ban', { user_ids: ids });
    expect(res.status).toBe(200);
    expect(res.body.map((u: any) => [u.id, u.banned])).toEqual(ids.map((id) => [id, true]));
    const unbanned = await api.post('/users/unban', { user_ids: ids });
    expect(unbanned.body.every((u: any) => u.banned === false)).toBe(true);
  });

  it.each([
    ['no ids', { user_ids: [] }, 'form_param_missing'],
    [
      '51 ids',
      { user_ids: Array.from({ length: 51 }, (_, i) => `user_${i}`) },
      'form_param_array_size_exceeded',
    ],
    ['no body field', {}, 'form_param_missing'],
    ['a string instead of a list', { user_ids: 'user_1' }, 'form_param_type_invalid'],
  ])('refuses a bulk ban with %s', async (_, body, code) => {
    const res = await api.post('/users/ban', body);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe(code);
  });

  it('bans nobody when one id of the list is unknown', async () => {
    const ids = (await api.allUsers())
      .filter((u) => !u.banned)
      .slice(0, 3)
      .map((u) => u.id);
    const res = await api.post('/users/ban', { user_ids: [...ids, 'user_nobody'] });
    expect(res.status).toBe(404);
    for (const id of ids) expect((await api.get(`/users/${id}`)).body.banned).toBe(false);
  });
});
