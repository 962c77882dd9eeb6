import { describe, expect, it } from 'vitest';
import { usePassageApi } from './passage-api.js';

const ZERO_TIME = '0001-01-01T00:00:00.000Z';

describe('passage: create user', () => {
  const { api, stats } = usePassageApi();

  it('creates a user by e-mail: 201 {user}, active, nothing verified, never logged in', async () => {
    const started = Date.now();
    const response = await api('/users', { method: 'POST', body: { email: 'New.Person@Example.com' } });
    expect(response.status).toBe(201);
    const { user } = response.body;
    expect(user).toMatchObject({
      email: 'new.person@example.com',
      email_verified: false,
      phone: '',
      phone_verified: false,
      external_id: '',
      status: 'active',
      login_count: 0,
      last_login_at: ZERO_TIME,
      user_metadata: null,
      webauthn: false,
      webauthn_devices: [],
      webauthn_types: [],
      recent_events: [],
      social_connections: {},
    });
    expect(user.id).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(Date.parse(user.created_at)).toBeGreaterThanOrEqual(started);
    expect(user.updated_at).toBe(user.created_at);
    expect((await api(`/users/${user.id}`)).body.user).toEqual(user);
    expect(stats().users).toBe(21);
  });

  it('creates a user by phone, or by both, with user_metadata', async () => {
    const byPhone = await api('/users', { method: 'POST', body: { phone: '+15005550012' } });
    expect(byPhone.status).toBe(201);
    expect(byPhone.body.user).toMatchObject({ email: '', phone: '+15005550012' });
    const both = await api('/users', {
      method: 'POST',
      body: { email: 'both@example.com', phone: '+447700900777', user_metadata: { plan: 'pro', seats: 3 } },
    });
    expect(both.status).toBe(201);
    expect(both.body.user).toMatchObject({
      email: 'both@example.com',
      phone: '+447700900777',
      user_metadata: { plan: 'pro', seats: 3 },
    });
  });

  it('lists a user at once after creating it', async () => {
    const { user } = (await api('/users', { method: 'POST', body: { email: 'fresh@example.com' } })).body;
    const listed = await api('/users?identifier=fresh@example.com');
    expect(listed.body.users.map((u: { id: string }) => u.id)).toEqual([user.id]);
  });

  it.each([
    ['an invalid e-mail', { email: 'not-an-email' }, 'identifier: must be a valid email address.'],
    ['a blank e-mail', { email: '  ' }, 'identifier: must be a valid email address.'],
    ['a phone not in E.164', { phone: '555-0100' }, 'identifier: must be a valid E164 number.'],
    ['a blank phone', { phone: '  ' }, 'identifier: must be a valid E164 number.'],
    ['a phone without +', { phone: '15005550012' }, 'identifier: must be a valid E164 number.'],
    ['neither identifier', {}, 'identifier: email or phone is required.'],
    ['empty identifiers', { email: '', phone: '' }, 'identifier: email or phone is required.'],
    ['only metadata', { user_metadata: { plan: 'pro' } }, 'identifier: email or phone is required.'],
    ['a non-string e-mail', { email: 42 }, 'email: must be a string'],
    [
      'array metadata',
      { email: 'a@example.com', user_metadata: [1] },
      'user_metadata: must be an object or null',
    ],
    ['a body that is not an object', ['a@example.com'], 'body: the request body must be a JSON object'],
  ])('refuses %s with 400 invalid_request and creates nothing', async (_name, body, error) => {
    const response = await api('/users', { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 'invalid_request', error });
    expect(stats().users).toBe(20);
  });

  it('refuses an empty body as having no identifier', async () => {
    const response = await api('/users', { method: 'POST' });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('identifier: email or phone is required.');
  });

  it('answers 409 identifier_already_exists for a taken e-mail (any case) or phone', async () => {
    const users = await (await api('/users?limit=500')).body.users;
    const withEmail = users.find((u: { email: string }) => u.email);
    const withPhone = users.find((u: { phone: string }) => u.phone);
    const email = await api('/users', { method: 'POST', body: { email: withEmail.email.toUpperCase() } });
    expect(email.status).toBe(409);
    expect(email.body).toMatchInlineSnapshot(`
      {
        "code": "identifier_already_exists",
        "error": "identifier: a user with this email already exists.",
      }
    `);
    const phone = await api('/users', {
      method: 'POST',
      body: { email: 'other@example.com', phone: withPhone.phone },
    });
    expect(phone.status).toBe(409);
    expect(phone.body.error).toBe('identifier: a user with this phone already exists.');
    expect(stats().users).toBe(20);
  });
});

