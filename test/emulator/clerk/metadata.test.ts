import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi } from './helpers.js';

describe('Clerk emulator: user metadata', () => {
  const emulator = useEmulator();
  const api = clerkApi(emulator);

  async function userWith(metadata: Record<string, unknown>) {
    const [user] = await api.allUsers();
    await api.put(`/users/${user.id}/metadata`, metadata);
    return user.id as string;
  }

  it('deep-merges with PATCH and removes keys set to null at any depth', async () => {
    const id = await userWith({
      public_metadata: {
        plan: 'free',
        prefs: { theme: 'dark', lang: 'en', nested: { a: 1, b: 2 } },
        tags: ['a'],
      },
      private_metadata: { crm: 7 },
    });
    const res = await api.patch(`/users/${id}/metadata`, {
      public_metadata: { plan: null, prefs: { lang: 'fr', nested: { b: null, c: 3 } }, tags: ['b'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.public_metadata).toEqual({
      prefs: { theme: 'dark', lang: 'fr', nested: { a: 1, c: 3 } },
      tags: ['b'],
    });
    expect(res.body.private_metadata).toEqual({ crm: 7 });
    expect((await api.get(`/users/${id}`)).body.public_metadata).toEqual(res.body.public_metadata);
  });

  it('empties a field merged with a top-level null', async () => {
    const id = await userWith({ unsafe_metadata: { a: 1 } });
    expect(
      (await api.patch(`/users/${id}/metadata`, { unsafe_metadata: null })).body.unsafe_metadata,
    ).toEqual({});
  });

  it('replaces each field sent with PUT, leaves the others, clears with {} and stores null', async () => {
    const id = await userWith({
      public_metadata: { a: { b: 1 } },
      private_metadata: { keep: true },
      unsafe_metadata: { x: 1 },
    });
    const res = await api.put(`/users/${id}/metadata`, { public_metadata: { c: 2 }, unsafe_metadata: {} });
    expect(res.body).toMatchObject({
      public_metadata: { c: 2 },
      private_metadata: { keep: true },
      unsafe_metadata: {},
    });
    expect(
      (await api.put(`/users/${id}/metadata`, { private_metadata: null })).body.private_metadata,
    ).toBeNull();
  });

  it('accepts exactly 8 KB and refuses more, changing nothing', async () => {
    const id = await userWith({ public_metadata: { v: 1 } });
    const padding = 8 * 1024 - JSON.stringify({ blob: '' }).length;
    expect(
      (await api.put(`/users/${id}/metadata`, { public_metadata: { blob: 'x'.repeat(padding) } })).status,
    ).toBe(200);
    await api.put(`/users/${id}/metadata`, { public_metadata: { v: 1 } });
    const res = await api.patch(`/users/${id}/metadata`, { public_metadata: { blob: 'x'.repeat(padding) } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({
      code: 'form_param_value_too_large',
      meta: { param_name: 'public_metadata' },
    });
    expect((await api.get(`/users/${id}`)).body.public_metadata).toEqual({ v: 1 });
  });

  it.each([
    ['an unknown field', { public_metadata: {}, secret_metadata: {} }, 'form_param_unknown'],
    ['an array', { public_metadata: [1, 2] }, 'form_param_type_invalid'],
    ['a string', { private_metadata: 'x' }, 'form_param_type_invalid'],
  ])('refuses %s with 422', async (_, body, code) => {
    const [user] = await api.allUsers();
    const res = await api.patch(`/users/${user.id}/metadata`, body);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe(code);
    expect((await api.get(`/users/${user.id}`)).body).toEqual(user);
  });

  it('answers an unknown user with 404', async () => {
    expect((await api.patch('/users/user_nobody/metadata', { public_metadata: {} })).status).toBe(404);
    expect((await api.put('/users/user_nobody/metadata', { public_metadata: {} })).status).toBe(404);
  });
});
