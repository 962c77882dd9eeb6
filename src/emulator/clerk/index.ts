import type { ProviderEmulator } from '../provider.js';

// Placeholder until the clerk emulator lands: serves nothing, answers 404 to everything.
export function createClerkEmulator(_options: { secretKey: string }): ProviderEmulator {
  return {
    name: 'clerk',
    routes: [],
    authenticate: () => undefined,
    notFound: () => ({ status: 404, body: { error: 'not found' } }),
    errorFor: (status) => ({ status, body: { error: 'emulated failure' } }),
    reset: () => undefined,
    stats: () => ({}),
  };
}
