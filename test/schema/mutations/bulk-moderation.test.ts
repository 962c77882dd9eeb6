import { describe, expect, it } from 'vitest';
import { useMutations } from './helpers.js';

describe('banUsers and unbanUsers', () => {
  const { mutate, clerkUsers, userIds, emulator, routes, upstream, gql } = useMutations({ users: 120 });

  it('bans 50 users in one upstream call, and every one of them reads banned afterwards', async () => {
    const ids = (await clerkUsers()).slice(0, 50).map((u) => u.id);
    emulator().control.clearRequests();
    const { result, errors } = await mutate('banUsers', { userIds: ids }, 'users { id banned status }');
    expect(errors).toBeUndefined();
    expect(result.users.map((u: any) => u.id).sort()).toEqual([...ids].sort());
    expect(result.users.every((u: any) => u.banned && u.status === 'BANNED')).toBe(true);
    expect(routes()).toEqual(['POST /users/ban']);
    expect(upstream()[0]!.body).toEqual({ user_ids: ids });

    const { body } = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { banned } } }`, {
      ids,
    });
    expect(body.data.nodes.every((u: any) => u.banned)).toBe(true);
  });

  it('120 users are three concurrent calls of at most 50; unbanUsers undoes them', async () => {
    const ids = (await clerkUsers()).map((u) => u.id);
    expect(ids).toHaveLength(120);
    emulator().control.clearRequests();
    await mutate('banUsers', { userIds: ids });
    const sizes = upstream().map((r) => (r.body as { user_ids: string[] }).user_ids.length);
    expect(sizes.sort()).toEqual([20, 50, 50]);

    emulator().control.clearRequests();
    const { result } = await mutate('unbanUsers', { userIds: ids }, 'users { banned }');
    expect(result.users).toHaveLength(120);
    expect(result.users.every((u: any) => u.banned === false)).toBe(true);
    expect(routes()).toEqual(['POST /users/unban', 'POST /users/unban', 'POST /users/unban']);
  });

  it('a Passage id in the list is UnsupportedError and bans nobody', async () => {
    const ids = await userIds();
    emulator().control.clearRequests();
    const { result } = await mutate('banUsers', { userIds: [ids.clerk, ids.passage] });
    expect(result).toMatchObject({ __typename: 'UnsupportedError', provider: 'passage' });
    expect(upstream()).toEqual([]);
  });

  it.each([
    ['no ids', []],
    ['501 ids', Array.from({ length: 501 }, (_, i) => `user_${i}`)],
    ['a blank id', ['user_a', ' ']],
  ])('refuses %s before any upstream call', async (_, userIds) => {
    emulator().control.clearRequests();
    const { result } = await mutate('banUsers', { userIds });
    expect(result.__typename).toBe('InvalidInputError');
    expect(result.fields.map((f: any) => f.field)).toEqual(['userIds']);
    expect(upstream()).toEqual([]);
  });
});
