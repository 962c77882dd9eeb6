import { describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../../src/emulator/index.js';
import { clerkGet, clerkUsers, iso, passageUserId } from '../helpers/emulator-reads.js';
import { useUsergraph } from '../helpers/server.js';

const MEMBERSHIPS = /* GraphQL */ `
  query Memberships($id: ID!, $first: Int, $after: String) {
    user(id: $id) {
      organizationMemberships(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            role
            roleName
            permissions
            createdAt
            updatedAt
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

const MEMBERSHIPS_ROUTE = '/users/{user_id}/organization_memberships';

/** The user's memberships as the emulator holds them, in GraphQL's shape. */
async function expectedMemberships(emulator: Parameters<typeof clerkGet>[0], userId: string) {
  const page = await clerkGet(emulator, `/users/${userId}/organization_memberships?limit=500`);
  return {
    totalCount: page.total_count as number,
    nodes: (page.data as any[]).map((m) => ({
      id: m.id,
      role: m.role,
      roleName: m.role_name,
      permissions: m.permissions,
      createdAt: iso(m.created_at),
      updatedAt: iso(m.updated_at),
      organization: {
        id: m.organization.id,
        name: m.organization.name,
        slug: m.organization.slug,
        imageUrl: m.organization.image_url,
        membersCount: m.organization.members_count,
        createdAt: iso(m.organization.created_at),
      },
    })),
  };
}

/** One `user(id:)` alias per id, each asking for its memberships. */
function manyUsersQuery(
  ids: string[],
  selection = 'organizationMemberships(first: 10) { totalCount edges { node { id } } }',
) {
  return `query {\n${ids.map((id, i) => `  u${i}: user(id: "${id}") { id ${selection} }`).join('\n')}\n}`;
}

/** The most requests in flight at once, from the log's end times and durations. */
function maxInFlight(requests: LoggedRequest[]): number {
  const events = requests.flatMap((r) => {
    const end = Date.parse(r.at);
    return [
      { t: end - r.durationMs, d: 1 },
      { t: end, d: -1 },
    ];
  });
  events.sort((a, b) => a.t - b.t || a.d - b.d);
  let current = 0;
  let max = 0;
  for (const event of events) max = Math.max(max, (current += event.d));
  return max;
}

describe('User.organizationMemberships', () => {
  // 50 aliases: above the default alias limit, which users(ids:) makes unnecessary in practice.
  const { emulator, gql } = useUsergraph({ users: 60 }, { env: { USERGRAPH_MAX_ALIASES: '100' } });

  it('answers what the emulator holds for seeded Clerk users', async () => {
    const users = await clerkUsers(emulator(), 8);
    for (const { id } of users) {
      const { body } = await gql(MEMBERSHIPS, { id, first: 500 });
      expect(body.errors).toBeUndefined();
      const connection = body.data.user.organizationMemberships;
      const expected = await expectedMemberships(emulator(), id);
      expect(connection.totalCount).toBe(expected.totalCount);
      expect(connection.edges.map((e: any) => e.node)).toEqual(expected.nodes);
      expect(connection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    }
  });

  it('is null for a Passage user, at no upstream cost', async () => {
    const id = await passageUserId(emulator());
    emulator().control.clearRequests();
    const { body } = await gql(MEMBERSHIPS, { id });
    expect(body.errors).toBeUndefined();
    expect(body.data.user.organizationMemberships).toBeNull();
    // The one call is the user read itself.
    expect(
      emulator()
        .control.requests()
        .map((r) => r.route),
    ).toEqual(['/apps/{app_id}/users/{user_id}']);
  });

  it('walks every membership of a user page by page, without gaps or repeats', async () => {
    const users = await clerkUsers(emulator(), 60);
    const totals = await Promise.all(
      users.map(async ({ id }) => ({ id, ...(await expectedMemberships(emulator(), id)) })),
    );
    const richest = totals.sort((a, b) => b.totalCount - a.totalCount)[0]!;
    expect(richest.totalCount).toBeGreaterThanOrEqual(2);

    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const { body } = await gql(MEMBERSHIPS, { id: richest.id, first: 1, after });
      expect(body.errors).toBeUndefined();
      const connection = body.data.user.organizationMemberships;
      expect(connection.totalCount).toBe(richest.totalCount);
      expect(connection.pageInfo.hasPreviousPage).toBe(page > 0);
      seen.push(...connection.edges.map((e: any) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(richest.nodes.map((n) => n.id));
  });

  it('costs one users call and one concurrent membership call per distinct user for 50 users', async () => {
    const ids = (await clerkUsers(emulator(), 50)).map((u) => u.id as string);
    emulator().control.addFaults({ kind: 'latency', route: MEMBERSHIPS_ROUTE, ms: 50 });
    emulator().control.clearRequests();

    const started = performance.now();
    const { body } = await gql(manyUsersQuery(ids));
    const elapsed = performance.now() - started;

    expect(body.errors).toBeUndefined();
    expect(body.data.u49.id).toBe(ids[49]);
    const requests = emulator().control.requests();
    expect(requests.filter((r) => r.route === '/users')).toHaveLength(1);
    const memberships = requests.filter((r) => r.route === MEMBERSHIPS_ROUTE);
    expect(memberships.length).toBeLessThanOrEqual(50);
    expect(new Set(memberships.map((r) => r.path)).size).toBe(memberships.length);
    expect(requests).toHaveLength(1 + memberships.length);
    // One after another they would take 50 × 50 ms.
    expect(elapsed).toBeLessThan(1500);
    expect(maxInFlight(memberships)).toBeGreaterThan(1);
  });

  it('fetches the same user and page once, however often a query asks', async () => {
    const [{ id }] = await clerkUsers(emulator(), 1);
    const selection = `
      a: organizationMemberships(first: 5) { totalCount }
      b: organizationMemberships(first: 5) { edges { node { id } } }
      other: organizationMemberships(first: 2) { totalCount }`;
    emulator().control.clearRequests();
    const { body } = await gql(manyUsersQuery([id, id], selection));
    expect(body.errors).toBeUndefined();
    expect(body.data.u1.b).toEqual(body.data.u0.b);
    const calls = emulator().control.requests({ route: MEMBERSHIPS_ROUTE });
    expect(calls.map((r) => new URLSearchParams(r.query).get('limit')).sort()).toEqual(['2', '5']);
  });

  it("keeps every other user's memberships when one user's call fails", async () => {
    const ids = (await clerkUsers(emulator(), 5)).map((u) => u.id as string);
    emulator().control.addFaults({
      kind: 'status',
      status: 500,
      path: `/users/${ids[2]}/organization_memberships`,
    });
    const { body } = await gql(manyUsersQuery(ids));
    expect(body.data.u2).toMatchObject({ id: ids[2], organizationMemberships: null });
    for (const i of [0, 1, 3, 4]) {
      expect(body.data[`u${i}`].organizationMemberships.totalCount).toBeTypeOf('number');
    }
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['u2', 'organizationMemberships'],
        locations: [expect.any(Object)],
        extensions: expect.objectContaining({ provider: 'clerk', code: expect.stringMatching(/^PROVIDER_/) }),
      }),
    ]);
  });

  it.each([
    ['first: 0', { first: 0 }, 'first must be 1–500, got 0', 'first'],
    ['first: 501', { first: 501 }, 'first must be 1–500, got 501', 'first'],
    [
      'a cursor it never gave',
      { after: 'not-a-cursor' },
      'after must be a cursor this API returned',
      'after',
    ],
  ])(
    'refuses %s before any membership call, naming the argument',
    async (_, variables, message, argument) => {
      const [{ id }] = await clerkUsers(emulator(), 1);
      emulator().control.clearRequests();
      const { body } = await gql(MEMBERSHIPS, { id, ...variables });
      expect(body.data.user.organizationMemberships).toBeNull();
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(message),
          path: ['user', 'organizationMemberships'],
          extensions: { code: 'INVALID_INPUT', provider: 'usergraph', argument: argument },
        }),
      ]);
      expect(emulator().control.requests({ route: MEMBERSHIPS_ROUTE })).toEqual([]);
    },
  );
});
