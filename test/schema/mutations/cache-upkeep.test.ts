/**
 * A mutation's declaration says which user it changes (`changes` in define.ts), and the wrapper
 * drops everything the request cached about that user: a field read after the mutation, in the
 * same operation, sees the user as the mutation left them, not as they were read before it.
 */
import { describe, expect, it } from 'vitest';
import { useMutations } from './helpers.js';

const TOKENS = 'oauthAccessTokens(provider: "google") { externalAccountId }';
const PER_USER_LISTS = `
  devices { id }
  externalAccounts { id }
  ${TOKENS}
  organizationMemberships(first: 5) { totalCount }
  organizationInvitations(first: 5) { totalCount }
`;

describe('cache upkeep declared by each mutation', () => {
  const { gql, clerkUsers, emulator, routes } = useMutations();

  /** A seeded Clerk user with a linked Google account and a passkey. */
  async function linkedUser(): Promise<{ id: string; accountId: string; passkeyId: string }> {
    const user = (await clerkUsers()).find(
      (u) => u.passkeys.length > 0 && u.external_accounts.some((a: any) => a.provider === 'oauth_google'),
    );
    if (!user) throw new Error('no seeded Clerk user has a passkey and a Google account: seed more users');
    const account = user.external_accounts.find((a: any) => a.provider === 'oauth_google');
    return { id: user.id, accountId: account.id, passkeyId: user.passkeys[0].id };
  }

  it('reads after deleteExternalAccount see its OAuth token gone, though the same tokens were read before it', async () => {
    const { id, accountId } = await linkedUser();
    const { body } = await gql(
      `mutation($u: ID!, $account: ID!) {
        before: lockUser(input: { userId: $u }) { ... on LockUserPayload { user { externalAccounts { id } ${TOKENS} } } }
        after: deleteExternalAccount(input: { userId: $u, externalAccountId: $account }) {
          ... on DeleteExternalAccountPayload { user { externalAccounts { id } ${TOKENS} } }
        }
      }`,
      { u: id, account: accountId },
    );
    expect(body.errors).toBeUndefined();
    const accounts = (alias: string) =>
      body.data[alias].user.externalAccounts.map((a: { id: string }) => a.id);
    const tokens = (alias: string) =>
      body.data[alias].user.oauthAccessTokens.map((t: { externalAccountId: string }) => t.externalAccountId);
    expect(accounts('before')).toContain(accountId);
    expect(tokens('before')).toContain(accountId);
    expect(accounts('after')).not.toContain(accountId);
    expect(tokens('after')).not.toContain(accountId);
  });

  it('reads after deleteDevice see the passkey gone, though the devices were read before it', async () => {
    const { id, passkeyId } = await linkedUser();
    const { body } = await gql(
      `mutation($u: ID!, $device: ID!) {
        before: lockUser(input: { userId: $u }) { ... on LockUserPayload { user { devices { id } } } }
        after: deleteDevice(input: { userId: $u, deviceId: $device }) {
          ... on DeleteDevicePayload { user { devices { id } } }
        }
      }`,
      { u: id, device: passkeyId },
    );
    expect(body.errors).toBeUndefined();
    const devices = (alias: string) => body.data[alias].user.devices.map((d: { id: string }) => d.id);
    expect(devices('before')).toContain(passkeyId);
    expect(devices('after')).not.toContain(passkeyId);
  });

  it('every per-user list read after a mutation is asked for again, once', async () => {
    const { id } = await linkedUser();
    emulator().control.clearRequests();
    const { body } = await gql(
      `mutation($u: ID!) {
        before: lockUser(input: { userId: $u }) { ... on LockUserPayload { user { ${PER_USER_LISTS} } } }
        again: lockUser(input: { userId: $u }) { ... on LockUserPayload { user { ${PER_USER_LISTS} } } }
        after: unlockUser(input: { userId: $u }) { ... on UnlockUserPayload { user { ${PER_USER_LISTS} } } }
      }`,
      { u: id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.after.user.organizationMemberships).toEqual(
      body.data.before.user.organizationMemberships,
    );
    const count = (route: string) => routes().filter((r) => r === route).length;
    // One read per mutation: each mutation dropped what the one before it had cached.
    expect(count('GET /users/{user_id}/organization_memberships')).toBe(3);
    expect(count('GET /users/{user_id}/organization_invitations')).toBe(3);
    expect(count('GET /users/{user_id}/oauth_access_tokens/{provider}')).toBe(3);
  });
});
