/**
 * The six scenarios of the benchmark, each twice: as the GraphQL operation a client sends to
 * usergraph, and as the floor: the same data fetched by hand-written REST calls straight to the
 * emulator, as concurrent as the data dependencies allow. Operation `i` of a run picks its ids
 * from fixed pools, so every mode asks for the same users in the same order.
 */
import { Agent, request } from 'undici';
import type { RunningEmulator } from '../../src/emulator/index.js';

export interface Fixture {
  emulator: RunningEmulator;
  /** Seeded Clerk user ids, in the emulator's list order (Passage users come from its list). */
  clerkIds: string[];
}

export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
}

export interface Scenario {
  id: number;
  title: string;
  /** What operation `i` sends to usergraph. */
  graphql(i: number): GraphQLBody;
  /** Why operation `i`'s successful response is not what was asked for, or undefined. */
  check(data: any, i: number): string | undefined;
  /** Operation `i` by hand: direct REST calls to the emulator. Throws on any non-2xx. */
  floor(i: number): Promise<void>;
}

import { HOT_SET } from './settings.js';

/** Distinct users of scenario 5, each banned and unbanned in turn. */
const MUTATION_POOL = 200;
const ENTITY_BATCH = 100;

/** One keep-alive Agent with no cap on connections: the floor is as concurrent as it gets. */
export function floorAgent(): Agent {
  return new Agent({
    connections: null,
    keepAliveTimeout: 30_000,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
}

export function scenarios(fixture: Fixture, agent: Agent): Scenario[] {
  const { emulator, clerkIds } = fixture;
  const clerk = { authorization: `Bearer ${emulator.keys.clerkSecretKey}` };
  const passage = { authorization: `Bearer ${emulator.keys.passageApiKey}` };
  const passageApp = `${emulator.passageUrl}/apps/${encodeURIComponent(emulator.keys.passageAppId)}`;

  async function call(method: 'GET' | 'POST', url: string, headers: Record<string, string>) {
    const response = await request(url, { method, headers, dispatcher: agent });
    const body = (await response.body.json()) as any;
    if (response.statusCode !== 200) throw new Error(`${method} ${url} answered ${response.statusCode}`);
    return body;
  }
  const pick = (ids: string[], i: number) => ids[i % ids.length] as string;
  const hot = (i: number) => pick(clerkIds.slice(0, HOT_SET), i);
  const entityBatch = (i: number) => {
    const batches = Math.floor(clerkIds.length / ENTITY_BATCH);
    const start = (i % batches) * ENTITY_BATCH;
    return clerkIds.slice(start, start + ENTITY_BATCH);
  };
  // Operation i bans or unbans user i mod pool: ban on even rounds through the pool, unban on odd.
  const moderation = (i: number) => ({
    userId: pick(clerkIds, i % MUTATION_POOL),
    ban: Math.floor(i / MUTATION_POOL) % 2 === 0,
  });
  const edges = (data: any, field = 'users') => data?.[field]?.edges as { node: any }[] | undefined;

  return [
    {
      id: 1,
      title: 'One Clerk user by id',
      graphql: (i) => ({
        query: `query One($id: ID!) {
          user(id: $id) { id provider email firstName lastName status createdAt }
        }`,
        variables: { id: pick(clerkIds, i) },
      }),
      check: (data, i) => {
        const id = data?.user?.id;
        return id === pick(clerkIds, i) ? undefined : `asked for ${pick(clerkIds, i)}, got ${id}`;
      },
      floor: async (i) => {
        await call('GET', `${emulator.clerkUrl}/users/${pick(clerkIds, i)}`, clerk);
      },
    },
    {
      id: 2,
      title: 'Passage `users(first: 50)` with devices',
      graphql: () => ({
        query: `{
          users(provider: PASSAGE, first: 50) {
            edges { node { id email status devices { id name kind lastUsedAt } } }
          }
        }`,
      }),
      check: (data) => {
        const list = edges(data);
        if (list?.length !== 50) return `expected 50 users, got ${list?.length}`;
        return list.every((edge) => Array.isArray(edge.node.devices)) ? undefined : 'a user without devices';
      },
      floor: async () => {
        const page = await call('GET', `${passageApp}/users?page=1&limit=50`, passage);
        await Promise.all(
          (page.users as { id: string }[]).map((user) =>
            call('GET', `${passageApp}/users/${user.id}/devices`, passage),
          ),
        );
      },
    },
    {
      id: 3,
      title: 'Clerk `users(first: 100)` with `organizationMemberships(first: 10)`',
      graphql: () => ({
        query: `{
          users(provider: CLERK, first: 100) {
            edges { node { id email organizationMemberships(first: 10) { edges { node { id role organization { id name } } } } } }
          }
        }`,
      }),
      check: (data) => {
        const list = edges(data);
        if (list?.length !== 100) return `expected 100 users, got ${list?.length}`;
        return list.every((edge) => edge.node.organizationMemberships)
          ? undefined
          : 'a user without memberships';
      },
      floor: async () => {
        const users = (await call('GET', `${emulator.clerkUrl}/users?limit=100&offset=0`, clerk)) as {
          id: string;
        }[];
        await Promise.all(
          users.map((user) =>
            call(
              'GET',
              `${emulator.clerkUrl}/users/${user.id}/organization_memberships?limit=10&offset=0`,
              clerk,
            ),
          ),
        );
      },
    },
    {
      id: 4,
      title: '`_entities` for 100 Clerk user references',
      graphql: (i) => ({
        query: `query Entities($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on User { id email firstName lastName status } }
        }`,
        variables: { representations: entityBatch(i).map((id) => ({ __typename: 'User', id })) },
      }),
      check: (data, i) => {
        const entities = data?._entities as ({ id: string } | null)[] | undefined;
        const asked = entityBatch(i);
        // A gateway matches entities to references by position.
        return entities?.length === asked.length && entities.every((entity, n) => entity?.id === asked[n])
          ? undefined
          : 'entities missing or out of order';
      },
      floor: async (i) => {
        const query = entityBatch(i)
          .map((id) => `user_id=${encodeURIComponent(id)}`)
          .join('&');
        const users = (await call(
          'GET',
          `${emulator.clerkUrl}/users?${query}&limit=${ENTITY_BATCH}`,
          clerk,
        )) as unknown[];
        if (users.length !== ENTITY_BATCH)
          throw new Error(`expected ${ENTITY_BATCH} users, got ${users.length}`);
      },
    },
    {
      id: 5,
      title: 'Admin mutation: `banUser` / `unbanUser` in turn (Clerk)',
      graphql: (i) => {
        const { userId, ban } = moderation(i);
        const field = ban ? 'banUser' : 'unbanUser';
        const payload = ban ? 'BanUserPayload' : 'UnbanUserPayload';
        return {
          query: `mutation Moderate($userId: ID!) {
            result: ${field}(input: { userId: $userId }) {
              ... on ${payload} { user { id status banned } }
              ... on Error { message }
            }
          }`,
          variables: { userId },
        };
      },
      check: (data, i) => {
        const { userId, ban } = moderation(i);
        const user = data?.result?.user;
        if (!user) return data?.result?.message ?? 'no user';
        return user.id === userId && user.banned === ban
          ? undefined
          : `${userId} not ${ban ? 'banned' : 'unbanned'}`;
      },
      floor: async (i) => {
        const { userId, ban } = moderation(i);
        await call('POST', `${emulator.clerkUrl}/users/${userId}/${ban ? 'ban' : 'unban'}`, clerk);
      },
    },
    {
      id: 6,
      title: `One Clerk user by id from a hot set of ${HOT_SET} (the user cache)`,
      graphql: (i) => ({
        query: `query One($id: ID!) {
          user(id: $id) { id provider email firstName lastName status createdAt }
        }`,
        variables: { id: hot(i) },
      }),
      check: (data, i) =>
        data?.user?.id === hot(i) ? undefined : `asked for ${hot(i)}, got ${data?.user?.id}`,
      floor: async (i) => {
        await call('GET', `${emulator.clerkUrl}/users/${hot(i)}`, clerk);
      },
    },
  ];
}
