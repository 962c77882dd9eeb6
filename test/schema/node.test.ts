import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { clerkUsers } from '../helpers/emulator-reads.js';
import { useUsergraph } from '../helpers/server.js';

const NODE = graphql(`
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on User {
        provider
        email
      }
    }
  }
`);

const NODES = graphql(`
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on User {
        provider
      }
    }
  }
`);

describe('node(id:) and nodes(ids:): users of both providers by their own ids', () => {
  const { emulator, gql } = useUsergraph({ users: 120 });

  async function passageIds(count: number): Promise<string[]> {
    const { passageUrl, keys } = emulator();
    const response = await fetch(`${passageUrl}/apps/${keys.passageAppId}/users?limit=${count}`, {
      headers: { authorization: `Bearer ${keys.passageApiKey}` },
    });
    return ((await response.json()) as { users: { id: string }[] }).users.map((user) => user.id);
  }
  const clerkIds = async (count: number) => (await clerkUsers(emulator(), count)).map((u) => u.id as string);

  it('reads a user of each provider through node(id:), its id the provider id as User.id returns it', async () => {
    const [clerk] = await clerkIds(1);
    const [passage] = await passageIds(1);
    for (const [id, provider] of [
      [clerk!, 'CLERK'],
      [passage!, 'PASSAGE'],
    ] as const) {
      const { body } = await gql(NODE, { id });
      expect(body.errors).toBeUndefined();
      expect(body.data.node).toMatchObject({ __typename: 'User', id, provider });
    }
  });

  it('answers nodes(ids:) in the order asked, null at each unknown id, across both providers', async () => {
    const clerk = await clerkIds(3);
    const passage = await passageIds(2);
    const ids = [
      passage[0]!,
      clerk[0]!,
      'user_nobody00000000000000000000',
      clerk[1]!,
      'AAAAAAAAAAAAAAAAAAAAAAAA',
    ];
    ids.push(passage[1]!, clerk[0]!);
    emulator().control.clearRequests();
    const { body } = await gql(NODES, { ids });
    expect(body.errors).toBeUndefined();
    expect(body.data.nodes.map((node: { id: string } | null) => node?.id ?? null)).toEqual([
      passage[0],
      clerk[0],
      null,
      clerk[1],
      null,
      passage[1],
      clerk[0],
    ]);
    expect(body.data.nodes[0]).toMatchObject({ __typename: 'User', provider: 'PASSAGE' });
    expect(body.data.nodes[1]).toMatchObject({ __typename: 'User', provider: 'CLERK' });
    const calls = emulator().control.requests();
    expect(calls.filter((r) => r.provider === 'clerk')).toHaveLength(1);
    expect(calls.filter((r) => r.provider === 'passage')).toHaveLength(3);
  });

  it('reads 100 Clerk users through nodes(ids:) in one upstream call', async () => {
    const ids = await clerkIds(100);
    emulator().control.clearRequests();
    const { body } = await gql(NODES, { ids });
    expect(body.errors).toBeUndefined();
    expect(body.data.nodes.map((node: { id: string }) => node.id)).toEqual(ids);
    expect(emulator().control.requests()).toEqual([
      expect.objectContaining({ provider: 'clerk', method: 'GET', route: '/users' }),
    ]);
  });

  it.each([
    ['a malformed id', ['user_1/devices'], 'ids'],
    ['more than 100 ids', Array.from({ length: 101 }, (_, i) => `user_${i}`), 'ids'],
  ])(
    'refuses %s with a located INVALID_INPUT naming the argument, before any upstream call',
    async (_, ids, argument) => {
      emulator().control.clearRequests();
      const { body } = await gql(NODES, { ids });
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([
        expect.objectContaining({
          path: ['nodes'],
          locations: [expect.anything()],
          extensions: expect.objectContaining({ code: 'INVALID_INPUT', argument }),
        }),
      ]);
      expect(emulator().control.requests()).toHaveLength(0);
    },
  );

  it('fails only the positions of a provider that is down, each with a located error', async () => {
    const clerk = await clerkIds(2);
    const [passage] = await passageIds(1);
    emulator().control.addFaults({ kind: 'status', status: 503, provider: 'passage' });
    const { body } = await gql(NODES, { ids: [clerk[0]!, passage!, clerk[1]!] });
    expect(body.data.nodes.map((node: { id: string } | null) => node?.id ?? null)).toEqual([
      clerk[0],
      null,
      clerk[1],
    ]);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['nodes', 1],
        extensions: expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE', provider: 'passage' }),
      }),
    ]);
  });

  it("answers a user's fields in the order the query asks for them, its id included", async () => {
    const [user] = await clerkUsers(emulator(), 1);
    const { body } = await gql(
      `query($id: ID!, $representations: [_Any!]!) {
        user(id: $id) { provider id email }
        node(id: $id) { ... on User { email } id __typename }
        _entities(representations: $representations) { ... on User { email id } }
      }`,
      { id: user!.id, representations: [{ __typename: 'User', id: user!.id }] },
    );
    expect(body.errors).toBeUndefined();
    const data = body.data as Record<string, any>;
    expect(Object.keys(data.user)).toEqual(['provider', 'id', 'email']);
    expect(Object.keys(data.node)).toEqual(['email', 'id', '__typename']);
    expect(Object.keys(data._entities[0])).toEqual(['email', 'id']);
  });
});
