/**
 * The official SDK reads back what the support mutations wrote: @clerk/backend, pointed at the
 * same emulator, sees the sessions signOutUser revoked, the e-mail address addEmailAddress made
 * primary, the phone number addPhoneNumber added, the invitations createInvitations sent and the
 * allowlist and blocklist entries created and deleted, through its own classes.
 */
import { createClerkClient } from '@clerk/backend';
import { describe, expect, it } from 'vitest';
import { useUsergraph } from '../helpers/server.js';

describe('@clerk/backend reads what the support mutations wrote', () => {
  const { gql, emulator } = useUsergraph({ users: 30 });
  const sdk = () =>
    createClerkClient({ secretKey: emulator().keys.clerkSecretKey, apiUrl: `${emulator().url}/clerk` });

  it('sessions revoked by signOutUser', async () => {
    const users = (await sdk().users.getUserList({ limit: 30 })).data;
    let target: string | undefined;
    for (const user of users) {
      const { data } = await sdk().sessions.getSessionList({ userId: user.id, status: 'active' });
      if (data.length > 0) {
        target = user.id;
        break;
      }
    }
    expect(target).toBeDefined();
    const { body } = await gql(`mutation($id: ID!) { signOutUser(input: { userId: $id }) { __typename } }`, {
      id: target,
    });
    expect(body.data.signOutUser.__typename).toBe('SignOutUserPayload');
    const active = await sdk().sessions.getSessionList({ userId: target!, status: 'active' });
    expect(active.data).toEqual([]);
    const revoked = await sdk().sessions.getSessionList({ userId: target!, status: 'revoked' });
    expect(revoked.data.length).toBeGreaterThan(0);
    expect(revoked.data.every((s) => s.userId === target && s.status === 'revoked')).toBe(true);
  });

  it('an e-mail address added as verified and primary', async () => {
    const [user] = (await sdk().users.getUserList({ limit: 1 })).data;
    const { body } = await gql(
      `mutation($input: AddEmailAddressInput!) { addEmailAddress(input: $input) { ... on AddEmailAddressPayload { emailAddressId } } }`,
      { input: { userId: user!.id, emailAddress: 'sdk.reads@example.com', verified: true, primary: true } },
    );
    const id = body.data.addEmailAddress.emailAddressId;
    const address = await sdk().emailAddresses.getEmailAddress(id);
    expect(address.emailAddress).toBe('sdk.reads@example.com');
    expect(address.verification?.status).toBe('verified');
    const after = await sdk().users.getUser(user!.id);
    expect(after.primaryEmailAddressId).toBe(id);
    expect(after.primaryEmailAddress?.emailAddress).toBe('sdk.reads@example.com');
  });

  it('invitations sent by createInvitations, and one revoked', async () => {
    const { body } = await gql(
      `mutation($input: CreateInvitationsInput!) { createInvitations(input: $input) { ... on CreateInvitationsPayload { invitations { id } } } }`,
      {
        input: {
          invitations: [
            { emailAddress: 'sdk.one@example.com', publicMetadata: { team: 'qa' } },
            { emailAddress: 'sdk.two@example.com' },
          ],
        },
      },
    );
    const [first, second] = body.data.createInvitations.invitations;
    await gql(`mutation($id: ID!) { revokeInvitation(input: { invitationId: $id }) { __typename } }`, {
      id: second.id,
    });
    const { data } = await sdk().invitations.getInvitationList({ query: 'sdk.' });
    const byId = new Map(data.map((i) => [i.id, i]));
    expect(byId.get(first.id)).toMatchObject({
      emailAddress: 'sdk.one@example.com',
      status: 'pending',
      publicMetadata: { team: 'qa' },
    });
    expect(byId.has(second.id)).toBe(false);
    const revoked = await sdk().invitations.getInvitationList({ status: 'revoked' });
    expect(revoked.data.map((i) => i.id)).toContain(second.id);
  });

  it('a phone number added as verified', async () => {
    const [user] = (await sdk().users.getUserList({ limit: 1 })).data;
    const { body } = await gql(
      `mutation($input: AddPhoneNumberInput!) { addPhoneNumber(input: $input) { ... on AddPhoneNumberPayload { phoneNumberId } } }`,
      { input: { userId: user!.id, phoneNumber: '+15005550142', verified: true } },
    );
    const id = body.data.addPhoneNumber.phoneNumberId;
    const number = await sdk().phoneNumbers.getPhoneNumber(id);
    expect(number.phoneNumber).toBe('+15005550142');
    expect(number.verification?.status).toBe('verified');
    const after = await sdk().users.getUser(user!.id);
    expect(after.phoneNumbers.map((p) => p.id)).toContain(id);
  });

  it('allowlist and blocklist entries created, and one deleted, through usergraph', async () => {
    const create = async (list: 'Allowlist' | 'Blocklist', identifier: string) => {
      const field = `create${list}Identifier`;
      const { body } = await gql(
        `mutation($input: Create${list}IdentifierInput!) { ${field}(input: $input) { ... on Create${list}IdentifierPayload { entry: ${list.toLowerCase()}Identifier { id } } } }`,
        { input: { identifier } },
      );
      return body.data[field].entry.id as string;
    };
    const kept = await create('Allowlist', 'sdk.allowed@example.com');
    const domain = await create('Allowlist', '*@sdk-partner.example.com');
    const blocked = await create('Blocklist', '+15005550199');
    const { body } = await gql(
      `mutation($id: ID!) { deleteAllowlistIdentifier(input: { allowlistIdentifierId: $id }) { __typename } }`,
      { id: domain },
    );
    expect(body.data.deleteAllowlistIdentifier.__typename).toBe('DeleteAllowlistIdentifierPayload');

    const allowlist = await sdk().allowlistIdentifiers.getAllowlistIdentifierList({ limit: 100 });
    expect(allowlist.totalCount).toBe(allowlist.data.length);
    const allowed = new Map(allowlist.data.map((entry) => [entry.id, entry]));
    expect(allowed.get(kept)).toMatchObject({
      identifier: 'sdk.allowed@example.com',
      identifierType: 'email_address',
    });
    expect(allowed.has(domain)).toBe(false);
    const blocklist = await sdk().blocklistIdentifiers.getBlocklistIdentifierList();
    expect(blocklist.data.find((entry) => entry.id === blocked)).toMatchObject({
      identifier: '+15005550199',
      identifierType: 'phone_number',
    });
  });
});
