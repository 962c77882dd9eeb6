import { describe, expect, it } from 'vitest';
import { clerkGet, clerkUsers, iso, passageUserId } from '../helpers/emulator-reads.js';
import { useUsergraph } from '../helpers/server.js';

const INVITATIONS = /* GraphQL */ `
  query Invitations($id: ID!, $status: InvitationStatus, $first: Int, $after: String) {
    user(id: $id) {
      organizationInvitations(status: $status, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          endCursor
        }
        edges {
          node {
            id
            emailAddress
            role
            status
            createdAt
            updatedAt
            expiresAt
            organization {
              id
              name
              slug
              imageUrl
              membersCount
              createdAt
            }
          }
        }
      }
    }
  }
`;

const INVITATIONS_ROUTE = '/users/{user_id}/organization_invitations';

/** The user's invitations as the emulator holds them, in GraphQL's shape. */
async function expectedInvitations(
  emulator: Parameters<typeof clerkGet>[0],
  userId: string,
  status?: string,
) {
  const query = status ? `&status=${status}` : '';
  const page = await clerkGet(emulator, `/users/${userId}/organization_invitations?limit=500${query}`);
  return {
    totalCount: page.total_count as number,
    nodes: (page.data as any[]).map((i) => ({
      id: i.id,
      emailAddress: i.email_address,
      role: i.role,
      status: i.status.toUpperCase(),
      createdAt: iso(i.created_at),
      updatedAt: iso(i.updated_at),
      expiresAt: iso(i.expires_at),
      organization: {
        id: i.public_organization_data.id,
        name: i.public_organization_data.name,
        slug: i.public_organization_data.slug,
        imageUrl: i.public_organization_data.image_url,
        membersCount: null,
        createdAt: null,
      },
    })),
  };
}

describe('User.organizationInvitations', () => {
  const { emulator, gql } = useUsergraph({ users: 60 }, { env: { USERGRAPH_MAX_ALIASES: '100' } });

  /** Seeded Clerk users with their invitations, most invited first. */
  async function invitedUsers() {
    const users = await clerkUsers(emulator(), 60);
    const all = await Promise.all(
      users.map(async ({ id }) => ({ id: id as string, ...(await expectedInvitations(emulator(), id)) })),
    );
    return all.filter((u) => u.totalCount > 0).sort((a, b) => b.totalCount - a.totalCount);
  }

  it('answers what the emulator holds, with and without a status filter', async () => {
    const invited = await invitedUsers();
    expect(invited.length).toBeGreaterThan(0);
    for (const user of invited.slice(0, 5)) {
      const { body } = await gql(INVITATIONS, { id: user.id, first: 500 });
      expect(body.errors).toBeUndefined();
      const connection = body.data.user.organizationInvitations;
      expect(connection.totalCount).toBe(user.totalCount);
      expect(connection.edges.map((e: any) => e.node)).toEqual(user.nodes);

      const status = user.nodes[0]!.status;
      const filtered = await gql(INVITATIONS, { id: user.id, status, first: 500 });
      const expected = await expectedInvitations(emulator(), user.id, status.toLowerCase());
      expect(filtered.body.data.user.organizationInvitations.edges.map((e: any) => e.node)).toEqual(
        expected.nodes,
      );
      expect(expected.nodes.every((n) => n.status === status)).toBe(true);
    }
  });

  it("sends the status filter upstream in Clerk's words", async () => {
    const [{ id }] = await clerkUsers(emulator(), 1);
    emulator().control.clearRequests();
    await gql(INVITATIONS, { id, status: 'PENDING', first: 3 });
    const [call] = emulator().control.requests({ route: INVITATIONS_ROUTE });
    expect(Object.fromEntries(new URLSearchParams(call!.query))).toEqual({
      limit: '3',
      offset: '0',
      status: 'pending',
    });
  });

  it('walks every invitation of a user page by page', async () => {
    const [user] = await invitedUsers();
    expect(user!.totalCount).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const { body } = await gql(INVITATIONS, { id: user!.id, first: 1, after });
      const connection = body.data.user.organizationInvitations;
      seen.push(...connection.edges.map((e: any) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(user!.nodes.map((n) => n.id));
  });

  it('is null for a Passage user, at no upstream cost', async () => {
    const id = await passageUserId(emulator());
    emulator().control.clearRequests();
    const { body } = await gql(INVITATIONS, { id, status: 'PENDING' });
    expect(body.errors).toBeUndefined();
    expect(body.data.user.organizationInvitations).toBeNull();
    expect(
      emulator()
        .control.requests()
        .map((r) => r.route),
    ).toEqual(['/apps/{app_id}/users/{user_id}']);
  });

  it('makes one call per distinct user, status and page in a query', async () => {
    const ids = (await clerkUsers(emulator(), 3)).map((u) => u.id as string);
    const selection = `
      a: organizationInvitations(first: 5) { totalCount }
      b: organizationInvitations(first: 5) { edges { node { id } } }
      pending: organizationInvitations(status: PENDING, first: 5) { totalCount }`;
    const query = `query {\n${[...ids, ids[0]]
      .map((id, i) => `  u${i}: user(id: "${id}") { ${selection} }`)
      .join('\n')}\n}`;
    emulator().control.clearRequests();
    const { body } = await gql(query);
    expect(body.errors).toBeUndefined();
    const calls = emulator().control.requests({ route: INVITATIONS_ROUTE });
    expect(calls).toHaveLength(ids.length * 2);
    expect(new Set(calls.map((c) => `${c.path}?${c.query}`)).size).toBe(calls.length);
  });

  it("keeps the rest of the response when one user's call fails", async () => {
    const ids = (await clerkUsers(emulator(), 3)).map((u) => u.id as string);
    emulator().control.addFaults({
      kind: 'status',
      status: 500,
      path: `/users/${ids[1]}/organization_invitations`,
    });
    const query = `query {\n${ids
      .map((id, i) => `  u${i}: user(id: "${id}") { id organizationInvitations { totalCount } }`)
      .join('\n')}\n}`;
    const { body } = await gql(query);
    expect(body.data.u1).toEqual({ id: ids[1], organizationInvitations: null });
    expect(body.data.u0.organizationInvitations.totalCount).toBeTypeOf('number');
    expect(body.data.u2.organizationInvitations.totalCount).toBeTypeOf('number');
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['u1', 'organizationInvitations'],
        extensions: expect.objectContaining({ provider: 'clerk', code: expect.stringMatching(/^PROVIDER_/) }),
      }),
    ]);
  });
});
