/**
 * The request's DataLoaders, created fresh for every GraphQL request in yoga's context factory:
 * nothing cached here outlives the request that filled it.
 */
import type { ProviderRegistry } from '../providers/registry.js';
import { createDevicesLoader } from './devices.js';
import { createUserLoader } from './users.js';

export function createLoaders(providers: ProviderRegistry, signal?: AbortSignal) {
  const user = createUserLoader(providers, signal);
  return {
    user,
    devices: createDevicesLoader(providers, signal),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
