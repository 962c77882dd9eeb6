import { describe, expect, it } from 'vitest';
import { UNKNOWN_IDS, useMutations } from './helpers.js';

const USER =
  'user { id provider email phone firstName lastName username externalId publicMetadata privateMetadata }';
const PASSWORD = 'a-long-enough-password-42';

describe('createUser', () => {
  const { mutate, emulator, routes, upstream } = useMutations();

  it('creates a Clerk user with every Clerk field, sending the password once and never echoing it', async () => {
    const users = emulator().control.stats().clerk.users!;
    emulator().control.clearRequests();
    const { result, body } = await mutate(
      'createUser',
      {
        provider: 'CLERK',
        email: 'new.person@example.com',
        phone: '+15005550006',
        firstName: 'New',
        lastName: 'Person',
        username: 'new_person',
        externalId: 'crm-42',
        password: PASSWORD,
        publicMetadata: { plan: 'pro' },
        privateMetadata: { notes: { vip: true } },
      },
      USER,
    );
    expect(result.user).toMatchObject({
      provider: 'CLERK',
      email: 'new.person@example.com',
      phone: '+15005550006',
      firstName: 'New',
      username: 'new_person',
      externalId: 'crm-42',
      publicMetadata: { plan: 'pro' },
      privateMetadata: { notes: { vip: true } },
    });
    expect(routes()).toEqual(['POST /users']);
    expect(emulator().control.stats().clerk.users).toBe(users + 1);
    expect(JSON.stringify(body)).not.toContain(PASSWORD);
    expect(JSON.stringify(upstream())).not.toContain(PASSWORD);
  });

  it('creates a Passage user with an e-mail and metadata', async () => {
    const users = emulator().control.stats().passage.users!;
    emulator().control.clearRequests();
    const { result } = await mutate(
      'createUser',
      { provider: 'PASSAGE', email: 'someone@example.com', publicMetadata: { team: 'a' } },
      USER,
    );
    expect(result.user).toMatchObject({
      provider: 'PASSAGE',
      email: 'someone@example.com',
      publicMetadata: { team: 'a' },
    });
    expect(routes()).toEqual(['POST /apps/{app_id}/users']);
    expect(emulator().control.stats().passage.users).toBe(users + 1);
  });

  it.each(['CLERK', 'PASSAGE'])('a %s e-mail already taken is ConflictError', async (provider) => {
    const input = {
      provider,
      email: 'twice@example.com',
      password: provider === 'CLERK' ? PASSWORD : undefined,
    };
    expect((await mutate('createUser', input)).result.__typename).toBe('CreateUserPayload');
    const { result } = await mutate('createUser', input);
    expect(result).toMatchObject({ __typename: 'ConflictError', provider: provider.toLowerCase() });
  });

  it('is never sent twice when the provider answers 503: one POST, a located error', async () => {
    emulator().control.addFaults({
      kind: 'status',
      status: 503,
      provider: 'clerk',
      method: 'POST',
      times: 1,
    });
    emulator().control.clearRequests();
    const { result, errors } = await mutate('createUser', {
      provider: 'CLERK',
      email: 'once@example.com',
      password: PASSWORD,
    });
    expect(result).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['result'],
        extensions: expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE' }),
      }),
    ]);
    expect(emulator().control.requests({ method: 'POST', route: '/users' })).toHaveLength(1);
  });

  it('refuses Clerk-only fields for a Passage user before any upstream call', async () => {
    emulator().control.clearRequests();
    const { result } = await mutate('createUser', {
      provider: 'PASSAGE',
      email: 'x@example.com',
      username: 'x',
    });
    expect(result).toMatchObject({ __typename: 'InvalidInputError', fields: [{ field: 'username' }] });
    expect(upstream()).toEqual([]);
  });
});

