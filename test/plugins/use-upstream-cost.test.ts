import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { encodeCursor } from '../../src/schema/pagination.js';
import { clerkUsers } from '../helpers/emulator-reads.js';
import { useUsergraph } from '../helpers/server.js';

/** The first `count` seeded Passage users' ids. */
async function passageIds(emulator: RunningEmulator, count: number): Promise<string[]> {
  const { passageUrl, keys } = emulator;
  const response = await fetch(`${passageUrl}/apps/${keys.passageAppId}/users?limit=${count}`, {
    headers: { authorization: `Bearer ${keys.passageApiKey}` },
  });
  return ((await response.json()) as { users: { id: string }[] }).users.map((user) => user.id);
}

/** `count` aliases of one page of memberships, each after a different cursor: distinct calls. */
function membershipAliases(count: number, first = 1): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `m${i}: organizationMemberships(first: ${first}, after: "${encodeCursor({ offset: i })}") { edges { node { id } } }`,
  ).join('\n');
}

const ENTITIES = (selection: string) => `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on User { id ${selection} } }
  }`;

const references = (ids: string[]) => ids.map((id) => ({ __typename: 'User', id }));

describe('operations that could make too many upstream calls', () => {
  const { gql, emulator } = useUsergraph();

  it('refuses 500 references × 18 distinct membership pages (9,005 calls) before any call', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => `user_${String(i).padStart(24, '0')}`);
    const { body } = await gql(ENTITIES(membershipAliases(18)), { representations: references(ids) });
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message:
          'this operation could make 9005 upstream calls, more than the 250 allowed: ask for smaller pages, fewer users or fewer aliases',
        extensions: { code: 'UPSTREAM_COST_TOO_HIGH', estimatedCalls: 9005, maxCalls: 250 },
      },
    ]);
    expect(emulator().control.requests()).toEqual([]);
  });

  it('refuses the same shape through users(first: 500) before any call', async () => {
    const { body } = await gql(`{
      users(provider: CLERK, first: 500) {
        edges { node { organizationMemberships(first: 100) { edges { node { id } } } } }
      }
    }`);
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'UPSTREAM_COST_TOO_HIGH',
      estimatedCalls: 501,
      maxCalls: 250,
    });
    expect(emulator().control.requests()).toEqual([]);
  });

  it('runs the same page without the per-user field: one call', async () => {
    const { body } = await gql(`{ users(provider: CLERK, first: 500) { edges { node { id } } } }`);
    expect(body.errors).toBeUndefined();
    expect(emulator().control.requests()).toHaveLength(1);
  });
});

describe('USERGRAPH_MAX_UPSTREAM_CALLS', () => {
  const { gql, emulator } = useUsergraph({}, { env: { USERGRAPH_MAX_UPSTREAM_CALLS: '5' } });

  it('is the limit: 6 calls are refused, 5 run', async () => {
    const page = (first: number) =>
      `{ users(provider: CLERK, first: ${first}) { edges { node { organizationMemberships { totalCount } } } } }`;
    const refused = await gql(page(5));
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ estimatedCalls: 6, maxCalls: 5 });
    expect(emulator().control.requests()).toEqual([]);
    const run = await gql(page(4));
    expect(run.body.errors).toBeUndefined();
    expect(emulator().control.requests()).toHaveLength(5);
  });
});

interface Row {
  name: string;
  query: (ids: { clerk: string[]; passage: string[] }) => string;
  variables?: (ids: { clerk: string[]; passage: string[] }) => Record<string, unknown>;
  /** A shape clients send every day: its estimate must be within twice what it costs. */
  common: boolean;
}

const list = (ids: string[]) => JSON.stringify(ids);

