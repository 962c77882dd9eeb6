/**
 * What every resolver receives: who is calling, the providers, and loaders made for this request
 * alone.
 */
import { createLoaders, type Loaders } from './loaders/index.js';
import type { Caller } from './plugins/use-caller-auth.js';
import type { ProviderRegistry } from './providers/registry.js';

export interface Context {
  /** Who is calling and with which scopes, as `useCallerAuth` decided for this request. */
  caller: Caller;
  providers: ProviderRegistry;
  loaders: Loaders;
  /** Aborted when the client goes away; passed to every upstream call. */
  signal: AbortSignal | undefined;
}

export function createContext(providers: ProviderRegistry, request: Request, caller: Caller): Context {
  return { caller, providers, loaders: createLoaders(providers, request.signal), signal: request.signal };
}
