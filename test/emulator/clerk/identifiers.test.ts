import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi } from './helpers.js';
import { expectShape, expectUserShape } from './spec-shapes.js';

describe('Clerk emulator: e-mail addresses and phone numbers', () => {
  const emulator = useEmulator({ users: 10 });
  const api = clerkApi(emulator);

  it('creates, updates and deletes an e-mail address in the spec’s shapes', async () => {
    const [user] = await api.allUsers();
    const created = await api.post('/email_addresses', {
      user_id: user.id,
      email_address: 'shape@example.com',
    });
    expect(created.status).toBe(200);
    expectShape('EmailAddress', created.body);
    expect(created.body).toMatchObject({ email_address: 'shape@example.com', reserved: true });
    expect(created.body.verification.status).toBe('unverified');

    const updated = await api.patch(`/email_addresses/${created.body.id}`, { verified: true, primary: true });
    expectShape('EmailAddress', updated.body);
    expect(updated.body.verification).toMatchObject({ status: 'verified', strategy: 'admin' });
    const after = (await api.get(`/users/${user.id}`)).body;
    expectUserShape(after);
    expect(after.primary_email_address_id).toBe(created.body.id);

    const deleted = await api.delete(`/email_addresses/${created.body.id}`);
    expectShape('DeletedObject', deleted.body);
    expect(deleted.body).toEqual({ object: 'email_address', id: created.body.id, deleted: true });
    const final = (await api.get(`/users/${user.id}`)).body;
    expect(final.primary_email_address_id).toBe(final.email_addresses[0].id);
  });

  it('creates a verified primary phone number', async () => {
    const [user] = await api.allUsers();
    const { body } = await api.post('/phone_numbers', {
      user_id: user.id,
      phone_number: '+15005550123',
      verified: true,
      primary: true,
    });
    expectShape('PhoneNumber', body);
    expect((await api.get(`/users/${user.id}`)).body.primary_phone_number_id).toBe(body.id);
  });

  it.each([
    [
      'an unknown user',
      { user_id: 'user_missing', email_address: 'a@example.com' },
      404,
      'resource_not_found',
    ],
    ['a malformed address', { user_id: '', email_address: 'nope' }, 422, 'form_param_format_invalid'],
    [
      'an unknown field',
      { user_id: '', email_address: 'a@example.com', admin: true },
      422,
      'form_param_unknown',
    ],
  ])('refuses %s', async (_, body, status, code) => {
    const users = await api.allUsers();
    const sent = { ...body, user_id: body.user_id || users[0].id };
    const response = await api.post('/email_addresses', sent);
    expect(response.status).toBe(status);
    expect(response.body.errors[0].code).toBe(code);
  });

  it('404s an unknown identifier id', async () => {
    const response = await api.patch('/phone_numbers/idn_missing', { verified: true });
    expect(response.status).toBe(404);
    expect(response.body.errors[0].long_message).toBe('No phone number was found with id idn_missing');
  });
});
