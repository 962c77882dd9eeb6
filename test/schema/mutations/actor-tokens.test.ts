import { describe, expect, it } from 'vitest';
import { useMutations } from './helpers.js';

describe('actor tokens (impersonation)', () => {
  const { mutate, userIds, emulator, routes, upstream } = useMutations();

  it('createActorToken issues a token for a Clerk user in one call; revokeActorToken withdraws it', async () => {
    const { clerk } = await userIds();
    emulator().control.clearRequests();
    const { result, errors } = await mutate(
      'createActorToken',
      { userId: clerk, actorId: 'user_support_agent', expiresInSeconds: 600 },
      'token url actorToken { id userId actorId status }',
    );
    expect(errors).toBeUndefined();
    expect(result.actorToken).toMatchObject({
      userId: clerk,
      actorId: 'user_support_agent',
      status: 'PENDING',
    });
    expect(result.token).toEqual(expect.any(String));
    expect(result.url).toContain(result.token);
    expect(routes()).toEqual(['POST /actor_tokens']);
    expect(upstream()[0]!.body).toEqual({
      user_id: clerk,
      actor: { sub: 'user_support_agent' },
      expires_in_seconds: 600,
    });
    // The request log keeps no token: bodies are logged, responses are not.
    expect(JSON.stringify(emulator().control.requests())).not.toContain(result.token);

    const revoked = await mutate(
      'revokeActorToken',
      { actorTokenId: result.actorToken.id },
      'actorToken { id status }',
    );
    expect(revoked.result.actorToken).toEqual({ id: result.actorToken.id, status: 'REVOKED' });
  });

  it('refuses a lifetime out of range before any call, and is UnsupportedError on Passage', async () => {
    const ids = await userIds();
    emulator().control.clearRequests();
    const bad = await mutate('createActorToken', { userId: ids.clerk, actorId: 'a', expiresInSeconds: 5 });
    expect(bad.result.__typename).toBe('InvalidInputError');
    const passage = await mutate('createActorToken', { userId: ids.passage, actorId: 'a' });
    expect(passage.result).toMatchObject({ __typename: 'UnsupportedError', provider: 'passage' });
    expect(upstream()).toEqual([]);
  });
});
