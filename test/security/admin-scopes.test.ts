/**
 * The scopes of the support actions: what can hand an account to someone else (a verified or
 * primary identifier, no password, impersonation) needs `secrets` besides `write`, and is refused
 * with FORBIDDEN and no upstream call without it; the harmless form of the same action, and what
 * only takes access away or decides who may sign up, needs only `write`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useUsergraph } from '../helpers/server.js';

const apiKey = (name: string) => `ug_${name}_${randomBytes(24).toString('hex')}`;
const KEYS = { write: apiKey('write'), all: apiKey('all') };
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('scopes of the support actions', () => {
  const { gql, emulator } = useUsergraph(
    { users: 10 },
    {
      callerAuth: () => ({
        USERGRAPH_API_KEYS: [`${sha256(KEYS.write)}:write`, `${sha256(KEYS.all)}:read+write+secrets`].join(
          ',',
        ),
      }),
    },
  );
  const as = (key: string) => ({ authorization: `Bearer ${key}` });

  async function clerkUserId(): Promise<string> {
    const response = await fetch(`${emulator().clerkUrl}/users?limit=1`, {
      headers: { authorization: `Bearer ${emulator().keys.clerkSecretKey}` },
    });
    return ((await response.json()) as { id: string }[])[0]!.id;
  }

  const ADD_EMAIL = `mutation($input: AddEmailAddressInput!) { addEmailAddress(input: $input) { __typename } }`;

  it.each([
    ['verified', { verified: true }],
    ['primary', { primary: true }],
  ])(
    'addEmailAddress as %s needs secrets: FORBIDDEN with a write-only key, no upstream call',
    async (_, flags) => {
      const userId = await clerkUserId();
      emulator().control.clearRequests();
      const { body } = await gql(
        ADD_EMAIL,
        { input: { userId, emailAddress: 'x@example.com', ...flags } },
        as(KEYS.write),
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(emulator().control.requests()).toEqual([]);
    },
  );

  it('addEmailAddress unverified and not primary needs only write', async () => {
    const userId = await clerkUserId();
    const { body } = await gql(
      ADD_EMAIL,
      { input: { userId, emailAddress: 'plain@example.com' } },
      as(KEYS.write),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.addEmailAddress.__typename).toBe('AddEmailAddressPayload');
  });

  it('updatePhoneNumber making a number primary needs secrets', async () => {
    const userId = await clerkUserId();
    const document = `mutation { updatePhoneNumber(input: { userId: "${userId}", phoneNumberId: "idn_x", primary: true }) { __typename } }`;
    expect((await gql(document, {}, as(KEYS.write))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(document, {}, as(KEYS.all))).body.data.updatePhoneNumber.__typename).toBe(
      'NotFoundError',
    );
  });

  it('removePassword needs secrets; with them it goes through', async () => {
    const userId = await clerkUserId();
    const document = `mutation { removePassword(input: { userId: "${userId}" }) { __typename } }`;
    emulator().control.clearRequests();
    expect((await gql(document, {}, as(KEYS.write))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(emulator().control.requests()).toEqual([]);
    expect((await gql(document, {}, as(KEYS.all))).body.data.removePassword.__typename).toBe(
      'RemovePasswordPayload',
    );
  });

  it('an actor token cannot be created with a write-only key; revoking one needs only write', async () => {
    const userId = await clerkUserId();
    const create = `mutation { createActorToken(input: { userId: "${userId}", actorId: "user_agent" }) { __typename ... on CreateActorTokenPayload { actorToken { id } } } }`;
    emulator().control.clearRequests();
    const refused = await gql(create, {}, as(KEYS.write));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.body.data?.createActorToken ?? null).toBeNull();
    expect(emulator().control.requests()).toEqual([]);

    const issued = await gql(create, {}, as(KEYS.all));
    const id = issued.body.data.createActorToken.actorToken.id;
    const revoke = `mutation { revokeActorToken(input: { actorTokenId: "${id}" }) { __typename } }`;
    expect((await gql(revoke, {}, as(KEYS.write))).body.data.revokeActorToken.__typename).toBe(
      'RevokeActorTokenPayload',
    );
  });

  it('the allowlist, the blocklist and revoking a trusted device need only write', async () => {
    const write = as(KEYS.write);
    const allowed = await gql(
      `mutation { createAllowlistIdentifier(input: { identifier: "*@scopes.example.com" }) { ... on CreateAllowlistIdentifierPayload { allowlistIdentifier { id } } } }`,
      {},
      write,
    );
    expect(allowed.body.errors).toBeUndefined();
    const id = allowed.body.data.createAllowlistIdentifier.allowlistIdentifier.id;
    const deleted = await gql(
      `mutation { deleteAllowlistIdentifier(input: { allowlistIdentifierId: "${id}" }) { __typename } }`,
      {},
      write,
    );
    expect(deleted.body.data.deleteAllowlistIdentifier.__typename).toBe('DeleteAllowlistIdentifierPayload');
    const blocked = await gql(
      `mutation { createBlocklistIdentifier(input: { identifier: "+15005550177" }) { __typename } }`,
      {},
      write,
    );
    expect(blocked.body.data.createBlocklistIdentifier.__typename).toBe('CreateBlocklistIdentifierPayload');
    const revoked = await gql(
      `mutation { revokeTrustedDevice(input: { userId: "${await clerkUserId()}", trustedDeviceId: "td_missing" }) { __typename } }`,
      {},
      write,
    );
    expect(revoked.body.errors).toBeUndefined();
    expect(revoked.body.data.revokeTrustedDevice.__typename).toBe('NotFoundError');
  });
});
