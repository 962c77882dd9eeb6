import { describe, expect, it } from 'vitest';
import { UNKNOWN_IDS, useMutations } from './helpers.js';

describe('updateUserMetadata', () => {
  const { mutate, emulator, userIds, routes, upstream } = useMutations();

  // Clerk merges at any depth; Passage merges top-level keys, so a nested object is replaced.
  it.each([
    ['clerk', { x: 1, y: 3 }],
    ['passage', { y: 3 }],
  ] as const)('merges %s metadata; null removes a key', async (provider, merged) => {
    const ids = await userIds();
    const id = ids[provider];
    await mutate('updateUserMetadata', {
      userId: id,
      publicMetadata: { a: { x: 1, y: 2 }, kept: 1, gone: true },
    });
    emulator().control.clearRequests();
    const { result } = await mutate(
      'updateUserMetadata',
      { userId: id, publicMetadata: { a: { y: 3 }, gone: null } },
      'user { publicMetadata }',
    );
    expect(result.user.publicMetadata).toMatchObject({ a: merged, kept: 1 });
    expect(result.user.publicMetadata.a).toEqual(merged);
    expect(result.user.publicMetadata).not.toHaveProperty('gone');
    expect(routes()).toEqual([
      provider === 'clerk' ? 'PATCH /users/{user_id}/metadata' : 'PATCH /apps/{app_id}/users/{user_id}',
    ]);
  });

  it('refuses Clerk-only metadata for a Passage user before any upstream call', async () => {
    const { passage } = await userIds();
    emulator().control.clearRequests();
    const { result } = await mutate('updateUserMetadata', { userId: passage, privateMetadata: { a: 1 } });
    expect(result).toMatchObject({ __typename: 'InvalidInputError', fields: [{ field: 'privateMetadata' }] });
    expect(upstream()).toEqual([]);
  });

  it('is NotFoundError for an unknown user', async () => {
    const { result } = await mutate('updateUserMetadata', {
      userId: UNKNOWN_IDS.passage,
      publicMetadata: { a: 1 },
    });
    expect(result).toMatchObject({ __typename: 'NotFoundError', provider: 'passage' });
  });
});
