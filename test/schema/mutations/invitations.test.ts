import { describe, expect, it } from 'vitest';
import { useMutations } from './helpers.js';

const INVITATION = 'id emailAddress status publicMetadata expiresAt';

describe('invitations to sign up', () => {
  const { mutate, clerk, clerkUsers, emulator, routes, upstream, gql } = useMutations();

  it('invitations lists the seeded pending and accepted ones, newest first, revoked only when asked', async () => {
    emulator().control.clearRequests();
    const { body } = await gql(`{
      open: invitations(first: 50) { totalCount edges { node { ${INVITATION} createdAt } } }
      revoked: invitations(status: REVOKED) { edges { node { status } } }
    }`);
    expect(body.errors).toBeUndefined();
    const open = body.data.open.edges.map((e: any) => e.node);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((i: any) => i.status !== 'REVOKED')).toBe(true);
    const created = open.map((i: any) => Date.parse(i.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(body.data.revoked.edges.every((e: any) => e.node.status === 'REVOKED')).toBe(true);
    expect(routes()).toEqual(['GET /invitations', 'GET /invitations']);
  });

  it('createInvitations with one address is one POST /invitations; with three, one bulk call', async () => {
    emulator().control.clearRequests();
    const one = await mutate(
      'createInvitations',
      {
        invitations: [
          { emailAddress: 'solo@example.com', publicMetadata: { plan: 'pro' }, expiresInDays: 7 },
        ],
      },
      `invitations { ${INVITATION} }`,
    );
    expect(one.errors).toBeUndefined();
    expect(one.result.invitations).toEqual([
      expect.objectContaining({
        emailAddress: 'solo@example.com',
        status: 'PENDING',
        publicMetadata: { plan: 'pro' },
      }),
    ]);
    expect(upstream()[0]!.body).toEqual({
      email_address: 'solo@example.com',
      public_metadata: { plan: 'pro' },
      expires_in_days: 7,
    });

    const many = await mutate(
      'createInvitations',
      { invitations: ['a', 'b', 'c'].map((n) => ({ emailAddress: `${n}@team.example.com` })) },
      `invitations { emailAddress }`,
    );
    expect(many.result.invitations.map((i: any) => i.emailAddress)).toEqual([
      'a@team.example.com',
      'b@team.example.com',
      'c@team.example.com',
    ]);
    expect(routes()).toEqual(['POST /invitations', 'POST /invitations/bulk']);
  });

  it('an address that is already a user fails the whole bulk call, and nothing is created', async () => {
    const [user] = await clerkUsers();
    const before = (await clerk('GET', '/invitations?limit=500')).body.length;
    const { result } = await mutate('createInvitations', {
      invitations: [
        { emailAddress: 'fresh@example.com' },
        { emailAddress: user.email_addresses[0].email_address },
      ],
    });
    expect(result.__typename).toBe('ConflictError');
    expect((await clerk('GET', '/invitations?limit=500')).body.length).toBe(before);
  });

  it('revokeInvitation withdraws a pending one; revoking it again is refused by Clerk', async () => {
    const [pending] = (await clerk('GET', '/invitations?status=pending')).body;
    const { result } = await mutate(
      'revokeInvitation',
      { invitationId: pending.id },
      'invitation { id status }',
    );
    expect(result.invitation).toEqual({ id: pending.id, status: 'REVOKED' });
    const again = await mutate('revokeInvitation', { invitationId: pending.id });
    expect(again.result).toMatchObject({ __typename: 'InvalidInputError', provider: 'clerk' });
  });

  it.each([
    ['no invitations', []],
    ['eleven', Array.from({ length: 11 }, (_, i) => ({ emailAddress: `p${i}@example.com` }))],
    ['a malformed address', [{ emailAddress: 'nope' }]],
    ['a lifetime out of range', [{ emailAddress: 'x@example.com', expiresInDays: 400 }]],
  ])('refuses %s before any upstream call', async (_, invitations) => {
    emulator().control.clearRequests();
    const { result } = await mutate('createInvitations', { invitations });
    expect(result.__typename).toBe('InvalidInputError');
    expect(upstream()).toEqual([]);
  });
});
