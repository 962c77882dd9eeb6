import { describe, expect, it } from 'vitest';
import { clerkGet, clerkUsers, iso, passageUserId } from '../helpers/emulator-reads.js';
import { useUsergraph } from '../helpers/server.js';

const TOKENS = /* GraphQL */ `
  query Tokens($id: ID!, $provider: String!) {
    user(id: $id) {
      oauthAccessTokens(provider: $provider) {
        provider
        externalAccountId
        token
        expiresAt
        scopes
        label
      }
    }
  }
`;

const TOKENS_ROUTE = '/users/{user_id}/oauth_access_tokens/{provider}';

describe('User.oauthAccessTokens', () => {
  const { emulator, gql } = useUsergraph({ users: 40 });

  /** A seeded Clerk user linked to `provider`, and one linked to nothing. */
  async function usersLinkedTo(provider: string) {
    const users = await clerkUsers(emulator(), 40);
    const linked = users.find((u) =>
      u.external_accounts.some((a: any) => a.provider === `oauth_${provider}`),
    );
    const unlinked = users.find((u) => u.external_accounts.length === 0);
    expect(linked).toBeDefined();
    expect(unlinked).toBeDefined();
    return { linked: linked.id as string, unlinked: unlinked.id as string };
  }

  it.each(['google', 'github'])('answers the %s tokens the emulator holds', async (provider) => {
    const { linked } = await usersLinkedTo(provider);
    const { body } = await gql(TOKENS, { id: linked, provider });
    expect(body.errors).toBeUndefined();
    const upstream: any[] = await clerkGet(
      emulator(),
      `/users/${linked}/oauth_access_tokens/oauth_${provider}`,
    );
    expect(upstream.length).toBeGreaterThan(0);
    expect(body.data.user.oauthAccessTokens).toEqual(
      upstream.map((t) => ({
        provider,
        externalAccountId: t.external_account_id,
        token: t.token,
        expiresAt: iso(t.expires_at),
        scopes: t.scopes,
        label: t.label,
      })),
    );
  });

  it('answers an empty list for a user with no account at that provider', async () => {
    const { unlinked } = await usersLinkedTo('google');
    const { body } = await gql(TOKENS, { id: unlinked, provider: 'google' });
    expect(body.errors).toBeUndefined();
    expect(body.data.user.oauthAccessTokens).toEqual([]);
  });

  it('is null for a Passage user, at no upstream cost', async () => {
    const id = await passageUserId(emulator());
    emulator().control.clearRequests();
    const { body } = await gql(TOKENS, { id, provider: 'google' });
    expect(body.errors).toBeUndefined();
    expect(body.data.user.oauthAccessTokens).toBeNull();
    expect(
      emulator()
        .control.requests()
        .map((r) => r.route),
    ).toEqual(['/apps/{app_id}/users/{user_id}']);
  });

  it('makes one call per distinct user and identity provider in a query', async () => {
    const { linked } = await usersLinkedTo('google');
    emulator().control.clearRequests();
    const { body } = await gql(
      `query($id: ID!) {
        a: user(id: $id) { x: oauthAccessTokens(provider: "google") { token } y: oauthAccessTokens(provider: "google") { scopes } }
        b: user(id: $id) { oauthAccessTokens(provider: "github") { token } }
      }`,
      { id: linked },
    );
    expect(body.errors).toBeUndefined();
    const calls = emulator().control.requests({ route: TOKENS_ROUTE });
    expect(calls.map((c) => c.path).sort()).toEqual([
      `/users/${linked}/oauth_access_tokens/oauth_github`,
      `/users/${linked}/oauth_access_tokens/oauth_google`,
    ]);
  });

  it('refuses a malformed identity provider before any call, as a located error', async () => {
    const { linked } = await usersLinkedTo('google');
    emulator().control.clearRequests();
    const { body } = await gql(TOKENS, { id: linked, provider: '../users' });
    expect(body.data.user.oauthAccessTokens).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['user', 'oauthAccessTokens'],
        extensions: expect.objectContaining({ code: 'INVALID_INPUT', argument: 'provider' }),
      }),
    ]);
    expect(emulator().control.requests({ route: TOKENS_ROUTE })).toEqual([]);
  });

  it("keeps the rest of the response when one user's call fails, and never leaks a token into the error", async () => {
    const { linked, unlinked } = await usersLinkedTo('google');
    emulator().control.addFaults({
      kind: 'status',
      status: 500,
      path: `/users/${linked}/oauth_access_tokens/oauth_google`,
    });
    const { body } = await gql(
      `query($a: ID!, $b: ID!) {
        a: user(id: $a) { id oauthAccessTokens(provider: "google") { token } }
        b: user(id: $b) { id oauthAccessTokens(provider: "google") { token } }
      }`,
      { a: linked, b: unlinked },
    );
    expect(body.data.a).toEqual({ id: linked, oauthAccessTokens: null });
    expect(body.data.b).toEqual({ id: unlinked, oauthAccessTokens: [] });
    expect(body.errors).toEqual([expect.objectContaining({ path: ['a', 'oauthAccessTokens'] })]);
    expect(JSON.stringify(body.errors)).not.toContain(emulator().keys.clerkSecretKey);
  });
});
