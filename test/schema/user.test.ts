import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { useUsergraph } from '../helpers/server.js';

const USER = graphql(`
  query User($id: ID!) {
    user(id: $id) {
      __typename
      id
      provider
      email
      status
      createdAt
      devices {
        id
        name
        kind
      }
    }
  }
`);

describe('user(id:)', () => {
  // 101 aliases: above the default alias limit, which users(ids:) makes unnecessary in practice.
  const { emulator, gql } = useUsergraph({ users: 120 }, { env: { USERGRAPH_MAX_ALIASES: '200' } });

  async function seededIds(provider: 'clerk' | 'passage', count: number): Promise<string[]> {
    const { clerkUrl, passageUrl, keys } = emulator();
    if (provider === 'clerk') {
      const response = await fetch(`${clerkUrl}/users?limit=${count}`, {
        headers: { authorization: `Bearer ${keys.clerkSecretKey}` },
      });
      return ((await response.json()) as { id: string }[]).map((user) => user.id);
    }
    const response = await fetch(`${passageUrl}/apps/${keys.passageAppId}/users?limit=${count}`, {
      headers: { authorization: `Bearer ${keys.passageApiKey}` },
    });
    return ((await response.json()) as { users: { id: string }[] }).users.map((user) => user.id);
  }

  it.each(['clerk', 'passage'] as const)(
    'reads a %s user with its devices in one upstream call',
    async (provider) => {
      const [id] = await seededIds(provider, 1);
      emulator().control.clearRequests();
      const { body } = await gql(USER, { id: id! });
      expect(body.errors).toBeUndefined();
      expect(body.data.user).toMatchObject({ __typename: 'User', id, provider: provider.toUpperCase() });
      expect(Array.isArray(body.data.user.devices)).toBe(true);
      expect(emulator().control.requests()).toHaveLength(1);
    },
  );

  it.each([
    ['a Clerk id nobody holds', 'user_2zzzzzzzzzzzzzzzzzzzzzzzzzz', 'clerk'],
    ['a Passage id nobody holds', 'AAAAAAAAAAAAAAAAAAAAAAAA', 'passage'],
  ])('answers null for %s, having asked %s', async (_, id, provider) => {
    emulator().control.clearRequests();
    const { body } = await gql(USER, { id });
    expect(body.errors).toBeUndefined();
    expect(body.data.user).toBeNull();
    expect(emulator().control.requests()).toEqual([expect.objectContaining({ provider })]);
  });

  it('refuses a malformed id with a located INVALID_INPUT naming the argument, before any upstream call', async () => {
    emulator().control.clearRequests();
    const { body } = await gql(USER, { id: '../users' });
    expect(body.data.user).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['user'],
        locations: [expect.anything()],
        extensions: expect.objectContaining({ code: 'INVALID_INPUT', argument: 'id' }),
      }),
    ]);
    expect(emulator().control.requests()).toHaveLength(0);
  });

  it('costs one upstream call for 100 distinct Clerk users asked for by alias, and fetches a repeated id once', async () => {
    const ids = await seededIds('clerk', 100);
    const query = `query {\n${ids.map((id, i) => `  u${i}: user(id: "${id}") { id }`).join('\n')}\n  again: user(id: "${ids[0]}") { id }\n}`;
    emulator().control.clearRequests();
    const { body } = await gql(query);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data)).toHaveLength(101);
    expect(body.data.u42.id).toBe(ids[42]);
    expect(body.data.again.id).toBe(ids[0]);
    expect(emulator().control.requests()).toHaveLength(1);
    expect(emulator().control.requests()[0]).toMatchObject({ provider: 'clerk', route: '/users' });
  });

  it('reads Passage users concurrently, one call each, never twice for one id', async () => {
    const ids = await seededIds('passage', 5);
    const query = `query {\n${[...ids, ids[0]].map((id, i) => `  u${i}: user(id: "${id}") { id }`).join('\n')}\n}`;
    emulator().control.clearRequests();
    const { body } = await gql(query);
    expect(body.errors).toBeUndefined();
    expect(emulator().control.requests()).toHaveLength(5);
  });

  it('reports a provider outage as a located error and keeps the rest of the response', async () => {
    const [clerkId] = await seededIds('clerk', 1);
    const [passageId] = await seededIds('passage', 1);
    emulator().control.addFaults({ kind: 'status', status: 503, provider: 'passage' });
    const { body } = await gql(
      `query($c: ID!, $p: ID!) {
        c: user(id: $c) { id }
        p: user(id: $p) { id }
      }`,
      { c: clerkId, p: passageId },
    );
    expect(body.data.c.id).toBe(clerkId);
    expect(body.data.p).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['p'],
        extensions: expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE', provider: 'passage' }),
      }),
    ]);
    expect(JSON.stringify(body)).not.toContain(emulator().passageUrl);
    expect(JSON.stringify(body)).not.toContain(emulator().keys.passageApiKey);
  });
});