const ROWS: Row[] = [
  { name: 'one Clerk user', common: true, query: ({ clerk }) => `{ user(id: "${clerk[0]}") { id email } }` },
  {
    name: 'one Passage user with devices',
    common: true,
    query: ({ passage }) => `{ user(id: "${passage[0]}") { id devices { id } } }`,
  },
  {
    name: 'node(id:)',
    common: true,
    query: ({ clerk }) => `{ node(id: "${clerk[0]}") { id ... on User { email } } }`,
  },
  {
    name: 'a Clerk page',
    common: true,
    query: () => `{ users(provider: CLERK, first: 10) { edges { node { id email } } } }`,
  },
  {
    name: 'a Clerk page with its total',
    common: true,
    query: () => `{ users(provider: CLERK, first: 5) { totalCount edges { node { id } } } }`,
  },
  {
    name: 'a Passage page with its total',
    common: true,
    query: () => `{ users(provider: PASSAGE, first: 5) { totalCount edges { node { id } } } }`,
  },
  {
    name: 'a Passage page after a cursor inside a page',
    common: true,
    query: () =>
      `{ users(provider: PASSAGE, first: 5, after: "${encodeCursor({ offset: 2 })}") { edges { node { id } } } }`,
  },
  {
    name: 'a Clerk page with each user’s memberships',
    common: true,
    query: () =>
      `{ users(provider: CLERK, first: 5) { edges { node { organizationMemberships(first: 10) { edges { node { id role } } } } } } }`,
  },
  {
    name: 'a Passage page with each user’s devices',
    common: true,
    query: () => `{ users(provider: PASSAGE, first: 5) { edges { node { id devices { id name } } } } }`,
  },
  {
    name: 'a Clerk page with devices (passkeys come with the user)',
    common: true,
    query: () => `{ users(provider: CLERK, first: 5) { edges { node { id devices { id } } } } }`,
  },
  {
    name: 'a Passage page with memberships (Passage has none: no call)',
    common: true,
    query: () =>
      `{ users(provider: PASSAGE, first: 5) { edges { node { id organizationMemberships { totalCount } } } } }`,
  },
  {
    name: 'a Clerk page with three per-user fields',
    common: true,
    query: () =>
      `{ users(provider: CLERK, first: 3) { edges { node { organizationMemberships(first: 2) { totalCount } organizationInvitations { totalCount } devices { id } } } } }`,
  },
  {
    name: 'nodes(ids:) of 10 Clerk users',
    common: true,
    query: ({ clerk }) => `{ nodes(ids: ${list(clerk.slice(0, 10))}) { id } }`,
  },
  {
    name: 'nodes(ids:) of both providers',
    common: true,
    query: ({ clerk, passage }) =>
      `{ nodes(ids: ${list([...clerk.slice(0, 5), ...passage.slice(0, 5)])}) { id } }`,
  },
  {
    name: 'nodes(ids:) with memberships',
    common: true,
    query: ({ clerk }) =>
      `{ nodes(ids: ${list(clerk.slice(0, 10))}) { ... on User { organizationMemberships(first: 2) { edges { node { id } } } } } }`,
  },
  {
    name: 'aliases: two distinct pages and a repeat',
    common: true,
    query: ({ clerk }) =>
      `{ user(id: "${clerk[0]}") { a: organizationMemberships(first: 1) { totalCount } b: organizationMemberships(first: 1, after: "${encodeCursor({ offset: 0 })}") { totalCount } c: organizationMemberships(first: 1) { totalCount } } }`,
  },
  {
    name: 'aliases of user(id:) batched into one call',
    common: true,
    query: ({ clerk }) => `{ a: user(id: "${clerk[0]}") { id } b: user(id: "${clerk[1]}") { id } }`,
  },
  {
    name: '_entities: 10 Clerk references',
    common: true,
    query: () => ENTITIES('email'),
    variables: ({ clerk }) => ({ representations: references(clerk.slice(0, 10)) }),
  },
  {
    name: '_entities: 5 Passage references with devices',
    common: true,
    query: () => ENTITIES('devices { id }'),
    variables: ({ passage }) => ({ representations: references(passage.slice(0, 5)) }),
  },
  {
    name: '_entities: 10 Clerk references × 3 membership pages',
    common: true,
    query: () => ENTITIES(membershipAliases(3)),
    variables: ({ clerk }) => ({ representations: references(clerk.slice(0, 10)) }),
  },
  { name: 'userCount', common: true, query: () => `{ userCount(provider: CLERK) }` },
  {
    name: 'userByIdentifier on every provider',
    common: true,
    query: () => `{ userByIdentifier(identifier: "nobody@example.com") { id } }`,
  },
  {
    name: 'OAuth tokens of a Clerk user',
    common: true,
    query: ({ clerk }) =>
      `{ user(id: "${clerk[0]}") { oauthAccessTokens(provider: "google") { provider } } }`,
  },
  {
    name: 'a Clerk page with each user’s trusted devices',
    common: true,
    query: () => `{ users(provider: CLERK, first: 5) { edges { node { id trustedDevices { id } } } } }`,
  },
  {
    name: 'a Passage page with trusted devices (Passage has none: no call)',
    common: true,
    query: () => `{ users(provider: PASSAGE, first: 5) { edges { node { id trustedDevices { id } } } } }`,
  },
  {
    name: 'the allowlist and the blocklist, a page each',
    common: true,
    query: () =>
      `{ allowlistIdentifiers(first: 2) { totalCount edges { node { id } } } blocklistIdentifiers(first: 2) { edges { node { id } } } }`,
  },
  {
    name: 'createBlocklistIdentifier',
    common: true,
    query: () =>
      `mutation { createBlocklistIdentifier(input: { identifier: "*@cost.example.com" }) { __typename } }`,
  },
  {
    name: 'banUser answering the user',
    common: true,
    query: ({ clerk }) =>
      `mutation { banUser(input: { userId: "${clerk[0]}" }) { ... on BanUserPayload { user { id banned } } } }`,
  },
  {
    name: 'signOutUser reading the user back',
    common: true,
    query: ({ passage }) =>
      `mutation { signOutUser(input: { userId: "${passage[0]}" }) { ... on SignOutUserPayload { userId user { id } } } }`,
  },
  {
    name: 'updateUserMetadata on Passage',
    common: true,
    query: ({ passage }) =>
      `mutation { updateUserMetadata(input: { userId: "${passage[0]}", publicMetadata: { plan: "pro" } }) { ... on UpdateUserMetadataPayload { user { id } } } }`,
  },
  {
    name: 'addEmailAddress reading the address back',
    common: true,
    query: ({ clerk }) =>
      `mutation { addEmailAddress(input: { userId: "${clerk[2]}", emailAddress: "cost-read-again@example.com" }) { ... on AddEmailAddressPayload { emailAddressId emailAddress { address } } } }`,
  },
  {
    name: 'two mutations in one operation',
    common: true,
    query: ({ clerk }) =>
      `mutation { lockUser(input: { userId: "${clerk[1]}" }) { __typename } unlockUser(input: { userId: "${clerk[1]}" }) { __typename } }`,
  },
];

describe('the estimate against the calls the emulator counts', () => {
  const { gql, emulator } = useUsergraph();

  it.each(ROWS)('$name', async (row) => {
    const ids = {
      clerk: (await clerkUsers(emulator(), 10)).map((user: { id: string }) => user.id),
      passage: await passageIds(emulator(), 5),
    };
    emulator().control.clearRequests();
    const { body } = await gql(row.query(ids), row.variables?.(ids), { 'x-usergraph-cost': '1' });
    expect(body.errors).toBeUndefined();
    const estimate = (body as { extensions?: { cost?: { estimatedCalls?: number } } }).extensions?.cost
      ?.estimatedCalls;
    const actual = emulator().control.requests().length;
    expect(actual).toBeGreaterThan(0);
    expect(estimate).toBeGreaterThanOrEqual(actual);
    if (row.common) expect(estimate).toBeLessThanOrEqual(2 * actual);
  });
});
