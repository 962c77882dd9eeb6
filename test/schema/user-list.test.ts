import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import type { PageQueryVariables } from '../generated/graphql.js';
import { useUsergraph, type GraphQLResponse } from '../helpers/server.js';

const PAGE = graphql(`
  query Page($provider: Provider, $first: Int, $after: String, $filter: UserFilter, $orderBy: UserOrder) {
    users(provider: $provider, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      __typename
      ... on UserConnection {
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
      ... on Error {
        message
      }
      ... on InvalidInputError {
        fields {
          field
          message
        }
      }
    }
  }
`);

describe('users: lists, counts and lookups', () => {
  const { emulator, gql } = useUsergraph({ users: 60 });
  const upstream = () => emulator().control.requests();

  it('lists 50 Passage users with devices in 1 list call + at most 50 device calls', async () => {
    const { body } = await gql(
      `{ users(provider: PASSAGE, first: 50) { ... on UserConnection { edges { node { id devices { id kind } } } } } }`,
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
      `{ users(provider: CLERK, first: 50) { ... on UserConnection { edges { node { id devices { id } } } } } }`,
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
      `{ users(provider: ${provider}, first: 5) { ... on UserConnection { edges { node { id } } ${withTotal ? 'totalCount' : ''} } } }`,
    );
    expect(body.errors).toBeUndefined();
    if (withTotal) expect(body.data.users.totalCount).toBe(60);
    expect(upstream()).toHaveLength(calls);
  });

  it('reads many users by id across providers: Clerk in one call, unknown ids left out, order kept', async () => {
    const clerk = (
      await gql(`{ users(provider: CLERK, first: 30) { ... on UserConnection { edges { node { id } } } } }`)
    ).body.data.users.edges.map((e: { node: { id: string } }) => e.node.id);
    const passage = (
      await gql(`{ users(provider: PASSAGE, first: 3) { ... on UserConnection { edges { node { id } } } } }`)
    ).body.data.users.edges.map((e: { node: { id: string } }) => e.node.id);
    emulator().control.clearRequests();
    const ids = [passage[0], ...clerk, 'user_nobody00000000000000000000', passage[1], clerk[0]];
    const { body } = await gql(
      `query($ids: [ID!]) { users(ids: $ids) { ... on UserConnection { totalCount edges { node { id } } } } }`,
      {
        ids,
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.users.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      passage[0],
      ...clerk,
      passage[1],
      clerk[0],
    ]);
    expect(upstream().filter((r) => r.provider === 'clerk')).toHaveLength(1);
    expect(upstream().filter((r) => r.provider === 'passage')).toHaveLength(2);
  });

  it.each<[string, PageQueryVariables, string]>([
    ['no provider while both are configured', {}, 'provider'],
    ['a page larger than 500', { provider: 'CLERK', first: 501 }, 'first'],
    ['a page of 0', { provider: 'PASSAGE', first: 0 }, 'first'],
    ['a cursor this API never issued', { provider: 'CLERK', after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ['a Clerk-only filter on Passage', { provider: 'PASSAGE', filter: { usernames: ['ada'] } }, 'usernames'],
    [
      'a Passage-only filter on Clerk',
      { provider: 'CLERK', filter: { emailVerified: true } },
      'emailVerified',
    ],
    ['an order Clerk does not have', { provider: 'CLERK', orderBy: { field: 'LOGIN_COUNT' } }, 'LOGIN_COUNT'],
  ])('refuses %s with InvalidInputError and no upstream call', async (_, variables, field) => {
    const { body } = await gql(PAGE, variables);
    expect(body.errors).toBeUndefined();
    expect(body.data.users.__typename).toBe('InvalidInputError');
    expect(JSON.stringify(body.data.users)).toContain(field);
    expect(upstream()).toHaveLength(0);
  });

  it('refuses ids combined with paging, and more than 100 ids', async () => {
    const combined = await gql(`{ users(ids: ["user_a"], first: 5) { __typename } }`);
    expect(combined.body.data.users.__typename).toBe('InvalidInputError');
    const many = await gql(`query($ids: [ID!]) { users(ids: $ids) { __typename } }`, {
      ids: Array.from({ length: 101 }, (_, i) => `user_${i}`),
    });
    expect(many.body.data.users.__typename).toBe('InvalidInputError');
    expect(upstream()).toHaveLength(0);
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
      `query($before: String) { users(provider: CLERK, last: 3, before: $before) { ... on UserConnection { edges { node { id } } pageInfo { hasPreviousPage } } } }`,
      { before: edges[8].cursor },
    );
    expect(backward.body.data.users.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      edges.slice(5, 8).map((e: { node: { id: string } }) => e.node.id),
    );
    expect(backward.body.data.users.pageInfo.hasPreviousPage).toBe(true);
  });

  it('counts users per provider, filtered', async () => {
    const { body } = await gql(`{
      all: userCount(provider: CLERK) { ... on QueryUserCountSuccess { data } }
      banned: userCount(provider: CLERK, filter: { banned: true }) { ... on QueryUserCountSuccess { data } }
      passage: userCount(provider: PASSAGE) { ... on QueryUserCountSuccess { data } }
    }`);
    expect(body.data.all.data).toBe(60);
    expect(body.data.banned.data).toBeLessThan(60);
    expect(body.data.passage.data).toBe(60);
  });

  it('finds a user by e-mail in whichever provider has it, and answers NotFoundError otherwise', async () => {
    const { passageUrl, keys } = emulator();
    const listed = (await (
      await fetch(`${passageUrl}/apps/${keys.passageAppId}/users?limit=20&email_verified=true`, {
        headers: { authorization: `Bearer ${keys.passageApiKey}` },
      })
    ).json()) as { users: { id: string; email: string }[] };
    const someone = listed.users.find((user) => user.email)!;
    const found = await gql(
      `query($e: String!) { userByIdentifier(identifier: $e) { ... on QueryUserByIdentifierSuccess { data { id provider } } } }`,
      {
        e: someone.email.toUpperCase(),
      },
    );
    expect(found.body.data.userByIdentifier.data).toEqual({ id: someone.id, provider: 'PASSAGE' });
    const missing = await gql(`{ userByIdentifier(identifier: "nobody@example.invalid") { __typename } }`);
    expect(missing.body.data.userByIdentifier.__typename).toBe('NotFoundError');
  });

  it("keeps the rest of the page when one user's devices call fails", async () => {
    const page = await gql(
      `{ users(provider: PASSAGE, first: 5) { ... on UserConnection { edges { node { id } } } } }`,
    );
    const ids = page.body.data.users.edges.map((e: { node: { id: string } }) => e.node.id);
    emulator().control.addFaults({
      kind: 'status',
      status: 500,
      path: `/apps/${emulator().keys.passageAppId}/users/${ids[2]}/devices`,
    });
    const { body } = await gql(
      `{ users(provider: PASSAGE, first: 5) { ... on UserConnection { edges { node { id devices { id } } } } } }`,
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
