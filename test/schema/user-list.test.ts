import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import type { PageQueryVariables } from '../generated/graphql.js';
import { useUsergraph, type GraphQLResponse } from '../helpers/server.js';

const PAGE = graphql(`
  query Page($provider: Provider, $first: Int, $after: String, $filter: UserFilter, $orderBy: UserOrder) {
    users(provider: $provider, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      __typename
      edges {
        cursor
        node {
          id
          provider
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

describe('users: lists, counts and lookups', () => {
  const { emulator, gql } = useUsergraph({ users: 60 });
  const upstream = () => emulator().control.requests();

  it('lists 50 Passage users with devices in 1 list call + at most 50 device calls', async () => {
    const { body } = await gql(
      `{ users(provider: PASSAGE, first: 50) { edges { node { id devices { id kind } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.users.edges).toHaveLength(50);
    const calls = upstream();
    expect(calls.filter((r) => r.route === '/apps/{app_id}/users')).toHaveLength(1);
    const deviceCalls = calls.filter((r) => r.route === '/apps/{app_id}/users/{user_id}/devices');
    expect(deviceCalls.length).toBeLessThanOrEqual(50);
    expect(new Set(deviceCalls.map((r) => r.path)).size).toBe(deviceCalls.length);
    expect(calls).toHaveLength(1 + deviceCalls.length);
  });

  it('lists 50 Clerk users with devices in exactly 1 call (passkeys come with the user)', async () => {
    const { body } = await gql(
      `{ users(provider: CLERK, first: 50) { edges { node { id devices { id } } } } }`,
    );
    expect(body.data.users.edges).toHaveLength(50);
    expect(upstream()).toHaveLength(1);
  });

  it.each([
    ['CLERK', true, 2],
    ['CLERK', false, 1],
    ['PASSAGE', true, 1],
  ])('on %s, totalCount=%s costs %i upstream call(s)', async (provider, withTotal, calls) => {
    const { body } = await gql(
      `{ users(provider: ${provider}, first: 5) { edges { node { id } } ${withTotal ? 'totalCount' : ''} } }`,
    );
    expect(body.errors).toBeUndefined();
    if (withTotal) expect(body.data.users.totalCount).toBe(60);
    expect(upstream()).toHaveLength(calls);
  });

  it.each<[string, PageQueryVariables, Record<string, string>]>([
    ['no provider while both are configured', {}, { argument: 'provider' }],
    ['a page larger than 500', { provider: 'CLERK', first: 501 }, { argument: 'first' }],
    ['a page of 0', { provider: 'PASSAGE', first: 0 }, { argument: 'first' }],
    [
      'a cursor this API never issued',
      { provider: 'CLERK', after: 'bm90LWEtY3Vyc29y' },
      { argument: 'after' },
    ],
    [
      'a Clerk-only filter on Passage',
      { provider: 'PASSAGE', filter: { usernames: ['ada'] } },
      { argument: 'filter', field: 'filter.usernames' },
    ],
    [
      'a Passage-only filter on Clerk',
      { provider: 'CLERK', filter: { emailVerified: true } },
      { argument: 'filter', field: 'filter.emailVerified' },
    ],
    [
      'an order Clerk does not have',
      { provider: 'CLERK', orderBy: { field: 'LOGIN_COUNT' } },
      { argument: 'orderBy' },
    ],
  ])(
    'refuses %s with a located INVALID_INPUT naming it, and no upstream call',
    async (_, variables, named) => {
      const { body } = await gql(PAGE, variables);
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([
        expect.objectContaining({
          path: ['users'],
          locations: [expect.anything()],
          extensions: { code: 'INVALID_INPUT', provider: expect.any(String), ...named },
        }),
      ]);
      expect(upstream()).toHaveLength(0);
    },
  );

  it('reports a provider outage of a list as a located error with its code', async () => {
    emulator().control.addFaults({ kind: 'status', status: 503, provider: 'clerk' });
    const { body } = await gql(PAGE, { provider: 'CLERK', first: 5 });
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['users'],
        extensions: { code: 'PROVIDER_UNAVAILABLE', provider: 'clerk' },
      }),
    ]);
  });

  it('reports a rate-limited list as a located error with how long to wait', async () => {
    emulator().control.addFaults({ kind: 'status', status: 429, provider: 'passage', retryAfter: 0 });
    const { body } = await gql(PAGE, { provider: 'PASSAGE', first: 5 });
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['users'],
        extensions: expect.objectContaining({ code: 'PROVIDER_RATE_LIMITED', provider: 'passage' }),
      }),
    ]);
  });

  it('passes filters and order to the provider', async () => {
    const clerk = await gql(PAGE, {
      provider: 'CLERK' as const,
      first: 3,
      filter: { emailQuery: 'example', createdAt: { after: '2020-01-01T00:00:00.000Z' } },
      orderBy: { field: 'CREATED_AT' as const, direction: 'DESC' as const },
    });
    expect(clerk.body.data.users.__typename).toBe('UserConnection');
    const clerkQuery = new URLSearchParams(upstream()[0]!.query);
    expect(clerkQuery.get('email_address_query')).toBe('example');
    expect(clerkQuery.get('created_at_after')).toBe(String(Date.parse('2020-01-01T00:00:00.000Z')));
    expect(clerkQuery.get('order_by')).toBe('-created_at');
    const passage = await gql(PAGE, {
      provider: 'PASSAGE',
      first: 3,
      filter: { status: 'ACTIVE', loginCount: { greaterThan: 1 } },
    });
    expect(passage.body.data.users.__typename).toBe('UserConnection');
    const passageQuery = new URLSearchParams(upstream()[1]!.query);
    expect(passageQuery.get('status')).toBe('active');
    expect(passageQuery.get('login_count')).toBe('gt:1');
  });

  it('pages backwards with last/before', async () => {
    const forward = await gql(PAGE, { provider: 'CLERK', first: 10 });
    const edges = forward.body.data.users.edges;
    const backward = await gql(
      `query($before: String) { users(provider: CLERK, last: 3, before: $before) { edges { node { id } } pageInfo { hasPreviousPage } } }`,
      { before: edges[8].cursor },
    );
    expect(backward.body.data.users.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      edges.slice(5, 8).map((e: { node: { id: string } }) => e.node.id),
    );
    expect(backward.body.data.users.pageInfo.hasPreviousPage).toBe(true);
  });

  it('counts users per provider, filtered', async () => {
    const { body } = await gql(`{
      all: userCount(provider: CLERK)
      banned: userCount(provider: CLERK, filter: { banned: true })
      passage: userCount(provider: PASSAGE)
    }`);
    expect(body.data.all).toBe(60);
    expect(body.data.banned).toBeLessThan(60);
    expect(body.data.passage).toBe(60);
  });

  it('finds a user by e-mail in whichever provider has it, and answers null otherwise', async () => {
    const { passageUrl, keys } = emulator();
    const listed = (await (
      await fetch(`${passageUrl}/apps/${keys.passageAppId}/users?limit=20&email_verified=true`, {
        headers: { authorization: `Bearer ${keys.passageApiKey}` },
      })
    ).json()) as { users: { id: string; email: string }[] };
    const someone = listed.users.find((user) => user.email)!;
    const found = await gql(`query($e: String!) { userByIdentifier(identifier: $e) { id provider } }`, {
      e: someone.email.toUpperCase(),
    });
    expect(found.body.data.userByIdentifier).toEqual({ id: someone.id, provider: 'PASSAGE' });
    const missing = await gql(`{ userByIdentifier(identifier: "nobody@example.invalid") { __typename } }`);
    expect(missing.body).toEqual({ data: { userByIdentifier: null } });
  });

  it("keeps the rest of the page when one user's devices call fails", async () => {
    const page = await gql(`{ users(provider: PASSAGE, first: 5) { edges { node { id } } } }`);
    const ids = page.body.data.users.edges.map((e: { node: { id: string } }) => e.node.id);
    emulator().control.addFaults({
      kind: 'status',
      status: 500,
      path: `/apps/${emulator().keys.passageAppId}/users/${ids[2]}/devices`,
    });
    const { body } = await gql(
      `{ users(provider: PASSAGE, first: 5) { edges { node { id devices { id } } } } }`,
    );
    const edges = body.data.users.edges;
    expect(edges).toHaveLength(5);
    expect(edges[2].node.devices).toBeNull();
    expect(edges.filter((e: { node: { devices: unknown } }) => Array.isArray(e.node.devices))).toHaveLength(
      4,
    );
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['users', 'edges', 2, 'node', 'devices'],
        extensions: expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE' }),
      }),
    ]);
  });
});

describe('users: walking every page of a 1,000-user emulator', () => {
  const { emulator, gql } = useUsergraph({ users: 1000 });

  it.each(['CLERK', 'PASSAGE'] as const)('visits every %s user exactly once', async (provider) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const { body }: GraphQLResponse = await gql(PAGE, { provider, first: 150, after });
      expect(body.data.users.__typename).toBe('UserConnection');
      seen.push(...body.data.users.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!body.data.users.pageInfo.hasNextPage) break;
      after = body.data.users.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(1000);
    expect(new Set(seen).size).toBe(1000);
    expect(emulator().control.stats()[provider.toLowerCase() as 'clerk' | 'passage'].users).toBe(1000);
  });
});
