import { describe, expect, it } from 'vitest';
import { useMutations } from './helpers.js';

describe('deleteExternalAccount and deleteWeb3Wallet', () => {
  const { mutate, emulator, clerkUsers, userIds, routes, writes } = useMutations({ users: 100 });

  const cases = [
    [
      'deleteExternalAccount',
      'externalAccountId',
      'external_accounts',
      'externalAccounts',
      '/users/{user_id}/external_accounts/{external_account_id}',
    ],
    [
      'deleteWeb3Wallet',
      'web3WalletId',
      'web3_wallets',
      'web3Wallets',
      '/users/{user_id}/web3_wallets/{web3_wallet_identification_id}',
    ],
  ] as const;

  it.each(cases)('%s removes it from a Clerk user', async (name, idField, wire, field, route) => {
    const user = (await clerkUsers()).find((u) => u[wire].length > 0);
    const id = user[wire][0].id;
    emulator().control.clearRequests();
    const deleted = `deleted${idField[0]!.toUpperCase()}${idField.slice(1)}`;
    const { result, errors } = await mutate(
      name,
      { userId: user.id, [idField]: id },
      `userId ${deleted} user { ${field} { id } }`,
    );
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ userId: user.id, [deleted]: id });
    expect(result.user[field]).not.toContainEqual({ id });
    expect(routes()[0]).toBe(`DELETE ${route}`);
    expect(writes()).toHaveLength(1);
  });

  it.each(cases)('%s of an unknown id is NotFoundError', async (name, idField) => {
    const { clerk } = await userIds();
    const { result } = await mutate(name, { userId: clerk, [idField]: 'idn_nope' });
    expect(result).toMatchObject({ __typename: 'NotFoundError', provider: 'clerk' });
  });

  it.each(cases)('%s is UnsupportedError on Passage, with no upstream call', async (name, idField) => {
    const { passage } = await userIds();
    emulator().control.clearRequests();
    const { result } = await mutate(name, { userId: passage, [idField]: 'anything' });
    expect(result).toMatchObject({ __typename: 'UnsupportedError', provider: 'passage' });
    expect(emulator().control.requests()).toEqual([]);
  });
});
