import type { ProviderEmulator } from '../provider.js';

// Placeholder until the passage emulator lands: serves nothing, answers 404 to everything.
export function createPassageEmulator(_options: { appId: string; apiKey: string }): ProviderEmulator {
  return {
    name: 'passage',
    routes: [],
    authenticate: () => undefined,
    notFound: () => ({ status: 404, body: { error: 'not found' } }),
    errorFor: (status) => ({ status, body: { error: 'emulated failure' } }),
    reset: () => undefined,
    stats: () => ({}),
  };
}
