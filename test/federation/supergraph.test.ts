import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { clerkUsers } from '../helpers/emulator-reads.js';
import { ORDERS_SDL, useSupergraph, type Order } from '../helpers/supergraph.js';

const ORDERS_WITH_USERS = `{ orders { id total user { id email provider } } }`;

const UNKNOWN_CLERK_ID = 'user_2zzzzzzzzzzzzzzzzzzzzzzzzzz';
const UNKNOWN_PASSAGE_ID = 'AAAAAAAAAAAAAAAAAAAAAAAA';

describe('usergraph in a supergraph (@apollo/gateway, composed in-process)', () => {
  const { emulator, query, setOrders, fetches, usergraphSdl } = useSupergraph({ users: 110 });

  const ordersOf = (userIds: string[]): Order[] =>
    userIds.map((userId, i) => ({ id: `order_${i}`, total: 10 + i, userId }));

  it('serves valid Federation v2 SDL at _service, and it composes', async () => {
    const sdl = usergraphSdl();
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.');
    expect(sdl).toMatch(/type User implements Node\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);

    const alone = composeServices([{ name: 'usergraph', typeDefs: parse(sdl) }]);
    expect(alone.errors).toBeUndefined();
    const withOrders = composeServices([
      { name: 'usergraph', typeDefs: parse(sdl) },
      { name: 'orders', typeDefs: parse(ORDERS_SDL) },
    ]);
    expect(withOrders.errors).toBeUndefined();
    // The federation plumbing stays out of the API the supergraph serves.
    expect(
      withOrders.schema?.toAPISchema().toGraphQLJSSchema().getQueryType()?.getFields(),
    ).not.toHaveProperty('_entities');
  });

  it('resolves 100 orders to their 100 distinct Clerk users in one upstream call', async () => {
    const users = await clerkUsers(emulator(), 100);
    setOrders(ordersOf(users.map((user) => user.id)));
    emulator().control.clearRequests();

    const { body } = await query(ORDERS_WITH_USERS);

    expect(body.errors).toBeUndefined();
    expect(body.data.orders).toHaveLength(100);
    expect(body.data.orders[42]).toEqual({
      id: 'order_42',
      total: 52,
      user: { id: users[42].id, email: expect.any(String), provider: 'CLERK' },
    });
    expect(body.data.orders.map((order: any) => order.user.id)).toEqual(users.map((user) => user.id));
    expect(emulator().control.requests()).toEqual([
      expect.objectContaining({ provider: 'clerk', method: 'GET', route: '/users' }),
    ]);
    expect(fetches().map((fetch) => fetch.subgraph)).toEqual(['orders', 'usergraph']);
  });

  it('reads each distinct Passage user once, however many orders reference it', async () => {
    const ids = await passageIds(emulator(), 3);
    setOrders(ordersOf([...ids, ...ids, ids[0]!]));
    emulator().control.clearRequests();

    const { body } = await query(ORDERS_WITH_USERS);

    expect(body.errors).toBeUndefined();
    expect(body.data.orders.map((order: any) => order.user.id)).toEqual([...ids, ...ids, ids[0]]);
    expect(body.data.orders.every((order: any) => order.user.provider === 'PASSAGE')).toBe(true);
    const calls = emulator().control.requests();
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((call) => call.path)).size).toBe(3);
    expect(
      calls.every((call) => call.provider === 'passage' && call.route?.endsWith('/users/{user_id}')),
    ).toBe(true);
  });

  it('routes references mixing both providers by id: one Clerk batch, one call per Passage user', async () => {
    const clerk = (await clerkUsers(emulator(), 3)).map((user) => user.id as string);
    const passage = await passageIds(emulator(), 2);
    setOrders(ordersOf([clerk[0]!, passage[0]!, clerk[1]!, passage[1]!, clerk[2]!]));
    emulator().control.clearRequests();

    const { body } = await query(ORDERS_WITH_USERS);

    expect(body.errors).toBeUndefined();
    expect(body.data.orders.map((order: any) => order.user.provider)).toEqual([
      'CLERK',
      'PASSAGE',
      'CLERK',
      'PASSAGE',
      'CLERK',
    ]);
    expect(emulator().control.requests({ provider: 'clerk' })).toHaveLength(1);
    expect(emulator().control.requests({ provider: 'passage' })).toHaveLength(2);
  });

  it('gives null for a reference nobody holds and keeps the others', async () => {
    const [known] = await clerkUsers(emulator(), 1);
    const [passage] = await passageIds(emulator(), 1);
    setOrders(ordersOf([known.id, UNKNOWN_CLERK_ID, passage!, UNKNOWN_PASSAGE_ID]));

    const { body } = await query(ORDERS_WITH_USERS);

    expect(body.errors).toBeUndefined();
    expect(body.data.orders.map((order: any) => order.user?.id ?? null)).toEqual([
      known.id,
      null,
      passage,
      null,
    ]);
  });

  it('goes from usergraph to orders: user(id:) then its orders', async () => {
    const [user] = await clerkUsers(emulator(), 1);
    setOrders([
      { id: 'order_a', total: 5, userId: user.id },
      { id: 'order_b', total: 7, userId: 'user_someone_else' },
      { id: 'order_c', total: 9, userId: user.id },
    ]);

    const { body } = await query(
      `query($id: ID!) {
        user(id: $id) { id email orders { id total } }
      }`,
      { id: user.id },
    );

    expect(body.errors).toBeUndefined();
    expect(body.data.user).toEqual({
      id: user.id,
      email: expect.any(String),
      orders: [
        { id: 'order_a', total: 5 },
        { id: 'order_c', total: 9 },
      ],
    });
    expect(fetches().map((fetch) => fetch.subgraph)).toEqual(['usergraph', 'orders']);
    expect(fetches()[1]?.query).toContain('_entities');
  });
});

/** The ids of the first `count` seeded Passage users. */
async function passageIds(emulator: RunningEmulator, count: number): Promise<string[]> {
  const { passageUrl, keys } = emulator;
  const response = await fetch(`${passageUrl}/apps/${keys.passageAppId}/users?limit=${count}`, {
    headers: { authorization: `Bearer ${keys.passageApiKey}` },
  });
  return ((await response.json()) as { users: { id: string }[] }).users.map((user) => user.id);
}
