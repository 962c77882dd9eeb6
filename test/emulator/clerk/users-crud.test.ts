import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi, NEW_USER, stableEnvelope } from './helpers.js';
import { expectShape, expectUserShape } from './spec-shapes.js';

describe('Clerk emulator: get, create, update and delete users', () => {
  const emulator = useEmulator();
  const api = clerkApi(emulator);
  const count = async () => (await api.get('/users/count')).body.total_count as number;

  it('gets a user in the exact shape of the spec', async () => {
    for (const listed of await api.allUsers()) {
      const res = await api.get(`/users/${listed.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(listed);
      expectUserShape(res.body);
    }
  });

  it('answers an unknown user with resource_not_found', async () => {
    const res = await api.get('/users/user_doesnotexist');
    expect(res.status).toBe(404);
    expect(stableEnvelope(res.body)).toMatchInlineSnapshot(`
      {
        "clerk_trace_id": "<trace id>",
        "errors": [
          {
            "code": "resource_not_found",
            "long_message": "No user was found with id user_doesnotexist",
            "message": "not found",
            "meta": {},
          },
        ],
        "meta": {},
      }
    `);
  });

  it('creates a user with 200, verified identifiers and no secret in the answer', async () => {
    const res = await api.post('/users', {
      ...NEW_USER,
      phone_number: ['+14155550100'],
      username: 'new_person',
      external_id: 'legacy-42',
      public_metadata: { plan: 'pro' },
      private_metadata: { crm: 1 },
    });
    expect(res.status).toBe(200);
    expectUserShape(res.body);
    expect(res.body).toMatchObject({
      object: 'user',
      first_name: 'New',
      username: 'new_person',
      external_id: 'legacy-42',
      password_enabled: true,
      public_metadata: { plan: 'pro' },
      private_metadata: { crm: 1 },
      banned: false,
      locked: false,
    });
    expect(res.body.id).toMatch(/^user_[0-9A-Za-z]{27}$/);
    expect(res.body.email_addresses[0]).toMatchObject({
      email_address: 'new.person@example.com',
      reserved: false,
      verification: { object: 'verification_admin', status: 'verified', strategy: 'admin' },
    });
    expect(res.body.primary_email_address_id).toBe(res.body.email_addresses[0].id);
    expect(res.body.primary_phone_number_id).toBe(res.body.phone_numbers[0].id);
    expect(res.text).not.toContain(NEW_USER.password);
    expect(Math.abs(res.body.created_at - Date.now())).toBeLessThan(60_000);
    expect((await api.get(`/users/${res.body.id}`)).body).toEqual(res.body);
    expect(await count()).toBe(21);
  });

  it('honours identification statuses, created_at, TOTP, backup codes, banned and locked', async () => {
    const res = await api.post('/users', {
      email_address: ['first@example.com', 'second@example.com'],
      email_address_identification_status: ['verified', 'reserved'],
      phone_number: ['+447700900123'],
      phone_number_identification_status: ['reserved'],
      skip_password_requirement: true,
      created_at: '2020-01-02T03:04:05.678Z',
      totp_secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      backup_codes: ['aaaa1111', 'bbbb2222'],
      banned: true,
      locked: true,
    });
    expect(res.status).toBe(200);
    const user = res.body;
    expect(user.email_addresses.map((e: any) => e.reserved)).toEqual([false, true]);
    expect(user.email_addresses[1].verification).toMatchObject({
      object: 'verification_otp',
      status: 'unverified',
      strategy: 'email_code',
    });
    expect(user.phone_numbers[0]).toMatchObject({
      reserved: true,
      verification: { status: 'unverified', strategy: 'phone_code' },
    });
    expect(user.created_at).toBe(Date.parse('2020-01-02T03:04:05.678Z'));
    expect(user).toMatchObject({
      password_enabled: false,
      totp_enabled: true,
      backup_code_enabled: true,
      two_factor_enabled: true,
      banned: true,
      locked: true,
    });
    expect(user.lockout_expires_in_seconds).toBeGreaterThan(3500);
    expect(user.mfa_enabled_at).toBeTypeOf('number');
  });

  it.each([
    ['a malformed e-mail', { email_address: ['not-an-email'] }, 'form_param_format_invalid', 'email_address'],
    [
      'a phone not in E.164',
      { email_address: ['x@example.com'], phone_number: ['0123 456'] },
      'form_param_format_invalid',
      'phone_number',
    ],
    [
      'an unknown field',
      { email_address: ['x@example.com'], favourite_colour: 'blue' },
      'form_param_unknown',
      'favourite_colour',
    ],
    ['a taken e-mail', 'taken-email', 'form_identifier_exists', 'email_address'],
    ['a taken phone', 'taken-phone', 'form_identifier_exists', 'phone_number'],
    ['a taken username', 'taken-username', 'form_identifier_exists', 'username'],
    ['a taken external id', 'taken-external-id', 'form_identifier_exists', 'external_id'],
    [
      'the same e-mail twice',
      { email_address: ['dup@example.com', 'DUP@example.com'] },
      'form_param_duplicate',
      'email_address',
    ],
    [
      'a short password',
      { email_address: ['x@example.com'], password: 'short' },
      'form_password_length_too_short',
      'password',
    ],
    [
      'a breached password',
      { email_address: ['x@example.com'], password: 'password123' },
      'form_password_pwned',
      'password',
    ],
    ['no password', { email_address: ['x@example.com'] }, 'form_param_missing', 'password'],
    ['no identifier', { password: 'a-long-enough-password' }, 'form_data_missing', 'email_address'],
    [
      'a bad created_at',
      { ...NEW_USER, created_at: 'last tuesday' },
      'form_param_invalid_time',
      'created_at',
    ],
    [
      'mismatched statuses',
      { ...NEW_USER, email_address_identification_status: ['verified', 'reserved'] },
      'form_param_array_length_mismatch',
      'email_address_identification_status',
    ],
    ['a wrong type', { ...NEW_USER, first_name: 42 }, 'form_param_type_invalid', 'first_name'],
    [
      'a bad TOTP secret',
      { ...NEW_USER, totp_secret: 'not base32!' },
      'form_param_format_invalid',
      'totp_secret',
    ],
    ['a short username', { ...NEW_USER, username: 'ab' }, 'form_username_invalid_length', 'username'],
    [
      'metadata over 8 KB',
      { ...NEW_USER, public_metadata: { blob: 'x'.repeat(9000) } },
      'form_param_value_too_large',
      'public_metadata',
    ],
  ])('refuses %s with 422 and creates nobody', async (_, bodyOrCase, code, param) => {
    const [someone] = await api.allUsers();
    const taken: Record<string, unknown> = {
      'taken-email': { ...NEW_USER, email_address: [someone.email_addresses[0].email_address.toUpperCase()] },
      'taken-phone': {
        ...NEW_USER,
        phone_number: [
          (await api.allUsers()).find((u) => u.phone_numbers.length)?.phone_numbers[0].phone_number,
        ],
      },
      'taken-username': { ...NEW_USER, username: (await api.allUsers()).find((u) => u.username)?.username },
      'taken-external-id': {
        ...NEW_USER,
        external_id: (await api.allUsers()).find((u) => u.external_id)?.external_id,
      },
    };
    const body = typeof bodyOrCase === 'string' ? taken[bodyOrCase] : bodyOrCase;
    const res = await api.post('/users', body);
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ code, meta: { param_name: param } }));
    expect(await count()).toBe(20);
  });

  it('reports every problem of a body at once', async () => {
    const res = await api.post('/users', { email_address: ['bad'], phone_number: ['12'], colour: 'red' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.meta.param_name).sort()).toEqual(['colour']);
    const semantic = await api.post('/users', {
      email_address: ['bad'],
      phone_number: ['12'],
      password: 'a-long-enough-password',
    });
    expect(semantic.body.errors.map((e: any) => e.meta.param_name).sort()).toEqual([
      'email_address',
      'phone_number',
    ]);
  });

  it('pins the 422 envelope of an invalid e-mail', async () => {
    const res = await api.post('/users', { ...NEW_USER, email_address: ['nope'] });
    expect(stableEnvelope(res.body)).toMatchInlineSnapshot(`
      {
        "clerk_trace_id": "<trace id>",
        "errors": [
          {
            "code": "form_param_format_invalid",
            "long_message": "email_address must be a valid email address.",
            "message": "is invalid",
            "meta": {
              "param_name": "email_address",
            },
          },
        ],
        "meta": {},
      }
    `);
  });

  it('updates fields, clears with null and keeps what is not sent', async () => {
    const [user] = await api.allUsers();
    const res = await api.patch(`/users/${user.id}`, {
      first_name: 'Renamed',
      external_id: null,
      username: 'Brand_New',
      delete_self_enabled: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      first_name: 'Renamed',
      last_name: user.last_name,
      external_id: null,
      username: 'brand_new',
      delete_self_enabled: false,
    });
    expect(res.body.updated_at).toBeGreaterThan(user.updated_at);
    expect((await api.get(`/users?username=brand_new`)).body[0].id).toBe(user.id);
  });

  it('sets a new password and primary identifiers on update', async () => {
    const user = (await api.allUsers()).find((u) => u.email_addresses.length > 1);
    const second = user.email_addresses[1].id;
    const res = await api.patch(`/users/${user.id}`, {
      password: 'another-long-password',
      primary_email_address_id: second,
    });
    expect(res.body.primary_email_address_id).toBe(second);
    expect(
      (await api.post(`/users/${user.id}/verify_password`, { password: 'another-long-password' })).body,
    ).toEqual({ verified: true });
    const bad = await api.patch(`/users/${user.id}`, { primary_email_address_id: 'idn_not_theirs' });
    expect(bad.status).toBe(422);
  });

  it("refuses a username taken by someone else but not the user's own", async () => {
    const [a, b] = (await api.allUsers()).filter((u) => u.username);
    expect((await api.patch(`/users/${a.id}`, { username: a.username })).status).toBe(200);
    const res = await api.patch(`/users/${a.id}`, { username: b.username });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('form_identifier_exists');
    expect((await api.get(`/users/${a.id}`)).body.username).toBe(a.username);
  });

  it('refuses metadata on PATCH /users/{id} under 2026-05-12, and accepts it (replacing) under 2025-11-10', async () => {
    const [user] = await api.allUsers();
    const current = await api.patch(`/users/${user.id}`, { first_name: 'X', public_metadata: { a: 1 } });
    expect(current.status).toBe(422);
    expect(current.body.errors[0]).toMatchObject({
      code: 'form_param_unknown',
      meta: { param_name: 'public_metadata' },
    });
    expect((await api.get(`/users/${user.id}`)).body.first_name).toBe(user.first_name);

    const older = await api.patch(
      `/users/${user.id}`,
      { public_metadata: { a: 1 } },
      { headers: { 'clerk-api-version': '2025-11-10' } },
    );
    expect(older.status).toBe(200);
    expect(older.body.public_metadata).toEqual({ a: 1 });
  });

  it('updates nothing when one field is invalid', async () => {
    const [user] = await api.allUsers();
    const res = await api.patch(`/users/${user.id}`, { first_name: 'Changed', password: 'short' });
    expect(res.status).toBe(422);
    expect((await api.get(`/users/${user.id}`)).body).toEqual(user);
  });

  it('deletes a user with a DeletedObject, frees its identifiers and drops its memberships', async () => {
    const user = (await api.allUsers()).find((u) => u.username);
    const memberships = (await api.get(`/users/${user.id}/organization_memberships`)).body.total_count;
    const before = (await api.get('/organization_memberships')).body.total_count;
    const res = await api.delete(`/users/${user.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'user', id: user.id, deleted: true });
    expectShape('DeletedObject', res.body);
    expect((await api.get(`/users/${user.id}`)).status).toBe(404);
    expect((await api.delete(`/users/${user.id}`)).status).toBe(404);
    expect((await api.get('/organization_memberships')).body.total_count).toBe(before - memberships);
    const again = await api.post('/users', {
      ...NEW_USER,
      email_address: [user.email_addresses[0].email_address],
      username: user.username,
    });
    expect(again.status).toBe(200);
  });

  it.each(['..%2Fx', 'a%2Fb', '%2E%2E', 'user_x%00', '%252F'])(
    'answers a hostile id %s with 404 and changes nothing',
    async (id) => {
      const before = await api.allUsers();
      for (const [method, suffix] of [
        ['GET', ''],
        ['DELETE', ''],
        ['PATCH', ''],
        ['POST', '/ban'],
        ['PATCH', '/metadata'],
      ] as const) {
        const res = await (method === 'GET'
          ? api.get(`/users/${id}${suffix}`)
          : method === 'DELETE'
            ? api.delete(`/users/${id}${suffix}`)
            : method === 'POST'
              ? api.post(`/users/${id}${suffix}`)
              : api.patch(`/users/${id}${suffix}`, { first_name: 'x' }));
        expect(res.status).toBe(404);
        expect(res.body.errors[0].code).toBe('resource_not_found');
      }
      expect(await api.allUsers()).toEqual(before);
    },
  );
});
