/**
 * createTotp calls a route Clerk's current Backend API does not have. Where Clerk answers 404 for
 * it, as the live API does for a path it has no route for, the admin gets UnsupportedError, not
 * a NotFoundError that would blame the user id.
 */
import { describe, expect, it } from 'vitest';
import { UNKNOWN_IDS, useMutations } from './helpers.js';

describe('createTotp against a Clerk without the route', () => {
  const { mutate, userIds, emulator, routes } = useMutations();

  it('is UnsupportedError when Clerk answers 404 for an existing user, after one check of the user', async () => {
    const { clerk } = await userIds();
    emulator().control.addFaults({
      kind: 'status',
      status: 404,
      route: '/users/{user_id}/totp',
      method: 'POST',
    });
    emulator().control.clearRequests();
    const { result, errors } = await mutate('createTotp', { userId: clerk }, 'secret');
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ __typename: 'UnsupportedError', provider: 'clerk' });
    expect(result.message).toContain('POST /users/{id}/totp');
    expect(routes()).toEqual(['POST /users/{user_id}/totp', 'GET /users/{user_id}']);
  });

  it('stays NotFoundError for a user who does not exist', async () => {
    emulator().control.addFaults({
      kind: 'status',
      status: 404,
      route: '/users/{user_id}/totp',
      method: 'POST',
    });
    const { result } = await mutate('createTotp', { userId: UNKNOWN_IDS.clerk });
    expect(result).toMatchObject({ __typename: 'NotFoundError', provider: 'clerk' });
  });
});
