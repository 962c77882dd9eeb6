import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi } from './helpers.js';
import { expectShape } from './spec-shapes.js';

describe('Clerk emulator: instance invitations', () => {
  const emulator = useEmulator({ users: 10 });
  const api = clerkApi(emulator);

  it('lists seeded invitations in the spec’s shape, and the envelope with paginated=true', async () => {
    const { status, body } = await api.get('/invitations?limit=500');
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThan(0);
    body.forEach((invitation: any) => expectShape('Invitation', invitation));
    expect(body.some((i: any) => i.status === 'revoked')).toBe(false);
    const envelope = (await api.get('/invitations?paginated=true&limit=1')).body;
    expect(envelope).toEqual({ data: [body[0]], total_count: body.length });
  });

  it('creates one and in bulk, refuses a second pending invitation, revokes', async () => {
    const one = await api.post('/invitations', { email_address: 'one@example.com' });
    expectShape('Invitation', one.body);
    expect(one.body).toMatchObject({ status: 'pending', revoked: false, public_metadata: {} });
    const again = await api.post('/invitations', { email_address: 'one@example.com' });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].code).toBe('form_identifier_exists');
    const bulk = await api.post('/invitations/bulk', [
      { email_address: 'b1@example.com' },
      { email_address: 'b2@example.com' },
    ]);
    expect(bulk.body.map((i: any) => i.email_address)).toEqual(['b1@example.com', 'b2@example.com']);
    const revoked = await api.post(`/invitations/${one.body.id}/revoke`);
    expect(revoked.body).toMatchObject({ status: 'revoked', revoked: true });
    expect((await api.post(`/invitations/${one.body.id}/revoke`)).status).toBe(400);
    expect((await api.post('/invitations/inv_missing/revoke')).status).toBe(404);
  });
});
