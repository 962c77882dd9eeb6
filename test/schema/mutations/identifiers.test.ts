import { describe, expect, it } from 'vitest';
import { useMutations } from './helpers.js';

const EMAIL =
  'emailAddressId emailAddress { id address verified primary } user { email emailAddresses { id address verified primary } }';
const PHONE =
  'phoneNumberId phoneNumber { id number verified primary } user { phone phoneNumbers { id number verified primary } }';

describe('e-mail addresses and phone numbers', () => {
  const { mutate, clerk, userIds, emulator, routes, upstream } = useMutations();

  it('adding an e-mail as verified and primary makes it the user’s primary and verified address', async () => {
    const { clerk: id } = await userIds();
    emulator().control.clearRequests();
    const { result, errors } = await mutate(
      'addEmailAddress',
      { userId: id, emailAddress: 'new.primary@example.com', verified: true, primary: true },
      EMAIL,
    );
    expect(errors).toBeUndefined();
    expect(result.__typename).toBe('AddEmailAddressPayload');
    expect(result.emailAddress).toEqual({
      id: result.emailAddressId,
      address: 'new.primary@example.com',
      verified: true,
      primary: true,
    });
    expect(result.user.email).toBe('new.primary@example.com');
    expect(result.user.emailAddresses.filter((e: any) => e.primary)).toEqual([result.emailAddress]);
    expect(routes()).toEqual(['POST /email_addresses', 'GET /users']);
    expect(upstream()[0]!.body).toEqual({
      user_id: id,
      email_address: 'new.primary@example.com',
      verified: true,
      primary: true,
    });
    const { body } = await clerk('GET', `/users/${id}`);
    expect(body.primary_email_address_id).toBe(result.emailAddressId);
  });

  it('adds an unverified, non-primary address when no flag is given', async () => {
    const { clerk: id } = await userIds();
    const before = (await clerk('GET', `/users/${id}`)).body;
    const { result } = await mutate(
      'addEmailAddress',
      { userId: id, emailAddress: 'second@example.com' },
      EMAIL,
    );
    expect(result.emailAddress).toMatchObject({ verified: false, primary: false });
    expect((await clerk('GET', `/users/${id}`)).body.primary_email_address_id).toBe(
      before.primary_email_address_id,
    );
  });

  it('updateEmailAddress marks an address verified and primary, deleteEmailAddress removes it', async () => {
    const { clerk: id } = await userIds();
    const { result: added } = await mutate(
      'addEmailAddress',
      { userId: id, emailAddress: 'later@example.com' },
      EMAIL,
    );
    emulator().control.clearRequests();
    const { result: updated } = await mutate(
      'updateEmailAddress',
      { userId: id, emailAddressId: added.emailAddressId, verified: true, primary: true },
      EMAIL,
    );
    expect(updated.emailAddress).toMatchObject({ verified: true, primary: true });
    expect(routes()[0]).toBe('PATCH /email_addresses/{email_address_id}');

    const { result: deleted } = await mutate(
      'deleteEmailAddress',
      { userId: id, emailAddressId: added.emailAddressId },
      'deletedEmailAddressId user { email emailAddresses { id primary } }',
    );
    expect(deleted.deletedEmailAddressId).toBe(added.emailAddressId);
    expect(deleted.user.emailAddresses.map((e: any) => e.id)).not.toContain(added.emailAddressId);
    expect(deleted.user.emailAddresses.filter((e: any) => e.primary)).toHaveLength(1);
  });

  it('phone numbers: add as verified and primary, update, delete', async () => {
    const { clerk: id } = await userIds();
    const { result: added, errors } = await mutate(
      'addPhoneNumber',
      { userId: id, phoneNumber: '+15005550199', verified: true, primary: true },
      PHONE,
    );
    expect(errors).toBeUndefined();
    expect(added.phoneNumber).toMatchObject({ number: '+15005550199', verified: true, primary: true });
    expect(added.user.phone).toBe('+15005550199');

    const { result: updated } = await mutate(
      'updatePhoneNumber',
      { userId: id, phoneNumberId: added.phoneNumberId, verified: false },
      PHONE,
    );
    expect(updated.phoneNumber).toMatchObject({ verified: false, primary: true });

    const { result: deleted } = await mutate(
      'deletePhoneNumber',
      { userId: id, phoneNumberId: added.phoneNumberId },
      'deletedPhoneNumberId',
    );
    expect(deleted).toEqual({
      __typename: 'DeletePhoneNumberPayload',
      deletedPhoneNumberId: added.phoneNumberId,
    });
  });

  it.each([
    ['addEmailAddress', { emailAddress: 'not-an-address' }, 'emailAddress'],
    ['addPhoneNumber', { phoneNumber: '555-0100' }, 'phoneNumber'],
    ['updateEmailAddress', { emailAddressId: 'idn_x' }, 'input'],
    ['updateEmailAddress', { emailAddressId: 'idn_x', primary: false }, 'primary'],
  ])('%s refuses bad input before any upstream call (%j)', async (name, input, field) => {
    const { clerk: id } = await userIds();
    emulator().control.clearRequests();
    const { result } = await mutate(name, { userId: id, ...input });
    expect(result.__typename).toBe('InvalidInputError');
    expect(result.fields.map((f: any) => f.field)).toEqual([field]);
    expect(upstream()).toEqual([]);
  });

  it('an address another user holds is ConflictError from Clerk, and nothing changes', async () => {
    const users = (await clerk('GET', '/users?limit=2')).body;
    const taken = users[1].email_addresses[0].email_address;
    const { result } = await mutate('addEmailAddress', { userId: users[0].id, emailAddress: taken });
    expect(result).toMatchObject({ __typename: 'ConflictError', provider: 'clerk' });
    expect((await clerk('GET', `/users/${users[0].id}`)).body.email_addresses).toEqual(
      users[0].email_addresses,
    );
  });

  it.each(['addEmailAddress', 'addPhoneNumber'])(
    '%s on a Passage user is UnsupportedError naming updateUser, with no upstream call',
    async (name) => {
      const { passage } = await userIds();
      emulator().control.clearRequests();
      const value =
        name === 'addEmailAddress' ? { emailAddress: 'x@example.com' } : { phoneNumber: '+15005550100' };
      const { result } = await mutate(name, { userId: passage, ...value });
      expect(result).toMatchObject({ __typename: 'UnsupportedError', provider: 'passage' });
      expect(upstream()).toEqual([]);
    },
  );
});