describe('input validation, before any upstream call', () => {
  const { mutate, emulator, userIds, upstream } = useMutations();
  const big = { blob: 'x'.repeat(8 * 1024) };

  const cases: [string, string, Record<string, unknown>, string, string][] = [
    [
      'createUser',
      'a malformed e-mail',
      { provider: 'CLERK', email: 'not-an-email' },
      'email',
      'must be an e-mail address like name@example.com, got "not-an-email"',
    ],
    [
      'createUser',
      'a phone not in E.164',
      { provider: 'PASSAGE', phone: '555-0100' },
      'phone',
      'must be an E.164 phone number like +15005550006, got "555-0100"',
    ],
    [
      'createUser',
      'metadata over 8 KB',
      { provider: 'CLERK', email: 'a@example.com', publicMetadata: big },
      'publicMetadata',
      'must be at most 8192 bytes as JSON, got 8203',
    ],
    [
      'updateUser',
      'an empty update',
      { userId: 'clerk' },
      'input',
      'give at least one of email, phone, externalId, username, firstName, lastName, password, primaryEmailAddressId, primaryPhoneNumberId; got none',
    ],
    [
      'updateUser',
      'a malformed e-mail',
      { userId: 'passage', email: 'a@b' },
      'email',
      'must be an e-mail address like name@example.com, got "a@b"',
    ],
    [
      'updateUser',
      'a phone not in E.164',
      { userId: 'passage', phone: '+0123' },
      'phone',
      'must be an E.164 phone number like +15005550006, got "+0123"',
    ],
    [
      'updateUser',
      'a blank user id',
      { userId: ' ', firstName: 'A' },
      'userId',
      'must be a non-blank id, got " "',
    ],
    [
      'updateUserMetadata',
      'no metadata',
      { userId: 'clerk' },
      'input',
      'give at least one of publicMetadata, privateMetadata, unsafeMetadata; got none',
    ],
    [
      'updateUserMetadata',
      'metadata over 8 KB',
      { userId: 'clerk', unsafeMetadata: big },
      'unsafeMetadata',
      'must be at most 8192 bytes as JSON, got 8203',
    ],
    ['deleteUser', 'a blank user id', { userId: '' }, 'userId', 'must be a non-blank id, got ""'],
  ];

  it.each(cases)('%s with %s is InvalidInputError', async (name, _, input, field, message) => {
    const ids = await userIds();
    const userId = input.userId === 'clerk' || input.userId === 'passage' ? ids[input.userId] : input.userId;
    const before = emulator().control.stats();
    emulator().control.clearRequests();
    const { result, errors } = await mutate(name, { ...input, ...(userId === undefined ? {} : { userId }) });
    expect(errors).toBeUndefined();
    expect(result).toEqual({
      __typename: 'InvalidInputError',
      provider: 'usergraph',
      message: `${field}: ${message}`,
      fields: [{ field, message }],
    });
    expect(upstream()).toEqual([]);
    expect(emulator().control.stats()).toEqual(before);
  });

  it('never repeats a password it refuses', async () => {
    const { body } = await mutate('updateUser', { userId: '', password: 'hunter2-secret' });
    expect(JSON.stringify(body)).not.toContain('hunter2-secret');
  });
});

describe('updateUser and deleteUser', () => {
  const { mutate, emulator, userIds, routes, upstream, gql, clerkUsers } = useMutations();

  it('updates a Clerk user’s names; null removes one', async () => {
    const { clerk } = await userIds();
    emulator().control.clearRequests();
    const { result } = await mutate('updateUser', { userId: clerk, firstName: 'Ada', lastName: null }, USER);
    expect(result.user).toMatchObject({ id: clerk, firstName: 'Ada', lastName: null });
    expect(routes()).toEqual(['PATCH /users/{user_id}']);
    expect(upstream()[0]?.body).toEqual({ first_name: 'Ada', last_name: null });
  });

  it('changes a Clerk user’s primary e-mail by address id', async () => {
    const user = (await clerkUsers()).find((u) => u.email_addresses.length > 1);
    const other = user.email_addresses.find((e: any) => e.id !== user.primary_email_address_id);
    const { result } = await mutate('updateUser', { userId: user.id, primaryEmailAddressId: other.id }, USER);
    expect(result.user.email).toBe(other.email_address);
  });

  it('updates a Passage user’s e-mail', async () => {
    const { passage } = await userIds();
    emulator().control.clearRequests();
    const { result } = await mutate('updateUser', { userId: passage, email: 'moved@example.com' }, USER);
    expect(result.user).toMatchObject({ id: passage, email: 'moved@example.com' });
    expect(routes()).toEqual(['PATCH /apps/{app_id}/users/{user_id}']);
  });

  it('is NotFoundError for an unknown user', async () => {
    const { result } = await mutate('updateUser', { userId: UNKNOWN_IDS.clerk, firstName: 'A' });
    expect(result).toMatchObject({ __typename: 'NotFoundError', provider: 'clerk' });
  });

  it.each(['clerk', 'passage'] as const)('deletes a %s user: a follow-up read is null', async (provider) => {
    const ids = await userIds();
    const users = emulator().control.stats()[provider].users!;
    const { result } = await mutate('deleteUser', { userId: ids[provider] }, 'deletedUserId');
    expect(result).toEqual({ __typename: 'DeleteUserPayload', deletedUserId: ids[provider] });
    expect(emulator().control.stats()[provider].users).toBe(users - 1);
    const { body } = await gql(`query($id: ID!) { user(id: $id) { __typename } }`, { id: ids[provider] });
    expect(body).toEqual({ data: { user: null } });
    expect((await mutate('deleteUser', { userId: ids[provider] })).result.__typename).toBe('NotFoundError');
  });

  it('deletes and reads back in one request: the cached user is dropped', async () => {
    const { clerk } = await userIds();
    const { body } = await gql(
      `mutation($id: ID!) {
        before: updateUser(input: { userId: $id, firstName: "Z" }) { __typename }
        gone: deleteUser(input: { userId: $id }) { __typename }
        again: deleteUser(input: { userId: $id }) { __typename }
      }`,
      { id: clerk },
    );
    expect(body.data).toEqual({
      before: { __typename: 'UpdateUserPayload' },
      gone: { __typename: 'DeleteUserPayload' },
      again: { __typename: 'NotFoundError' },
    });
  });
});
