import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi } from './helpers.js';
import { expectShape } from './spec-shapes.js';

const TYPES = ['email_address', 'phone_number', 'web3_wallet'];

describe('Clerk emulator: allowlist and blocklist identifiers', () => {
  const emulator = useEmulator({ users: 5 });
  const api = clerkApi(emulator);

  it('lists the seeded allowlist newest first in the spec’s shape, and the envelope with paginated=true', async () => {
    const { status, body } = await api.get('/allowlist_identifiers?limit=500');
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThanOrEqual(3);
    for (const entry of body) {
      expectShape('AllowlistIdentifier', entry);
      expect(entry.object).toBe('allowlist_identifier');
      expect(TYPES).toContain(entry.identifier_type);
    }
    const created = body.map((e: any) => e.created_at);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const page = (await api.get('/allowlist_identifiers?paginated=true&limit=2&offset=1')).body;
    expect(page).toEqual({ data: body.slice(1, 3), total_count: body.length });
  });

  it('lists the seeded blocklist as the spec’s envelope, whole (the spec gives it no paging)', async () => {
    const { status, body } = await api.get('/blocklist_identifiers?limit=1');
    expect(status).toBe(200);
    expectShape('BlocklistIdentifiers', body);
    expect(body.data.length).toBe(body.total_count);
    expect(body.total_count).toBeGreaterThanOrEqual(3);
    for (const entry of body.data) {
      expectShape('BlocklistIdentifier', entry);
      expect(entry.object).toBe('blocklist_identifier');
      expect(TYPES).toContain(entry.identifier_type);
    }
  });

  it('creates an entry of each kind, refuses a duplicate and a malformed one, deletes', async () => {
    const cases = [
      ['new.person@example.com', 'email_address'],
      ['*@newpartner.example.com', 'email_address'],
      ['+14155550123', 'phone_number'],
      ['0x1234567890abcdef1234567890abcdef12345678', 'web3_wallet'],
    ];
    for (const [identifier, type] of cases) {
      const { status, body } = await api.post('/allowlist_identifiers', { identifier });
      expect(status).toBe(200);
      expectShape('AllowlistIdentifier', body);
      expect(body).toMatchObject({ identifier, identifier_type: type });
      expect(body).not.toHaveProperty('invitation_id');
    }
    const again = await api.post('/allowlist_identifiers', { identifier: 'NEW.person@example.com' });
    expect(again.status).toBe(422);
    expect(again.body.errors[0]).toMatchObject({
      code: 'form_identifier_exists',
      meta: { param_name: 'identifier' },
    });
    const bad = await api.post('/blocklist_identifiers', { identifier: 'not an identifier' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].meta.param_name).toBe('identifier');
    expect(
      (await api.post('/blocklist_identifiers', { identifier: 'x@y.example', notify: true })).status,
    ).toBe(422);

    const blocked = await api.post('/blocklist_identifiers', { identifier: '*@throwaway.example' });
    expectShape('BlocklistIdentifier', blocked.body);
    const deleted = await api.delete(`/blocklist_identifiers/${blocked.body.id}`);
    expect(deleted.body).toEqual({ object: 'blocklist_identifier', id: blocked.body.id, deleted: true });
    expectShape('DeletedObject', deleted.body);
    expect((await api.delete(`/blocklist_identifiers/${blocked.body.id}`)).status).toBe(404);
    const list = (await api.get('/blocklist_identifiers')).body.data.map((e: any) => e.id);
    expect(list).not.toContain(blocked.body.id);
  });

  it('notify on an allowlisted address sends it a pending invitation to sign up', async () => {
    const { body } = await api.post('/allowlist_identifiers', {
      identifier: 'invitee@example.com',
      notify: true,
    });
    expect(body.invitation_id).toMatch(/^inv_/);
    const invitations = (await api.get('/invitations?query=invitee@example.com')).body;
    expect(invitations).toEqual([
      expect.objectContaining({
        id: body.invitation_id,
        email_address: 'invitee@example.com',
        status: 'pending',
      }),
    ]);
  });
});
