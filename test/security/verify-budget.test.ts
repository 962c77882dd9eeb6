import { describe, expect, it } from 'vitest';
import { useUsergraph } from '../helpers/server.js';

const VERIFY = `mutation($id: ID!, $p: String!) {
  verifyPassword(input: { userId: $id, password: $p }) {
    __typename
    ... on VerifyPasswordPayload { verified }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`;

describe('password and TOTP guesses per user', () => {
  const { emulator, gql } = useUsergraph({ users: 5 }, { env: { USERGRAPH_VERIFY_ATTEMPTS: '3' } });

  it('answers RateLimitedError past the budget without asking Clerk, per user', async () => {
    const { clerkUrl, keys } = emulator();
    const users = (await (
      await fetch(`${clerkUrl}/users?limit=2`, {
        headers: { authorization: `Bearer ${keys.clerkSecretKey}` },
      })
    ).json()) as { id: string }[];
    const [first, second] = users.map((user) => user.id);
    emulator().control.clearRequests();
    for (let i = 0; i < 3; i++) {
      const { body } = await gql(VERIFY, { id: first, p: `wrong-guess-${i}` });
      expect(body.data.verifyPassword).toEqual({ __typename: 'VerifyPasswordPayload', verified: false });
    }
    const refused = await gql(VERIFY, { id: first, p: 'wrong-guess-4' });
    expect(refused.body.data.verifyPassword.__typename).toBe('RateLimitedError');
    expect(refused.body.data.verifyPassword.retryAfterSeconds).toBeGreaterThan(800);
    expect(emulator().control.requests({ route: '/users/{user_id}/verify_password' })).toHaveLength(3);

    const other = await gql(VERIFY, { id: second, p: 'correct-horse-battery-staple' });
    expect(other.body.data.verifyPassword.__typename).toBe('VerifyPasswordPayload');
  });

  it("spends no guess on a malformed id, so junk ids cannot reset or exhaust another user's budget", async () => {
    const { clerkUrl, keys } = emulator();
    const [victim] = (await (
      await fetch(`${clerkUrl}/users?limit=1`, {
        headers: { authorization: `Bearer ${keys.clerkSecretKey}` },
      })
    ).json()) as { id: string }[];
    for (let i = 0; i < 3; i++) await gql(VERIFY, { id: victim!.id, p: `wrong-guess-${i}` });
    emulator().control.clearRequests();
    for (const junk of ['../x', 'user_ünï', 'a'.repeat(5000), 'user_1/verify_password']) {
      // More tries than the budget: a junk id that spent guesses would turn RateLimitedError.
      for (let i = 0; i < 4; i++) {
        const { body } = await gql(VERIFY, { id: junk, p: 'guess' });
        expect(body.data.verifyPassword.__typename, junk.slice(0, 20)).toBe('InvalidInputError');
      }
    }
    const still = await gql(VERIFY, { id: victim!.id, p: 'wrong-guess-4' });
    expect(still.body.data.verifyPassword.__typename).toBe('RateLimitedError');
    expect(emulator().control.requests()).toHaveLength(0);
  });
});
