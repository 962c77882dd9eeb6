/**
 * A provider as the pipeline (server.ts) serves it and the control plane (control.ts) resets
 * it, and the request target both are handed: the types the two share.
 */
import type { ProviderEmulator } from './provider.js';
import type { FixedWindowLimiter } from './rate-limit.js';
import type { ProviderRouter } from './router.js';

export interface MountedProvider {
  emulator: ProviderEmulator;
  /** Where the provider is served, e.g. `/clerk/v1`. */
  mount: string;
  router: ProviderRouter;
  limiter: FixedWindowLimiter | undefined;
}

/** The request target exactly as sent: path and query, never normalized. */
export interface RequestTarget {
  pathname: string;
  search: string;
  searchParams: URLSearchParams;
}
