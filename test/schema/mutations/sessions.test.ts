import { describe, expect, it } from 'vitest';
import { useMutations } from './helpers.js';

describe('sessions', () => {
  const { mutate, clerk, clerkUsers, userIds, emulator, routes, gql } = useMutations();

  /** Every session of the instance, as Clerk lists them. */
  async function allSessions(): Promise<any[]> {
    const sessions = [];
    for (const user of await clerkUsers()) {
      sessions.push(...(await clerk('GET', `/sessions?user_id=${user.id}&limit=500`)).body);
    }
    return sessions;
  }

  /** A seeded Clerk user with at least one active and one ended session. */
  async function userWithMixedSessions(): Promise<{ id: string; sessions: any[] }> {
    for (const user of await clerkUsers()) {
      const { body } = await clerk('GET', `/sessions?user_id=${user.id}&limit=500`);
      if (body.some((s: any) => s.status === 'active') && body.some((s: any) => s.status !== 'active'))
        return { id: user.id, sessions: body };
    }
    throw new Error('no seeded user has both active and ended sessions: seed more users');
  }

  it('User.sessions lists a Clerk user’s sessions newest first, and filters by status', async () => {
    const { id, sessions } = await userWithMixedSessions();
    emulator().control.clearRequests();
    const { body } = await gql(
      `query($id: ID!) { user(id: $id) {
        all: sessions(first: 50) { edges { node { id status userId latestActivity { browserName isMobile } } } }
        active: sessions(status: ACTIVE) { edges { node { id status } } }
      } }`,
      { id },
    );
    expect(body.errors).toBeUndefined();
    const all = body.data.user.all.edges.map((e: any) => e.node);
    expect(all.map((s: any) => s.id)).toEqual(sessions.map((s) => s.id));
    expect(all.every((s: any) => s.userId === id)).toBe(true);
    expect(all[0].latestActivity.browserName).toEqual(expect.any(String));
    const active = body.data.user.active.edges.map((e: any) => e.node);
    expect(active.map((s: any) => s.id)).toEqual(
      sessions.filter((s) => s.status === 'active').map((s) => s.id),
    );
    expect(active.every((s: any) => s.status === 'ACTIVE')).toBe(true);
    const lists = emulator().control.requests({ route: '/sessions' });
    expect(lists.map((r) => r.query).sort()).toEqual(
      [`user_id=${id}&limit=50&offset=0`, `user_id=${id}&status=active&limit=20&offset=0`].sort(),
    );
  });

  it('User.sessions is null for a Passage user, with no upstream call', async () => {
    const { passage } = await userIds();
    emulator().control.clearRequests();
    const { body } = await gql(`query($id: ID!) { user(id: $id) { sessions { edges { node { id } } } } }`, {
      id: passage,
    });
    expect(body.data.user.sessions).toBeNull();
    expect(routes()).toEqual(['GET /apps/{app_id}/users/{user_id}']);
  });

  it('signOutUser on a Clerk user revokes exactly that user’s active sessions, and no one else’s', async () => {
    const { id, sessions } = await userWithMixedSessions();
    const before = await allSessions();
    const active = sessions.filter((s) => s.status === 'active').map((s) => s.id);
    emulator().control.clearRequests();

    const { result, errors } = await mutate(
      'signOutUser',
      { userId: id },
      'userId user { sessions(status: ACTIVE) { edges { node { id } } } }',
    );
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ __typename: 'SignOutUserPayload', userId: id });
    expect(result.user.sessions.edges).toEqual([]);

    const revokes = emulator().control.requests({ route: '/sessions/{session_id}/revoke' });
    expect(revokes.map((r) => r.path).sort()).toEqual(active.map((s) => `/sessions/${s}/revoke`).sort());
    const [list] = emulator().control.requests({ route: '/sessions' });
    // One page, one past the most a sign-out revokes, to tell whether any would be left.
    expect(list!.query).toBe(`user_id=${id}&status=active&limit=101&offset=0`);

    const after = new Map((await allSessions()).map((s) => [s.id, s.status]));
    for (const session of before) {
      const expected = active.includes(session.id) ? 'revoked' : session.status;
      expect([session.id, after.get(session.id)]).toEqual([session.id, expected]);
    }
  });

  it('signOutUser on a Clerk user without active sessions lists once and revokes nothing', async () => {
    const { id } = await userWithMixedSessions();
    await mutate('signOutUser', { userId: id });
    emulator().control.clearRequests();
    const { result } = await mutate('signOutUser', { userId: id }, 'userId');
    expect(result).toEqual({ __typename: 'SignOutUserPayload', userId: id });
    expect(routes()).toEqual(['GET /sessions']);
  });

  it('signOutUser on a Clerk user with several sessions: the estimate covers the list and every revoke', async () => {
    const { id } = await userWithMixedSessions();
    for (let i = 0; i < 5; i++) await clerk('POST', '/sessions', { user_id: id });
    const active = (await clerk('GET', `/sessions?user_id=${id}&status=active&limit=500`)).body;
    expect(active.length).toBeGreaterThanOrEqual(5);
    emulator().control.clearRequests();
    const { body } = await gql(
      `mutation($id: ID!) { signOutUser(input: { userId: $id }) { __typename } }`,
      { id },
      { 'x-usergraph-cost': '1' },
    );
    expect(body.data.signOutUser.__typename).toBe('SignOutUserPayload');
    const actual = emulator().control.requests().length;
    expect(actual).toBe(1 + active.length);
    const { estimatedCalls } = (body as { extensions?: { cost?: { estimatedCalls?: number } } }).extensions
      ?.cost ?? { estimatedCalls: undefined };
    expect(estimatedCalls).toBe(101);
    expect(estimatedCalls).toBeGreaterThanOrEqual(actual);
  });

  it('signOutUser on a Clerk user with more sessions than one sign-out revokes: 100 revoked, ConflictError, and a second call ends the rest', async () => {
    const { id } = await userWithMixedSessions();
    await mutate('signOutUser', { userId: id });
    for (let i = 0; i < 103; i++) await clerk('POST', '/sessions', { user_id: id });
    emulator().control.clearRequests();
    const first = await mutate('signOutUser', { userId: id }, 'userId');
    expect(first.result).toMatchObject({
      __typename: 'ConflictError',
      message: expect.stringMatching(/^revoked 100 active sessions.*call signOutUser again$/),
    });
    expect(emulator().control.requests({ route: '/sessions/{session_id}/revoke' })).toHaveLength(100);
    expect(emulator().control.requests()).toHaveLength(101);
    const left = (await clerk('GET', `/sessions?user_id=${id}&status=active&limit=500`)).body;
    expect(left).toHaveLength(3);

    const second = await mutate('signOutUser', { userId: id }, 'userId');
    expect(second.result).toEqual({ __typename: 'SignOutUserPayload', userId: id });
    expect((await clerk('GET', `/sessions?user_id=${id}&status=active&limit=500`)).body).toEqual([]);
  });

  it('revokeSession ends one session in one call and leaves the user’s others alone', async () => {
    const { id, sessions } = await userWithMixedSessions();
    const target = sessions.find((s) => s.status === 'active');
    emulator().control.clearRequests();
    const { result, errors } = await mutate(
      'revokeSession',
      { sessionId: target.id },
      'userId session { id status userId }',
    );
    expect(errors).toBeUndefined();
    expect(result).toEqual({
      __typename: 'RevokeSessionPayload',
      userId: id,
      session: { id: target.id, status: 'REVOKED', userId: id },
    });
    expect(routes()).toEqual(['POST /sessions/{session_id}/revoke']);
    const { body } = await clerk('GET', `/sessions?user_id=${id}&limit=500`);
    for (const session of body) {
      const expected =
        session.id === target.id ? 'revoked' : sessions.find((s) => s.id === session.id).status;
      expect(session.status).toBe(expected);
    }
  });

  it('revokeSession on an unknown session is NotFoundError', async () => {
    const { result } = await mutate('revokeSession', { sessionId: 'sess_2zzzzzzzzzzzzzzzzzzzzzzzzzz' });
    expect(result).toMatchObject({ __typename: 'NotFoundError', provider: 'clerk' });
  });

  it('a ban revokes the user’s active sessions too', async () => {
    const { id } = await userWithMixedSessions();
    await mutate('banUser', { userId: id });
    const { body } = await clerk('GET', `/sessions?user_id=${id}&status=active`);
    expect(body).toEqual([]);
  });
});
