import { describe, expect, it } from 'vitest';
import { createClerkProvider } from '../../src/providers/clerk/index.js';
import { createPassageProvider } from '../../src/providers/passage/index.js';
import { PROVIDER_TRAITS } from '../../src/providers/catalog.js';
import { createRegistry, operation, supports } from '../../src/providers/registry.js';
import type { OptionalOperations, Provider } from '../../src/providers/types.js';
import { useEmulator } from '../helpers/emulator.js';

describe('provider registry', () => {
  const emulator = useEmulator({ users: 5 });
  const registry = (which: ('clerk' | 'passage')[] = ['clerk', 'passage']) => {
    const { clerkUrl, passageUrl, keys } = emulator();
    return createRegistry([
      ...(which.includes('clerk')
        ? [createClerkProvider({ secretKey: keys.clerkSecretKey, apiUrl: clerkUrl })]
        : []),
      ...(which.includes('passage')
        ? [
            createPassageProvider({
              appId: keys.passageAppId,
              apiKey: keys.passageApiKey,
              apiUrl: passageUrl,
            }),
          ]
        : []),
    ]);
  };

  it.each([
    ['user_2abcDEF', 'clerk'],
    ['FXmduAG55lEsueAiKqZ4Kjfy', 'passage'],
  ])('routes %s to %s with both providers on', async (id, expected) => {
    const providers = registry();
    expect(providers.forUserId(id).name).toBe(expected);
    await providers.close();
  });

  it.each(['', '../x', 'a/b', '%2F', 'user_ü', 'x'.repeat(129), 'a b', 'user_1?x=1'])(
    'refuses the malformed id %j as INVALID_INPUT before any call',
    async (id) => {
      const providers = registry();
      expect(() => providers.forUserId(id)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
      expect(emulator().control.requests()).toHaveLength(0);
      await providers.close();
    },
  );

  it('refuses an id no configured provider can hold, as NOT_FOUND', async () => {
    const providers = registry(['clerk']);
    expect(() => providers.forUserId('FXmduAG55lEsueAiKqZ4Kjfy')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    await providers.close();
  });

  it('reports an operation a provider lacks as UNSUPPORTED, and binds the ones it has', async () => {
    const providers = registry();
    const passage = providers.forUserId('FXmduAG55lEsueAiKqZ4Kjfy');
    expect(() => operation(passage, 'banUser')).toThrow(
      expect.objectContaining({
        code: 'UNSUPPORTED',
        provider: 'passage',
        message: 'passage does not support banUser',
      }),
    );
    const clerk = providers.forUserId('user_x');
    const [user] = (await clerk.listUsers({}, { offset: 0, limit: 1 }, undefined)).items;
    const banned = await operation(clerk, 'banUser')(user!.id);
    expect(banned.status).toBe('BANNED');
    await providers.close();
  });

  it('has, in each provider, exactly the optional operations its capability table lists', async () => {
    const providers = registry();
    const every: (keyof OptionalOperations)[] = [
      ...new Set(PROVIDER_TRAITS.flatMap((traits) => [...traits.capabilities])),
    ];
    for (const provider of providers.all) {
      const implemented = every.filter((name) => typeof provider[name] === 'function');
      expect(implemented.sort()).toEqual([...provider.capabilities].sort());
      expect(PROVIDER_TRAITS.find((traits) => traits.name === provider.name)).toMatchObject({
        limits: provider.limits,
        capabilities: provider.capabilities,
        filters: provider.filters,
      });
    }
    await providers.close();
  });

  it('answers UNSUPPORTED from the capability table, whatever methods the object has', async () => {
    const providers = registry(['clerk']);
    const clerk = providers.forUserId('user_x');
    const withoutBans: Provider = { ...clerk, capabilities: new Set(['lockUser']) };
    expect(supports(withoutBans, 'banUser')).toBe(false);
    expect(() => operation(withoutBans, 'banUser')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED' }));
    expect(emulator().control.requests()).toHaveLength(0);
    await providers.close();
  });
});
