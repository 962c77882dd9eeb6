import { describe, expect, it } from 'vitest';
import { createUserLoader } from '../../src/loaders/users.js';
import { createClerkProvider } from '../../src/providers/clerk/index.js';
import { createRegistry } from '../../src/providers/registry.js';
import type { Provider } from '../../src/providers/types.js';
import { useEmulator } from '../helpers/emulator.js';

describe('user loader', () => {
  const emulator = useEmulator({ users: 120 });

  const clerk = () => {
    const { clerkUrl, keys } = emulator();
    return createClerkProvider({ secretKey: keys.clerkSecretKey, apiUrl: clerkUrl });
  };
  const clerkIds = async (provider: Provider) =>
    (await provider.listUsers({}, { offset: 0, limit: 120 }, undefined)).items.map((user) => user.id);
  const lookups = () => emulator().control.requests({ method: 'GET', route: '/users' });

  it('batches as many ids per call as the provider says it reads: 120 Clerk ids are two calls', async () => {
    const provider = clerk();
    const ids = await clerkIds(provider);
    emulator().control.clearRequests();
    const users = await createUserLoader(createRegistry([provider]), undefined).loadMany(ids);
    expect(users.map((user) => (user instanceof Error ? user : user.id))).toEqual(ids);
    expect(lookups()).toHaveLength(2);
    await provider.close();
  });

  it('reads the batch size from limits.maxUsersPerCall, not from a constant', async () => {
    const provider = clerk();
    const ids = await clerkIds(provider);
    emulator().control.clearRequests();
    const narrow: Provider = { ...provider, limits: { ...provider.limits, maxUsersPerCall: 40 } };
    await createUserLoader(createRegistry([narrow]), undefined).loadMany(ids);
    expect(lookups()).toHaveLength(3);
    await provider.close();
  });
});
