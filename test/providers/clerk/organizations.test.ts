import { describe, expect, it } from 'vitest';
import { failure, queryOf, useClerk } from './helpers.js';

describe('Clerk provider: organizations', () => {
  const { clerk, raw, seeded, logged } = useClerk();

  /** A seeded user with at least `count` memberships, and Clerk's own page of them. */
  async function memberOf(count: number) {
    for (const user of await seeded()) {
      const page = await raw('GET', `/users/${user.id}/organization_memberships?limit=500`);
      if (page.total_count >= count) return { user, page };
    }
    throw new Error(`no seeded user has ${count} memberships`);
  }

  /** A seeded user with an invitation of `status`, and Clerk's own page of them. */
  async function invited(status: string) {
    for (const user of await seeded()) {
      const page = await raw('GET', `/users/${user.id}/organization_invitations?limit=500&status=${status}`);
      if (page.total_count > 0) return { user, page };
    }
    throw new Error(`no seeded user has a ${status} invitation`);
  }

  it('lists memberships with the organization, as a page with its total', async () => {
    const { user, page: wire } = await memberOf(3);
    const page = await clerk().listMemberships!(user.id, { offset: 1, limit: 1 });
    const expected = wire.data[1];
    expect(page).toEqual({
      totalCount: 3,
      items: [
        {
          id: expected.id,
          userId: user.id,
          role: expected.role,
          roleName: expected.role_name,
          permissions: expected.permissions,
          organization: {
            id: expected.organization.id,
            name: expected.organization.name,
            slug: expected.organization.slug,
            imageUrl: expected.organization.image_url,
            membersCount: expected.organization.members_count,
            createdAt: new Date(expected.organization.created_at),
          },
          createdAt: new Date(expected.created_at),
          updatedAt: new Date(expected.updated_at),
        },
      ],
    });
    expect(logged()).toHaveLength(1);
    expect(logged()[0]).toMatchObject({ route: '/users/{user_id}/organization_memberships', status: 200 });
    expect(queryOf(logged()[0])).toEqual({ limit: '1', offset: '1' });
  });

  it('refuses a bad page before any call', async () => {
    expect(await failure(clerk().listMemberships!('user_any', { offset: 0, limit: 501 }))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(
      await failure(clerk().listInvitations!('user_any', { offset: -2, limit: 5 }, undefined)),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(logged()).toHaveLength(0);
  });

  it('answers NOT_FOUND for the memberships of nobody', async () => {
    const error = await failure(clerk().listMemberships!('user_nobody', { offset: 0, limit: 10 }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', upstreamCode: 'resource_not_found' });
  });

  it.each([
    ['PENDING', 'pending'],
    ['ACCEPTED', 'accepted'],
  ] as const)('lists %s invitations with status=%s', async (status, wireStatus) => {
    const { user, page: wire } = await invited(wireStatus);
    const page = await clerk().listInvitations!(user.id, { offset: 0, limit: 10 }, status);
    const first = wire.data[0];
    expect(page.totalCount).toBe(wire.total_count);
    expect(page.items[0]).toEqual({
      id: first.id,
      emailAddress: first.email_address,
      role: first.role,
      status,
      organization: {
        id: first.public_organization_data.id,
        name: first.public_organization_data.name,
        slug: first.public_organization_data.slug,
        imageUrl: first.public_organization_data.image_url,
      },
      createdAt: new Date(first.created_at),
      updatedAt: new Date(first.updated_at),
      expiresAt: new Date(first.expires_at),
    });
    expect(logged()).toMatchObject([{ route: '/users/{user_id}/organization_invitations', status: 200 }]);
    expect(queryOf(logged()[0])).toEqual({ limit: '10', offset: '0', status: wireStatus });
  });

  it('lists invitations of every status when none is given', async () => {
    const { user } = await invited('accepted');
    await clerk().listInvitations!(user.id, { offset: 0, limit: 10 }, undefined);
    expect(queryOf(logged()[0])).toEqual({ limit: '10', offset: '0' });
  });
});
