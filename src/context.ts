/** What every resolver receives: the providers, and loaders made for this request alone. */
import { createLoaders, type Loaders } from './loaders/index.js';
import type { ProviderRegistry } from './providers/registry.js';

export interface Context {
  providers: ProviderRegistry;
  loaders: Loaders;
  /** Aborted when the client goes away; passed to every upstream call. */
  signal: AbortSignal | undefined;
}

export function createContext(providers: ProviderRegistry, request: Request): Context {
  return { providers, loaders: createLoaders(providers, request.signal), signal: request.signal };
}