describe('passage: get, update and delete a user', () => {
  const { api, stats, allUsers } = usePassageApi();

  const createUser = async (body: object) => (await api('/users', { method: 'POST', body })).body.user;

  it('gets a user by id', async () => {
    const [first] = await allUsers();
    const response = await api(`/users/${first.id}`);
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject(first);
  });

  it('answers 404 user_not_found for an unknown user on every user route', async () => {
    const routes: [string, string][] = [
      ['GET', '/users/nobody'],
      ['PATCH', '/users/nobody'],
      ['DELETE', '/users/nobody'],
      ['PATCH', '/users/nobody/activate'],
      ['PATCH', '/users/nobody/deactivate'],
      ['GET', '/users/nobody/devices'],
      ['DELETE', '/users/nobody/devices/some-device'],
      ['DELETE', '/users/nobody/tokens'],
    ];
    for (const [method, path] of routes) {
      const response = await api(path, { method, body: method === 'PATCH' ? {} : undefined });
      expect({ method, path, status: response.status, body: response.body }).toEqual({
        method,
        path,
        status: 404,
        body: { code: 'user_not_found', error: 'User not found' },
      });
    }
  });

  it('updates identifiers, un-verifying what changed, and moves updated_at', async () => {
    const seeded = (await allUsers()).find((u) => u.email_verified && u.phone_verified);
    const response = await api(`/users/${seeded.id}`, {
      method: 'PATCH',
      body: { email: 'Moved@Example.com' },
    });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({
      email: 'moved@example.com',
      email_verified: false,
      phone: seeded.phone,
      phone_verified: true,
    });
    expect(Date.parse(response.body.user.updated_at)).toBeGreaterThan(Date.parse(seeded.updated_at));
    expect((await api(`/users?identifier=${encodeURIComponent(seeded.email)}`)).body.total_users).toBe(0);
    expect((await api('/users?identifier=moved@example.com')).body.users[0].id).toBe(seeded.id);
  });

  it('merges user_metadata key by key; null removes a key, a null object clears it', async () => {
    const user = await createUser({ email: 'meta@example.com', user_metadata: { plan: 'free', seats: 1 } });
    const patch = { user_metadata: { plan: 'pro', seats: null, team: 'core' } };
    const merged = await api(`/users/${user.id}`, { method: 'PATCH', body: patch });
    expect(merged.body.user.user_metadata).toEqual({ plan: 'pro', team: 'core' });
    const cleared = await api(`/users/${user.id}`, { method: 'PATCH', body: { user_metadata: null } });
    expect(cleared.body.user.user_metadata).toBeNull();
  });

  it('keeps a "__proto__" metadata key as data', async () => {
    const user = await createUser({ email: 'proto@example.com' });
    const response = await api(`/users/${user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      rawBody: '{"user_metadata": {"__proto__": {"polluted": true}, "plan": "pro"}}',
    });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.user.user_metadata).sort()).toEqual(['__proto__', 'plan']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats an empty body or empty strings as no change, keeping updated_at', async () => {
    const user = await createUser({ email: 'same@example.com', phone: '+15005550999' });
    for (const body of [{}, { email: '', phone: '' }, { email: 'same@example.com' }]) {
      const response = await api(`/users/${user.id}`, { method: 'PATCH', body });
      expect(response.status).toBe(200);
      expect(response.body.user).toEqual(user);
    }
  });

  it.each([
    ['an invalid e-mail', { email: 'nope' }, 400],
    ['a blank phone', { phone: '  ' }, 400],
    ['a good e-mail with a bad phone', { email: 'fine@example.com', phone: '12' }, 400],
    ['a taken e-mail', 'taken-email', 409],
    ['non-object metadata', { user_metadata: 'plan=pro' }, 400],
  ])('refuses %s and changes nothing', async (_name, body, status) => {
    const [target, other] = (await allUsers()).filter((u) => u.email);
    const payload = body === 'taken-email' ? { email: other.email, user_metadata: { x: 1 } } : body;
    const response = await api(`/users/${target.id}`, { method: 'PATCH', body: payload });
    expect(response.status).toBe(status);
    expect((await api(`/users/${target.id}`)).body.user).toMatchObject(target);
  });

  it('deletes a user: 200 with an empty body, then 404', async () => {
    const [first] = await allUsers();
    const response = await api(`/users/${first.id}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(response.headers.get('content-type')).toBeNull();
    expect((await api(`/users/${first.id}`)).status).toBe(404);
    expect(stats().users).toBe(19);
  });

  it("frees a deleted user's identifiers for a new user", async () => {
    const first = (await allUsers()).find((u) => u.email);
    await api(`/users/${first.id}`, { method: 'DELETE' });
    expect((await api('/users', { method: 'POST', body: { email: first.email } })).status).toBe(201);
  });
});

describe('passage: activate and deactivate', () => {
  const { api, allUsers, stats } = usePassageApi({ users: 60 });

  it('deactivates and activates, idempotently, answering {user} with the status', async () => {
    const active = (await allUsers()).find((u) => u.status === 'active');
    const off = await api(`/users/${active.id}/deactivate`, { method: 'PATCH' });
    expect(off.status).toBe(200);
    expect(off.body.user).toMatchObject({ id: active.id, status: 'inactive' });
    expect(off.body.user.webauthn_devices).toBeInstanceOf(Array);
    const again = await api(`/users/${active.id}/deactivate`, { method: 'PATCH' });
    expect(again.body.user).toEqual(off.body.user);
    const on = await api(`/users/${active.id}/activate`, { method: 'PATCH' });
    expect(on.body.user.status).toBe('active');
  });

  it('activates a pending user', async () => {
    const pending = (await allUsers()).find((u) => u.status === 'pending');
    expect(pending).toBeDefined();
    const before = stats().pendingUsers ?? 0;
    const on = await api(`/users/${pending.id}/activate`, { method: 'PATCH' });
    expect(on.body.user.status).toBe('active');
    expect(stats().pendingUsers).toBe(before - 1);
  });
});

describe('passage: hostile ids', () => {
  const { api, stats, emulator } = usePassageApi();

  it.each(['..%2Fx', 'a%2Fb', '%2E%2E', '..%2F..%2Fusers', '%00', 'x%3Fpage%3D2'])(
    'answers %s with 404 and changes nothing',
    async (id) => {
      const before = stats();
      for (const [method, path] of [
        ['GET', `/users/${id}`],
        ['DELETE', `/users/${id}`],
        ['PATCH', `/users/${id}/deactivate`],
        ['DELETE', `/users/${id}/tokens`],
      ] as const) {
        const response = await api(path, { method });
        expect(response.status).toBe(404);
        expect(response.body.code).toMatch(/^(user_not_found|not_found)$/);
      }
      expect(stats()).toEqual(before);
      expect(
        emulator()
          .control.requests()
          .every((r) => r.status === 404),
      ).toBe(true);
    },
  );
});
