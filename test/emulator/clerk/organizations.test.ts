import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi } from './helpers.js';
import { expectMembershipShape, expectShape } from './spec-shapes.js';

describe('Clerk emulator: organization memberships and invitations', () => {
  const emulator = useEmulator({ users: 40 });
  const api = clerkApi(emulator);
  const allMemberships = async () =>
    (await api.get('/organization_memberships?limit=500')).body.data as any[];

  it("lists a user's memberships as {data, total_count}, newest first, with organization and public user data", async () => {
    const memberships = await allMemberships();
    const userId = memberships[0].public_user_data.user_id;
    const expected = memberships.filter((m) => m.public_user_data.user_id === userId);
    const res = await api.get(`/users/${userId}/organization_memberships`);
    expect(res.status).toBe(200);
    expect(res.body.total_count).toBe(expected.length);
    expect(res.body.data.map((m: any) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
    for (const membership of res.body.data) {
      expectMembershipShape(membership);
      expect(['org:admin', 'org:member']).toContain(membership.role);
      expect(membership.public_user_data.user_id).toBe(userId);
    }
    const created = res.body.data.map((m: any) => m.created_at);
    expect(created).toEqual([...created].sort((a: number, b: number) => b - a));
  });

  it('pages memberships with limit and offset', async () => {
    const all = await allMemberships();
    const pages = [];
    for (let offset = 0; offset < all.length; offset += 9) {
      const { body } = await api.get(`/organization_memberships?limit=9&offset=${offset}`);
      expect(body.total_count).toBe(all.length);
      pages.push(...body.data);
    }
    expect(pages.map((m) => m.id)).toEqual(all.map((m) => m.id));
  });

  it('orders instance memberships by a user field', async () => {
    const res = await api.get('/organization_memberships?limit=500&order_by=first_name');
    const names = res.body.data.map((m: any) => m.public_user_data.first_name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect((await api.get('/organization_memberships?order_by=role')).status).toBe(422);
  });

  it("lists one organization's memberships filtered by many user ids", async () => {
    const all = await allMemberships();
    const orgId = all[0].organization.id;
    const members = all.filter((m) => m.organization.id === orgId);
    const wanted = members.slice(0, 3).map((m) => m.public_user_data.user_id);
    const query = [...wanted, 'user_nobody'].map((id) => `user_id=${id}`).join('&');
    const res = await api.get(`/organizations/${orgId}/memberships?${query}&limit=100`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((m: any) => m.public_user_data.user_id).sort()).toEqual([...wanted].sort());
    expect(res.body.total_count).toBe(wanted.length);
    const slug = all[0].organization.slug;
    expect((await api.get(`/organizations/${slug}/memberships?limit=100`)).body.total_count).toBe(
      members.length,
    );
    const admins = await api.get(`/organizations/${orgId}/memberships?role=org:admin&limit=100`);
    expect(admins.body.data.every((m: any) => m.role === 'org:admin')).toBe(true);
  });

  it('refuses more than 100 user ids and answers an unknown organization with 404', async () => {
    const [membership] = await allMemberships();
    const ids = Array.from({ length: 101 }, (_, i) => `user_id=user_${i}`).join('&');
    expect((await api.get(`/organizations/${membership.organization.id}/memberships?${ids}`)).status).toBe(
      422,
    );
    expect((await api.get('/organizations/org_nobody/memberships')).status).toBe(404);
  });

  it.each([['limit=0'], ['limit=501'], ['offset=-3']])('refuses %s with 422', async (query) => {
    const [membership] = await allMemberships();
    for (const path of [
      `/users/${membership.public_user_data.user_id}/organization_memberships`,
      '/organization_memberships',
      `/organizations/${membership.organization.id}/memberships`,
    ]) {
      expect((await api.get(`${path}?${query}`)).status).toBe(422);
    }
  });

  it("lists invitations to a user's e-mail addresses, filtered by status", async () => {
    const users = await api.allUsers();
    let found = false;
    for (const user of users) {
      const res = await api.get(`/users/${user.id}/organization_invitations?limit=100`);
      expect(res.status).toBe(200);
      for (const invitation of res.body.data) {
        found = true;
        expectShape('OrganizationInvitationWithPublicOrganizationData', invitation);
        expect(user.email_addresses.map((e: any) => e.email_address)).toContain(invitation.email_address);
        expect(invitation.public_organization_data).toMatchObject({
          id: invitation.organization_id,
          has_image: false,
        });
        if (invitation.public_inviter_data)
          expectShape('OrganizationInvitationPublicUserData', invitation.public_inviter_data);
        const filtered = await api.get(
          `/users/${user.id}/organization_invitations?status=${invitation.status}`,
        );
        expect(filtered.body.data.every((i: any) => i.status === invitation.status)).toBe(true);
      }
    }
    expect(found).toBe(true);
  });

  it('refuses an unknown invitation status and answers an unknown user with 404', async () => {
    const [user] = await api.allUsers();
    expect((await api.get(`/users/${user.id}/organization_invitations?status=maybe`)).status).toBe(422);
    expect((await api.get('/users/user_nobody/organization_invitations')).status).toBe(404);
    expect((await api.get('/users/user_nobody/organization_memberships')).status).toBe(404);
  });
});
